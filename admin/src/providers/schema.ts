/**
 * The console's picture of the API, read from the committed `schema/schema.graphql` (no run-time
 * introspection). Pure functions: unit-tested in schema.test.ts.
 */
import { uiT } from '../i18n/translate';
import {
  buildSchema,
  introspectionFromSchema,
  type IntrospectionField,
  type IntrospectionInputValue,
  type IntrospectionObjectType,
  type IntrospectionSchema,
  type IntrospectionType,
  type IntrospectionTypeRef,
  type IntrospectionEnumType,
  type IntrospectionInputObjectType,
} from 'graphql';

export type ValueKind = 'id' | 'string' | 'int' | 'float' | 'boolean' | 'date' | 'datetime' | 'enum' | 'ref' | 'refs' | 'list' | 'other';

export interface EnumChoice {
  id: string;
  label: string;
}

/** A field of a resource type, an argument of its create/update mutation or a filter key. */
export interface ValueModel {
  name: string;
  /** Short Chinese label from the description (text before the first comma/colon). */
  label: string;
  description: string | null;
  kind: ValueKind;
  required: boolean;
  /** Enum type name and its values, for kind `enum`. */
  enumName?: string;
  /** Resource the id points to, for kinds `ref`/`refs` (null when it cannot be told from the name). */
  reference?: string | null;
  /** For links: the text field of the same record that names the linked record (see nameFieldFor). */
  nameField?: string;
}

export interface ResourceModel {
  /** GraphQL type name, also react-admin's resource name (`Body`). */
  name: string;
  /** Chinese name of the resource, e.g. 机构. */
  label: string;
  description: string | null;
  fields: ValueModel[];
  /** Arguments of `create<Type>` (undefined when the API has no such mutation). */
  createArgs?: ValueModel[];
  /** Arguments of `update<Type>` other than `id` and `version`. */
  updateArgs?: ValueModel[];
  canDelete: boolean;
  /** Keys of `<Type>Filter`. */
  filters: ValueModel[];
  /** Fields that may name a record in references and titles, best first (see `represent`). */
  representation: string[];
  /** Fields the list may sort on (the server's sortable fields: id, timestamps, written fields). */
  sortable: Set<string>;
}

export interface SchemaModel {
  resources: ResourceModel[];
  enums: Record<string, { label: string; choices: EnumChoice[] }>;
  introspection: IntrospectionSchema;
}

export function introspectionFromSdl(sdl: string): IntrospectionSchema {
  return introspectionFromSchema(buildSchema(sdl)).__schema;
}

/** A rule id as the documents cite it: CT3, PR3, MB2, the national regulation (LAW 第23条). */
const RULE_CODE = /\b[A-Z]{2,3}\d+\b|LAW|第\s*\d+\s*条/;

/**
 * 名称，如 嘉兴市政协 → 名称; 版本号：更新时… → 版本号. A label reads as the clerk's word: no rule
 * codes (所属工作机构（PR3） → 所属工作机构; ST1：至少 2 名… → 至少 2 名…), no bracket left open
 * by the cut (联系电话（脱敏，… → 联系电话), no （只读）.
 */
export function shortLabel(description: string | null | undefined, fallback: string): string {
  if (!description) return fallback;
  const clauses = description.split(/[，,：:；;。\n]/).map((c) => c.trim());
  // a description that opens with its rule id names the field in the clause after it
  const cut = clauses.find((c) => c && !new RegExp(`^(?:${RULE_CODE.source})$`).test(c)) ?? '';
  const label = stripRuleCodes(cut);
  return label || fallback;
}

/** Removes brackets that cite a rule or say 只读, and a bracket the cut left open. */
export function stripRuleCodes(text: string): string {
  let s = text.replace(/（[^（）]*$/, '').replace(/\([^()]*$/, '');
  s = s.replace(/[（(][^（）()]*[）)]/g, (m) => (RULE_CODE.test(m) || /^[（(]\s*只读\s*[）)]$/.test(m) ? '' : m));
  return s.trim();
}

/** The resource's Chinese name from the operation descriptions the server writes (按编号读取机构, 新建机构, 机构列表…). */
export function resourceLabel(type: IntrospectionObjectType, queries: Map<string, IntrospectionField>, mutations: Map<string, IntrospectionField>): string {
  const byId = queries.get(type.name)?.description?.match(/^按编号读取(.+)$/)?.[1];
  const created = mutations.get(`create${type.name}`)?.description?.match(/^新建(.+)$/)?.[1];
  const listed = [...queries.values()].find((q) => q.name.startsWith('all') && unwrap(q.type).named.name === type.name)?.description?.match(/^(.+?)列表/)?.[1];
  return (byId ?? created ?? listed ?? shortLabel(type.description, type.name)).trim();
}

export function unwrap(ref: IntrospectionTypeRef): { named: IntrospectionTypeRef & { name: string }; required: boolean; list: boolean } {
  let required = false;
  let list = false;
  let t: any = ref;
  if (t.kind === 'NON_NULL') {
    required = true;
    t = t.ofType;
  }
  while (t.kind === 'NON_NULL' || t.kind === 'LIST') {
    if (t.kind === 'LIST') list = true;
    t = t.ofType;
  }
  return { named: t, required, list };
}

import { referenceFor, representationFields, represent as representWith, type NameWords } from '../../../server/src/platform/export/record-name';

// one naming rule for the console and the server's exports, in the chosen language here
export { referenceFor };
const WORDS: NameWords = {
  year: (year) => uiT('app.common.year_of', { year }),
  paired: (from, to) => uiT('app.common.paired', { from, to }),
};

/** How a record is named: its resource's own rule, else the first non-empty representation field, else `#id`. */
export function represent(resource: Pick<ResourceModel, 'name' | 'representation'>, record: Record<string, unknown> | undefined): string {
  return representWith(resource, record, WORDS);
}

/**
 * The text field the API gives beside a link (`memberId` → `memberName`, `ownerAccountId` →
 * `ownerName`, `leaderMemberId` → `leaderMemberName`): shown where the role may not read the linked
 * resource, so it never sees a raw id.
 */
export function nameFieldFor(name: string, texts: ReadonlySet<string>): string | undefined {
  const m = name.match(/^(.+?)Ids?$/);
  if (!m) return undefined;
  const stem = m[1];
  const candidates = [`${stem}Name`, `${stem}Names`, `${stem.replace(/Account$/, '')}Name`];
  return candidates.find((c) => texts.has(c));
}

export function valueModel(
  v: IntrospectionField | IntrospectionInputValue,
  self: string,
  resourceNames: Set<string>,
  enumNames: Set<string>,
): ValueModel {
  const { named, required, list } = unwrap(v.type);
  let kind: ValueKind;
  let reference: string | null | undefined;
  if (named.name === 'ID') {
    if (v.name === 'id' || v.name === 'ids') kind = list ? 'list' : 'id';
    else {
      kind = list ? 'refs' : 'ref';
      reference = referenceFor(v.name, self, resourceNames);
    }
  } else if (list) kind = 'list';
  else if (enumNames.has(named.name)) kind = 'enum';
  else
    kind =
      ({ String: 'string', Int: 'int', Float: 'float', Boolean: 'boolean', LocalDate: 'date', DateTimeISO: 'datetime' } as Record<string, ValueKind>)[
        named.name
      ] ?? 'other';
  const fallback = v.name === 'id' ? '编号' : v.name;
  return {
    name: v.name,
    label: shortLabel(v.description, fallback),
    description: v.description ?? null,
    kind,
    required,
    ...(kind === 'enum' || (kind === 'list' && enumNames.has(named.name)) ? { enumName: named.name } : {}),
    ...(reference !== undefined ? { reference } : {}),
  };
}

const LEADING = ['id', 'serialNumber', 'name', 'title', 'code'];
const TRAILING = ['createdAt', 'updatedAt', 'version'];

/** Name-like fields first, timestamps and version last, the rest as the schema lists them. */
export function orderFields<T extends { name: string }>(values: T[]): T[] {
  const rank = (n: string) => {
    const lead = LEADING.indexOf(n);
    if (lead >= 0) return lead;
    const trail = TRAILING.indexOf(n);
    return trail >= 0 ? 100 + trail : 50;
  };
  return values.map((v, i) => ({ v, i })).sort((a, b) => rank(a.v.name) - rank(b.v.name) || a.i - b.i).map(({ v }) => v);
}

export function buildSchemaModel(introspection: IntrospectionSchema): SchemaModel {
  const types = new Map<string, IntrospectionType>(introspection.types.map((t) => [t.name, t]));
  const queryType = types.get(introspection.queryType.name) as IntrospectionObjectType;
  const mutationType = introspection.mutationType ? (types.get(introspection.mutationType.name) as IntrospectionObjectType) : undefined;
  const queries = new Map(queryType.fields.map((f) => [f.name, f]));
  const mutations = new Map((mutationType?.fields ?? []).map((f) => [f.name, f]));

  // a resource is an object type with the provider's list query `all<Plural>: [Type!]!` (plural as the
  // server's `pluralize` computes it, so read from the query rather than recomputed), its `_all<Plural>Meta`
  // and `<Type>(id)`
  const listed = new Set(
    queryType.fields
      .filter((q) => q.name.startsWith('all') && queries.has(`_${q.name}Meta`) && unwrap(q.type).list)
      .map((q) => unwrap(q.type).named.name),
  );
  const resourceTypes = introspection.types.filter(
    (t): t is IntrospectionObjectType => t.kind === 'OBJECT' && listed.has(t.name) && queries.has(t.name),
  );
  const resourceNames = new Set(resourceTypes.map((t) => t.name));
  const enumTypes = introspection.types.filter((t): t is IntrospectionEnumType => t.kind === 'ENUM' && !t.name.startsWith('__'));
  const enumNames = new Set(enumTypes.map((t) => t.name));
  const enums: SchemaModel['enums'] = {};
  for (const e of enumTypes) {
    enums[e.name] = {
      label: shortLabel(e.description, e.name),
      choices: e.enumValues.map((v) => ({ id: v.name, label: (v.description && stripRuleCodes(v.description)) || v.name })),
    };
  }

  const resources = resourceTypes.map((type): ResourceModel => {
    const model = (v: IntrospectionField | IntrospectionInputValue) => valueModel(v, type.name, resourceNames, enumNames);
    const texts = new Set(type.fields.filter((f) => unwrap(f.type).named.name === 'String').map((f) => f.name));
    const withName = (v: ValueModel): ValueModel => {
      const nameField = v.kind === 'ref' || v.kind === 'refs' ? nameFieldFor(v.name, texts) : undefined;
      return nameField ? { ...v, nameField } : v;
    };
    const fields = orderFields(type.fields.map(model).map(withName));
    const create = mutations.get(`create${type.name}`);
    const update = mutations.get(`update${type.name}`);
    const filterType = types.get(`${type.name}Filter`) as IntrospectionInputObjectType | undefined;
    const filters = (filterType?.inputFields ?? []).map(model);
    const createArgs = create ? orderFields(create.args.map(model)) : undefined;
    const updateArgs = update ? orderFields(update.args.filter((a) => a.name !== 'id' && a.name !== 'version').map(model)) : undefined;
    const written = new Set([...(createArgs ?? []), ...(updateArgs ?? []), ...filters].map((a) => a.name));
    const sortable = new Set(
      fields
        .filter((f) => f.kind !== 'refs' && f.kind !== 'list' && f.kind !== 'other' && (['id', 'createdAt', 'updatedAt'].includes(f.name) || written.has(f.name)))
        .map((f) => f.name),
    );
    const names = fields.map((f) => f.name);
    const strings = fields.filter((f) => f.kind === 'string').map((f) => f.name);
    const representation = representationFields(names, strings);
    return {
      name: type.name,
      label: resourceLabel(type, queries, mutations),
      description: type.description ?? null,
      fields,
      createArgs,
      updateArgs,
      canDelete: mutations.has(`delete${type.name}`),
      filters,
      representation,
      sortable,
    };
  });
  return { resources, enums, introspection };
}
