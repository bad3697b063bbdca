import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';

// The baseline is committed, not read from git history: CI clones may be shallow.
const baseline = buildSchema(fs.readFileSync(path.resolve('test/contract/schema.baseline.graphql'), 'utf8'));
const current = buildSchema(fs.readFileSync(path.resolve('schema/schema.graphql'), 'utf8'));

describe('API contract (schema/schema.graphql against the contract at the start of issue 9)', () => {
  it('only grows: no type, field, argument or enum value of the baseline is removed or changed incompatibly', () => {
    const breaking = findBreakingChanges(baseline, current).map((c) => `${c.type}: ${c.description}`);
    expect(breaking).toEqual([]);
  });
});
