import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupResources, MENU_GROUPS } from '../../admin/src/layout/menuGroups.js';
import { buildSchemaModel, introspectionFromSdl } from '../../admin/src/providers/schema.js';
import { modelForRoles } from '../../admin/src/providers/access.js';

const model = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));

describe('the menu as the office thinks', () => {
  it('places every resource of the schema in one named section', () => {
    const named = MENU_GROUPS.flatMap((g) => g.resources as readonly string[]);
    expect(model.resources.map((r) => r.name).filter((n) => !named.includes(n))).toEqual([]);
    expect(new Set(named).size).toBe(named.length);
  });

  it('gives a department handler a handful of entries, its letters under 信件与接待', () => {
    const handler = groupResources(modelForRoles(model, ['DEPARTMENT_HANDLER']).resources.map((r) => r.name));
    expect(handler).toEqual({
      people: ['Body', 'Organization', 'Leader'],
      contact: [],
      casework: ['Letter', 'LetterEvent', 'Department', 'CalendarDay'],
      duty: [],
      statistics: [],
      system: ['Notification'],
    });
  });
});

describe('generic pages show no raw keys', () => {
  it('shows a handling record’s step by its Chinese name, never the mutation name', async () => {
    const { readableFields } = await import('../../admin/src/schema-ui/views.js');
    const events = model.resources.find((r) => r.name === 'LetterEvent')!;
    const names = readableFields(events).map((f) => f.name);
    expect([names.includes('action'), names.includes('actionLabel')]).toEqual([false, true]);
  });
});
