import { DriverException } from '@mikro-orm/core';

/**
 * What may be logged about an error: its class, PostgreSQL's code and the names of the constraint,
 * table and column — never its message or stack, which for a database error hold the whole SQL
 * statement with the values inlined (writers' names, tracking codes, ciphertexts; PR1, issue 12).
 */
export function errorSummary(error: unknown): string {
  const e = error as any;
  if (!e || typeof e !== 'object') return typeof error;
  const parts = [String(e.constructor?.name ?? e.name ?? 'Error')];
  for (const key of ['code', 'routine', 'constraint', 'table', 'column'] as const) {
    const v = e[key];
    if (typeof v === 'string' && /^[\w.-]{1,80}$/.test(v)) parts.push(`${key}=${v}`);
  }
  // our own and GraphQL's errors carry messages written by us, with no input in them
  if (!(e instanceof DriverException) && typeof e.extensions?.code === 'string') parts.push(`extensions.code=${e.extensions.code}`);
  return parts.join(' ');
}
