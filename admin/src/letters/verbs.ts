/**
 * The dialog of a workflow step, read from the committed schema: the mutation's arguments (but the
 * letter's id and version, which the page supplies) and the GraphQL document that takes the step.
 * Pure: unit-tested in test/admin/letter-verbs.test.ts.
 */
import type { IntrospectionObjectType, IntrospectionTypeRef } from 'graphql';
import { valueModel, type SchemaModel, type ValueModel } from '../providers/schema';

export interface VerbArg extends ValueModel {
  /** What the description adds to the label (a default, a condition), without rule codes. */
  hint: string | null;
}

export interface VerbModel {
  action: string;
  /** The arguments the person fills in: the required ones first, the note last. */
  args: VerbArg[];
  /** The mutation, with every argument as a variable; it returns the letter's new state. */
  document: string;
  /** Whether the mutation takes the letter as `id` and `version` (mergeLetters takes `letterIds`). */
  takesId: boolean;
}

/** The page's own arguments: the letter and the version it shows. */
const SUPPLIED = ['id', 'version'];

const RULE_CODE = /\s*(?:(?:CT|MB|LO|PV|ST|SV|DL|PF|PR)\d+|LAW\s*第[^，、）)]*条)\s*/g;

/** 主办单位（PV7） → 主办单位; 协调…副秘书长（有协办单位时必填，PV7） → 协调…副秘书长, hint 有协办单位时必填. */
export function argLabel(description: string | null | undefined, fallback: string): { label: string; hint: string | null } {
  if (!description) return { label: fallback, hint: null };
  const m = description.match(/^([^（(]+)[（(](.*)[）)]\s*$/);
  const label = (m ? m[1] : description).trim();
  const hint = m ? m[2].replace(RULE_CODE, '').replace(/^[，、；：\s]+|[，、；：\s]+$/g, '').replace(/[，、]{2,}/g, '，') : '';
  return { label: label || fallback, hint: hint || null };
}

const rank = (a: ValueModel) => (a.name === 'note' ? 2 : a.required ? 0 : 1);

function typeString(ref: IntrospectionTypeRef): string {
  if (ref.kind === 'NON_NULL') return `${typeString(ref.ofType)}!`;
  if (ref.kind === 'LIST') return `[${typeString(ref.ofType)}]`;
  return (ref as { name: string }).name;
}

export function verbModel(model: SchemaModel, action: string): VerbModel | null {
  const { introspection } = model;
  const mutationType = introspection.types.find((t) => t.name === introspection.mutationType?.name) as IntrospectionObjectType | undefined;
  const mutation = mutationType?.fields.find((f) => f.name === action);
  if (!mutation) return null;
  const resourceNames = new Set(model.resources.map((r) => r.name));
  const enumNames = new Set(Object.keys(model.enums));
  const args = mutation.args
    .filter((a) => !SUPPLIED.includes(a.name))
    .map((a, i) => ({ a, i, v: valueModel(a, 'Letter', resourceNames, enumNames) }))
    .sort((x, y) => rank(x.v) - rank(y.v) || x.i - y.i)
    .map(({ a, v }) => ({ ...v, ...argLabel(a.description, a.name) }));
  const vars = mutation.args.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ');
  const pass = mutation.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const document = `mutation (${vars}) { ${action}(${pass}) { id version status } }`;
  return { action, args, document, takesId: mutation.args.some((a) => a.name === 'id') };
}

/**
 * Whether the dialog can be filled in by this role: every link it asks for points at a resource the
 * role may read (a picker the server would refuse is never shown).
 */
export function verbUsable(verb: VerbModel, model: SchemaModel): boolean {
  return verb.args.every(
    (a) => (a.kind !== 'ref' && a.kind !== 'refs') || PICKED_BY_QUERY[verb.action] === a.name || (a.reference != null && model.resources.some((r) => r.name === a.reference)),
  );
}

/**
 * Links whose choices come from a query of their own rather than the referenced resource's list:
 * the hand-over's new owner (accounts are no resource office staff read; PV4 handOverCandidates).
 */
export const PICKED_BY_QUERY: Record<string, string> = { handOverLetter: 'toAccountId' };

/**
 * Arguments the dialog asks for only once the server has refused the step for want of them: the
 * reason to forward to a unit the letter's text names but does not list as involved (PV5, issue 12).
 */
export const ASKED_AFTER_REFUSAL: Record<string, string> = { forwardLetter: 'confirmNamedDepartment' };

/** The variables of the step: the letter, then what was filled in (empty strings sent as nothing). */
export function verbVariables(verb: VerbModel, letter: { id: string | number; version?: number }, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = verb.takesId ? { id: String(letter.id), version: letter.version ?? null } : { letterIds: [String(letter.id)] };
  for (const a of verb.args) {
    const v = values[a.name];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0 && !a.required)) continue;
    out[a.name] = a.kind === 'int' && typeof v === 'string' ? Number(v) : v;
  }
  return out;
}

/** A required date the clerk records (the reply's date) starts at today, as the register's 收到日期 does. */
export function verbDefaults(verb: VerbModel, today: string): Record<string, string> {
  return Object.fromEntries(verb.args.filter((a) => a.required && a.kind === 'date').map((a) => [a.name, today]));
}
