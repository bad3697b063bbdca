/**
 * The console's picture of the API, read from the committed `schema/schema.graphql` (no run-time
 * introspection). Pure functions: unit-tested in schema.test.ts.
 */
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

/** 名称，如 嘉兴市政协 → 名称; 版本号：更新时… → 版本号. */
export function shortLabel(description: string | null | undefined, fallback: string): string {
  if (!description) return fallback;
  const cut = description.split(/[，,：:；;。\n]/)[0].trim();
  return cut || fallback;
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

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Glossary words used in link names for a resource of another name (代表 are members, 联络员 station staff). */
const ALIASES: Record<string, string> = { Deputy: 'Member', Deputies: 'Member', LiaisonOfficer: 'StationStaff', Staff: 'StationStaff' };

/**
 * bodyId → Body, leaderMemberId → Member, deputyInChargeId → Member, parentId → the type itself;
 * null when the name does not tell.
 */
export function referenceFor(name: string, self: string, resourceNames: Set<string>): string | null {
  const m = name.match(/^(.+?)Ids?$/);
  if (!m) return null;
  const stem = capitalize(m[1]);
  if (stem === 'Parent') return self;
  if (resourceNames.has(stem)) return stem;
  const words = [...resourceNames, ...Object.keys(ALIASES).filter((a) => resourceNames.has(ALIASES[a]))];
  const resolve = (w: string) => (resourceNames.has(w) ? w : ALIASES[w]);
  // the longest word the stem ends with (leaderMember → Member), else starts with (deputyInCharge → Deputy)
  const longest = (ws: string[]) => ws.sort((a, b) => b.length - a.length)[0];
  const end = longest(words.filter((w) => stem.endsWith(w)));
  if (end) return resolve(end);
  const start = longest(words.filter((w) => stem.startsWith(w)));
  return start ? resolve(start) : null;
}

/** How a record is named: the first non-empty representation field, else `#id`. */
export function represent(resource: Pick<ResourceModel, 'representation'>, record: Record<string, unknown> | undefined): string {
  if (!record) return '';
  for (const f of resource.representation) {
    const v = record[f];
    if (v !== null && v !== undefined && v !== '') return String(v);
  }
  return `#${record.id}`;
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
    ...(kind === 'enum' ? { enumName: named.name } : {}),
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
      choices: e.enumValues.map((v) => ({ id: v.name, label: v.description ?? v.name })),
    };
  }

  const resources = resourceTypes.map((type): ResourceModel => {
    const model = (v: IntrospectionField | IntrospectionInputValue) => valueModel(v, type.name, resourceNames, enumNames);
    const fields = orderFields(type.fields.map(model));
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
    const texts = fields.filter((f) => f.kind === 'string').map((f) => f.name);
    const representation = [
      ...['name', 'title', 'serialNumber', 'code', 'subject'].filter((n) => names.includes(n)),
      ...texts.filter((n) => /Name$/.test(n)),
      ...texts,
    ].filter((n, i, all) => all.indexOf(n) === i);
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
