import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchemaModel, introspectionFromSdl } from '../../admin/src/providers/schema.js';
import { REGISTER_SECTIONS, SIDEBAR_STATUSES, SOURCE_FIELDS, FORM_SET_FIELDS } from '../../admin/src/letters/register.js';

const model = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));
const letters = model.resources.find((r) => r.name === 'Letter')!;

describe('the registration form (信访登记表, PV1)', () => {
  it('lays out every argument of registerLetter exactly once, or sets it itself (the idempotency key)', () => {
    const laid = [...REGISTER_SECTIONS.flatMap((s) => s.fields as readonly string[]), ...Object.values(SOURCE_FIELDS).flat(), ...FORM_SET_FIELDS];
    expect([...laid].sort()).toEqual(letters.createArgs!.map((a) => a.name).sort());
    expect(new Set(laid).size).toBe(laid.length);
  });
});

describe('the register’s side panel', () => {
  it('offers states the schema has, each once', () => {
    const statuses = model.enums.LetterStatus.choices.map((c) => c.id);
    expect(SIDEBAR_STATUSES.filter((s) => !statuses.includes(s))).toEqual([]);
    expect(new Set(SIDEBAR_STATUSES).size).toBe(SIDEBAR_STATUSES.length);
  });
});
