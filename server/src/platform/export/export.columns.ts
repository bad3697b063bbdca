/**
 * The columns of a list export, read from the GraphQL type of the resource: the fields the list shows
 * (scalars, enums and lists of them, no arguments), headed by their Chinese descriptions, in the order
 * the console's generic list uses. Values are what the API returns — masked personal data (PR1), the
 * writer withheld from handlers (PR2) — rendered for a spreadsheet: enums as their labels, dates
 * `YYYY-MM-DD`, datetimes `YYYY-MM-DD HH:mm` Beijing time, booleans 是/否.
 */
import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { referenceFor } from './record-name.js';

/** Fields that are the console's machinery, not a record's content. */
const SKIPPED = new Set(['version', 'allowedActions', 'myActions']);

const LEADING = ['id', 'serialNumber', 'name', 'title', 'code'];
const TRAILING = ['createdAt', 'updatedAt'];

/** A rule id as the documents cite it (the console's providers/schema.ts shortLabel, same cut). */
const RULE_CODE = /\b[A-Z]{2,3}\d+\b|LAW|第\s*\d+\s*条/;

export function stripRuleCodes(text: string): string {
  let s = text.replace(/（[^（）]*$/, '').replace(/\([^()]*$/, '');
  s = s.replace(/[（(][^（）()]*[）)]/g, (m) => (RULE_CODE.test(m) || /^[（(]\s*只读\s*[）)]$/.test(m) ? '' : m));
  return s.trim();
}

/** 所属工作机构（PR3） → 所属工作机构; 联系电话（脱敏，… → 联系电话. */
export function shortLabel(description: string | null | undefined, fallback: string): string {
  if (!description) return fallback;
  const clauses = description.split(/[，,：:；;。\n]/).map((c) => c.trim());
  const cut = clauses.find((c) => c && !new RegExp(`^(?:${RULE_CODE.source})$`).test(c)) ?? '';
  return stripRuleCodes(cut) || fallback;
}

export type Render = (value: unknown) => string | number | null;

export interface ExportColumn {
  field: string;
  header: string;
  render: Render;
  /** the resource a link column refers to: its cells name the record (record-name.ts), not its id */
  reference?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-02T01:30:00.000Z` → `2026-03-02 09:30` (Beijing, UTC+8 all year). */
export function beijingDateTime(value: unknown): string | null {
  if (value == null) return null;
  const d = new Date(value as string);
  if (Number.isNaN(d.getTime())) return String(value);
  const b = new Date(d.getTime() + 8 * 3600_000);
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

function scalarRender(type: GraphQLNamedType): Render {
  if (isEnumType(type)) {
    const labels = new Map(type.getValues().map((v) => [v.name, (v.description && stripRuleCodes(v.description.split('\n')[0])) || v.name]));
    return (v) => (v == null ? null : (labels.get(String(v)) ?? String(v)));
  }
  switch (type.name) {
    case 'Int':
    case 'Float':
      return (v) => (v == null ? null : Number(v));
    case 'Boolean':
      return (v) => (v == null ? null : v ? '是' : '否');
    case 'DateTimeISO':
      return beijingDateTime;
    case 'LocalDate':
      return (v) => (v == null ? null : String(v).slice(0, 10));
    default:
      return (v) => (v == null ? null : String(v));
  }
}

function unwrapList(type: GraphQLOutputType): boolean {
  const t = isNonNullType(type) ? type.ofType : type;
  return isListType(t);
}

/** The exported columns of `typeName`, or undefined when the schema has no such object type. */
export function exportColumns(schema: GraphQLSchema, typeName: string, resourceNames: ReadonlySet<string> = new Set()): ExportColumn[] | undefined {
  const type = schema.getType(typeName);
  if (!type || !isObjectType(type)) return undefined;
  const fields = Object.values((type as GraphQLObjectType).getFields()) as GraphQLField<unknown, unknown>[];
  const strings = new Set(fields.filter((f) => getNamedType(f.type).name === 'String').map((f) => f.name));
  const shown = fields.filter((f) => {
    if (SKIPPED.has(f.name) || f.args.length) return false;
    const named = getNamedType(f.type);
    if (!isScalarType(named) && !isEnumType(named)) return false;
    // a link whose record name is a column of its own (authorId beside authorName) is shown by name
    const link = /^(.+?)Ids?$/.exec(f.name);
    if (link && named.name === 'ID' && f.name !== 'id') {
      const stem = link[1];
      if ([`${stem}Name`, `${stem}Names`, `${stem.replace(/Account$/, '')}Name`].some((n) => strings.has(n))) return false;
    }
    return true;
  });
  const rank = (n: string) => {
    const lead = LEADING.indexOf(n);
    if (lead >= 0) return lead;
    const trail = TRAILING.indexOf(n);
    return trail >= 0 ? 100 + trail : 50;
  };
  const ordered = shown.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f.name) - rank(b.f.name) || a.i - b.i).map(({ f }) => f);
  const columns = ordered.map((f) => {
    const one = scalarRender(getNamedType(f.type));
    const render: Render = unwrapList(f.type)
      ? (v) => (Array.isArray(v) ? v.map((x) => one(x)).filter((x) => x != null).join('、') || null : null)
      : one;
    const reference = getNamedType(f.type).name === 'ID' && f.name !== 'id' ? referenceFor(f.name, typeName, resourceNames) : null;
    return { field: f.name, header: f.name === 'id' ? '编号' : shortLabel(f.description, f.name), render, ...(reference ? { reference } : {}) };
  });
  // a record with its own 编号 (a letter's serial number) calls the database id 系统编号
  if (columns.some((c) => c.field !== 'id' && c.header === '编号')) columns.find((c) => c.field === 'id')!.header = '系统编号';
  return columns;
}
