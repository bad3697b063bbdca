import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../server/src/schema.js';

const file = path.resolve('schema/schema.graphql');

describe('schema contract', () => {
  it('schema/schema.graphql is exactly what the server emits (run `npm run schema:emit` after a change)', async () => {
    const current = await printedSchema();
    if (process.env.UPDATE_SCHEMA === '1') fs.writeFileSync(file, current);
    expect(fs.readFileSync(file, 'utf8')).toBe(current);
  });
});
