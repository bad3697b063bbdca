import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchemaModel, introspectionFromSdl } from '../../admin/src/providers/schema.js';
import { REGISTER_SECTIONS, SOURCE_FIELDS } from '../../admin/src/letters/register.js';

const model = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));
const letters = model.resources.find((r) => r.name === 'Letter')!;

describe('the registration form (信访登记表, PV1)', () => {
  it('lays out every argument of registerLetter exactly once', () => {
    const laid = [...REGISTER_SECTIONS.flatMap((s) => s.fields as readonly string[]), ...Object.values(SOURCE_FIELDS).flat()];
    expect([...laid].sort()).toEqual(letters.createArgs!.map((a) => a.name).sort());
    expect(new Set(laid).size).toBe(laid.length);
  });
});
