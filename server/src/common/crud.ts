import { raw, ReferenceKind, type EntityClass, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { SearchableEntity, type BaseEntity } from './base.entity.js';
import { accessRow, auditDenied, scopeCondition } from '../access/access.scope.js';
import type { AccessMode } from '../access/access.table.js';
import type { Context } from './context.js';
import { AppError, badInput, notFound, staleVersion } from './errors.js';
import {
  buildCreateArgs,
  buildFilterInput,
  buildUpdateArgs,
  filterFields,
  propOf,
  singularFilterKey,
  writePersonal,
  type FieldSpec,
  type FieldSpecs,
} from './fields.js';
import { searchQuery } from './segment.js';

@ObjectType({ description: '列表元数据' })
export class ListMetadata {
  @Field(() => Int, { description: '符合条件的记录总数' })
  count!: number;
}

export type Capability = 'reference' | 'workflow' | 'readonly';

export interface WriteContext<T> {
  em: EntityManager;
  ctx: Context;
  entity: T;
  args: Record<string, any>;
  isNew: boolean;
}

export interface ResourceDef<T extends BaseEntity = any> {
  entity: EntityClass<T>;
  /** GraphQL type name, e.g. `Mailbox`. */
  name: string;
  /** The plural ra-data-graphql-simple computes (pluralize), e.g. `Mailboxes`. */
  plural: string;
  /** Chinese name for messages, e.g. `信箱`. */
  label: string;
  capability: Capability;
  /** Writable fields (reference data: create/update; workflow records: descriptive fields). */
  fields: FieldSpecs;
  /** Fields readable and filterable but never written through createX/updateX (state, computed). */
  readFields?: FieldSpecs;
  /** Extra filter keys with their own condition. */
  filters?: Record<string, { type: () => any; description: string; where: (value: any, ctx: Context, filter: Record<string, any>) => FilterQuery<T> }>;
  /** Whether `createX` exists for a workflow record (its registration). */
  workflowCreate?: boolean;
  /** Text columns sorted by pinyin. */
  pinyinSort?: string[];
  defaultSort?: { field: string; order: 'ASC' | 'DESC' };
  /** Cross-field rules (policies); throw AppError to refuse. */
  validate?: (w: WriteContext<T>) => Promise<void> | void;
  /** Fills what a new record needs besides its args (serial numbers, initial state). */
  beforeCreate?: (w: WriteContext<T>) => Promise<void> | void;
  /**
   * After an update's fields are applied and validated, inside its transaction (a letter's edit is a
   * step of its workflow: its event, its notifications). `before` is the record as read; `changed`
   * the fields the arguments set.
   */
  onUpdate?: (w: WriteContext<T> & { before: T; changed: string[] }) => Promise<void> | void;
  /**
   * In the write's transaction, after its flush: work the change entails (e.g. enqueueing a background
   * job). `before` is the record as it was (update, delete), null on create.
   */
  afterWrite?: (w: { em: EntityManager; ctx: Context; entity: T; before: T | null; op: 'create' | 'update' | 'delete' }) => Promise<void> | void;
  /** Refuses list arguments the caller may not use (e.g. sorting letters by writer, PR2). */
  guardList?: (ctx: Context, args: ListArgs) => void;
  /** Set by createCrudResolver: the resource's service (reads and writes within the caller's scope). */
  service?: CrudService<T>;
}

export const MAX_PER_PAGE = 500;
export const MAX_IDS = 1000;

/** Registry of every resource, for the schema, the delete-dependency messages and tests. */
export const resourceRegistry: ResourceDef[] = [];

export function parseId(value: unknown, field = 'id'): number {
  const s = String(value);
  if (!/^[1-9]\d{0,9}$/.test(s) || Number(s) > 2147483647) throw badInput(field, `编号 “${s}” 格式不正确`);
  return Number(s);
}

function tryParseId(value: unknown): number | null {
  const s = String(value);
  return /^[1-9]\d{0,9}$/.test(s) && Number(s) <= 2147483647 ? Number(s) : null;
}

export function sortableFields(def: ResourceDef): Map<string, { prop: string; pinyin: boolean }> {
  const map = new Map<string, { prop: string; pinyin: boolean }>();
  for (const k of ['id', 'createdAt', 'updatedAt']) map.set(k, { prop: k, pinyin: false });
  const all = { ...def.fields, ...(def.readFields ?? {}) };
  for (const [name, spec] of Object.entries(all)) {
    if (spec.kind === 'refs' || spec.kind === 'personal') continue;
    map.set(name, { prop: propOf(name, spec), pinyin: def.pinyinSort?.includes(name) ?? false });
  }
  return map;
}

/** Translates an ra-data-graphql-simple filter into a MikroORM condition. */
export function buildWhere<T>(def: ResourceDef<T & BaseEntity>, filter: Record<string, any> | undefined, ctx: Context): FilterQuery<T> {
  const and: any[] = [];
  if (!filter) return {} as FilterQuery<T>;
  const specs: FieldSpecs = { ...def.fields, ...(def.readFields ?? {}) };
  const byFilterKey = new Map<string, [string, FieldSpec]>();
  for (const [name, spec] of Object.entries(specs)) {
    byFilterKey.set(spec.kind === 'refs' ? singularFilterKey(name) : name, [name, spec]);
  }
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (def.filters?.[key]) {
      if (value !== null) and.push(def.filters[key].where(value, ctx, filter));
      continue;
    }
    if (key === 'q') {
      if (typeof value !== 'string' || !value.trim()) continue;
      if (isSearchable(def.entity)) {
        const tsq = searchQuery(value);
        if (tsq) and.push({ [raw((a: string) => `${a}.search_vector @@ to_tsquery('simple', ?)`, [tsq])]: true });
        continue;
      }
      // records without a search column: a substring match on their text fields
      const texts = Object.entries(specs).filter(([, s]) => s.kind === 'text').map(([n, s]) => propOf(n, s));
      if (!texts.length) throw badInput('filter.q', `${def.label}不支持全文检索`);
      const like = `%${value.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      and.push({ $or: texts.map((prop) => ({ [prop]: { $ilike: like } })) });
      continue;
    }
    if (key === 'ids') {
      const ids = (value as unknown[]).map(tryParseId).filter((x): x is number => x !== null);
      and.push({ id: { $in: ids } });
      continue;
    }
    if (key === 'id') {
      and.push({ id: tryParseId(value) ?? 0 });
      continue;
    }
    const range = /^(.*)_(gte|lte)$/.exec(key);
    if (range) {
      const base = range[1];
      const prop = specs[base] ? propOf(base, specs[base]) : base;
      and.push({ [prop]: { [`$${range[2]}`]: value } });
      continue;
    }
    const entry = byFilterKey.get(key);
    if (!entry) continue;
    const [name, spec] = entry;
    const prop = propOf(name, spec);
    if (spec.kind === 'ref' || spec.kind === 'refs') {
      if (value === null) and.push({ [prop]: null });
      else and.push({ [prop]: tryParseId(value) ?? 0 });
    } else {
      and.push({ [prop]: value });
    }
  }
  return (and.length ? { $and: and } : {}) as FilterQuery<T>;
}

export interface ListArgs {
  page?: number | null;
  perPage?: number | null;
  sortField?: string | null;
  sortOrder?: string | null;
  filter?: Record<string, any> | null;
}

export class CrudService<T extends BaseEntity> {
  constructor(readonly def: ResourceDef<T>) {}

  /** The list filter, within the caller's scope for `mode` (PR3). */
  where(ctx: Context, filter?: Record<string, any> | null, mode: AccessMode = 'read'): FilterQuery<T> {
    const where = buildWhere(this.def, filter ?? undefined, ctx);
    const scope = scopeCondition(ctx, this.def.name, mode);
    if (!scope) return where;
    return (Object.keys(where).length ? { $and: [where, scope] } : scope) as FilterQuery<T>;
  }

  /** One record in the caller's scope for `mode`; out of scope is NOT_FOUND, as if it did not exist. */
  async findOne(ctx: Context, id: unknown, mode: AccessMode = 'read'): Promise<T> {
    const pk = tryParseId(id);
    const scope = scopeCondition(ctx, this.def.name, mode);
    const where = (scope ? { $and: [{ id: pk }, scope] } : { id: pk }) as FilterQuery<T>;
    const found = pk === null ? null : await ctx.em.findOne(this.def.entity, where);
    if (!found) {
      if (pk !== null && scope && accessRow(this.def.name).exclude) {
        // PV5: an involved unit or person asked for the letter; the refusal is audited
        const inReach = scopeCondition(ctx, this.def.name, mode, { withExclusions: false })!;
        if (await ctx.em.count(this.def.entity, { $and: [{ id: pk }, inReach] } as FilterQuery<T>)) {
          await auditDenied(ctx, `${mode} ${this.def.name}`, 'PV5_INVOLVED_PARTY', { resource: this.def.name }, pk);
        }
      }
      throw notFound(this.def.label, id);
    }
    return found;
  }

  /** After a write: the record must still lie in the caller's write scope (it cannot be moved out). */
  async assertStillInScope(ctx: Context, tx: EntityManager, entity: T): Promise<void> {
    const scope = scopeCondition(ctx, this.def.name, 'write');
    if (!scope) return;
    if (!(await tx.count(this.def.entity, { $and: [{ id: entity.id }, scope] } as FilterQuery<T>))) {
      throw new AppError('FORBIDDEN', `此${this.def.label}不在您的管辖范围内`, { reason: 'OUT_OF_SCOPE' });
    }
  }

  async list(ctx: Context, args: ListArgs): Promise<T[]> {
    const { page, perPage, sortField, sortOrder, filter } = args;
    this.def.guardList?.(ctx, args);
    if (page != null && page < 0) throw badInput('page', '页码从 0 开始，不能为负数');
    if (perPage != null && (perPage < 1 || perPage > MAX_PER_PAGE)) {
      throw badInput('perPage', `每页条数须在 1 到 ${MAX_PER_PAGE} 之间`, { max: MAX_PER_PAGE });
    }
    const ids = filter?.ids as unknown[] | undefined;
    if (ids && ids.length > MAX_IDS) throw badInput('filter.ids', `一次最多查询 ${MAX_IDS} 个编号`);
    // getMany sends ids without perPage: return them all
    const limit = perPage ?? (ids ? Math.max(ids.length, 1) : MAX_PER_PAGE);
    const order = (sortOrder ?? this.def.defaultSort?.order ?? 'ASC').toUpperCase();
    if (order !== 'ASC' && order !== 'DESC') throw badInput('sortOrder', '排序方向须为 ASC 或 DESC');
    const field = sortField ?? this.def.defaultSort?.field ?? 'id';
    const sortable = sortableFields(this.def);
    const sort = sortable.get(field);
    if (!sort) {
      throw badInput('sortField', `不能按 “${field}” 排序；可用：${[...sortable.keys()].join(', ')}`);
    }
    const dir = order === 'ASC' ? 'asc' : 'desc';
    const orderBy: any[] = [
      sort.pinyin
        ? { [raw((a: string) => `${a}.${snake(sort.prop)} collate "zh-x-icu"`)]: dir }
        : { [sort.prop]: dir },
    ];
    if (sort.prop !== 'id') orderBy.push({ id: 'asc' });
    return ctx.em.find(this.def.entity, this.where(ctx, filter), {
      limit,
      offset: (page ?? 0) * limit,
      orderBy,
    });
  }

  async count(ctx: Context, filter?: Record<string, any> | null): Promise<number> {
    this.def.guardList?.(ctx, { filter });
    return ctx.em.count(this.def.entity, this.where(ctx, filter));
  }

  /** Applies flat args to the entity: links checked to exist, personal data encrypted. */
  async applyArgs(em: EntityManager, entity: any, args: Record<string, any>, isNew: boolean, ctx?: Context): Promise<void> {
    for (const [name, spec] of Object.entries(this.def.fields)) {
      const value = args[name];
      if (value === undefined) continue;
      if (!isNew && spec.updatable === false) continue;
      if (value === null && spec.required) throw badInput(name, '不能为空');
      const prop = propOf(name, spec);
      switch (spec.kind) {
        case 'ref': {
          if (value === null) {
            entity[prop] = null;
            break;
          }
          const Target = spec.target!();
          const id = parseId(value, name);
          // a link to a record outside the caller's reach is as unknown as a missing one (PR3)
          const exists = await em.count(Target, { $and: [{ id }, readScopeOf(ctx, Target) ?? {}] });
          if (!exists) throw notFound(labelOf(Target), id, name);
          entity[prop] = em.getReference(Target, id, { wrapped: true });
          break;
        }
        case 'refs': {
          const Target = spec.target!();
          const ids = [...new Set(((value ?? []) as unknown[]).map((v) => parseId(v, name)))];
          if (ids.length) {
            const found = await em.find(Target, { $and: [{ id: { $in: ids } }, readScopeOf(ctx, Target) ?? {}] }, { fields: ['id'] as any });
            const missing = ids.filter((id) => !found.some((f: any) => f.id === id));
            if (missing.length) throw notFound(labelOf(Target), missing.join(','), name);
          }
          const coll = entity[prop];
          if (!coll.isInitialized()) await coll.init();
          coll.set(ids.map((id) => em.getReference(Target, id)));
          break;
        }
        case 'personal':
          writePersonal(entity, prop, spec.personal, value ? String(value).trim() : null, spec.hashed ?? spec.personal === 'idNumber');
          break;
        case 'text':
          entity[prop] = value === null ? null : String(value).trim();
          if (spec.required && !entity[prop]) throw badInput(name, '不能为空');
          break;
        default:
          entity[prop] = value;
      }
    }
  }

  async create(ctx: Context, args: Record<string, any>): Promise<T> {
    const { em } = ctx;
    scopeCondition(ctx, this.def.name, 'write');
    return em.transactional(async (tx) => {
      const entity = new (this.def.entity as any)() as T;
      await this.applyArgs(tx, entity, args, true, ctx);
      const w = { em: tx, ctx, entity, args, isNew: true };
      await this.def.beforeCreate?.(w);
      await this.def.validate?.(w);
      tx.persist(entity);
      await tx.flush();
      await this.assertStillInScope(ctx, tx, entity);
      await this.def.afterWrite?.({ em: tx, ctx, entity, before: null, op: 'create' });
      return entity;
    });
  }

  async update(ctx: Context, args: Record<string, any>): Promise<T> {
    const { em } = ctx;
    return em.transactional(async (tx) => {
      const entity = await this.findOne({ ...ctx, em: tx }, args.id, 'write');
      if (args.version != null && args.version !== entity.version) {
        throw staleVersion(this.def.label, entity.id, args.version, entity.version);
      }
      const before = Object.assign(Object.create(Object.getPrototypeOf(entity)), entity) as T;
      await this.applyArgs(tx, entity, args, false, ctx);
      await this.def.validate?.({ em: tx, ctx, entity, args, isNew: false });
      const changed = Object.keys(this.def.fields).filter((f) => args[f] !== undefined);
      await this.def.onUpdate?.({ em: tx, ctx, entity, args, isNew: false, before, changed });
      await tx.flush();
      await this.assertStillInScope(ctx, tx, entity);
      await this.def.afterWrite?.({ em: tx, ctx, entity, before, op: 'update' });
      return entity;
    });
  }

  async delete(ctx: Context, id: unknown): Promise<T> {
    const { em } = ctx;
    return em.transactional(async (tx) => {
      const entity = await this.findOne({ ...ctx, em: tx }, id, 'write');
      // The returned record is read after this transaction has committed: load its to-many links now,
      // so its `xIds` fields need no query on the finished transaction.
      const collections = tx
        .getMetadata(this.def.entity)
        .relations.filter((r) => r.kind === ReferenceKind.MANY_TO_MANY || r.kind === ReferenceKind.ONE_TO_MANY)
        .map((r) => r.name);
      if (collections.length) await tx.populate(entity, collections as any);
      const snapshot = Object.assign(Object.create(Object.getPrototypeOf(entity)), entity) as T;
      tx.remove(entity);
      await tx.flush();
      await this.def.afterWrite?.({ em: tx, ctx, entity: snapshot, before: snapshot, op: 'delete' });
      return snapshot;
    });
  }
}

const isSearchable = (entity: EntityClass<any>) => entity.prototype instanceof SearchableEntity;

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The caller's read scope on the resource of `entity`, for links given as arguments. */
function readScopeOf(ctx: Context | undefined, entity: EntityClass<any>): Record<string, any> | undefined {
  const def = resourceRegistry.find((d) => d.entity === entity);
  if (!ctx || !def) return undefined;
  try {
    return scopeCondition(ctx, def.name, 'read');
  } catch (e) {
    // a role that cannot read the linked resource at all cannot link to it either
    if (e instanceof AppError && e.extensions.code === 'FORBIDDEN') return { id: null };
    throw e;
  }
}

export function labelOf(entity: EntityClass<any>): string {
  return resourceRegistry.find((d) => d.entity === entity)?.label ?? entity.name;
}

/**
 * The ra-data-graphql-simple grammar for one resource: `X`, `allXs`, `_allXsMeta`, and the writes its
 * capability allows.
 */
export function createCrudResolver<T extends BaseEntity>(def: ResourceDef<T>): Resource {
  resourceRegistry.push(def as ResourceDef);
  const service = new CrudService(def);
  def.service = service;
  const Entity = def.entity;
  const filterKeys = filterFields({ ...def.fields, ...(def.readFields ?? {}) });
  for (const [key, f] of Object.entries(def.filters ?? {})) filterKeys.push({ key, type: f.type, description: f.description });
  const Filter = buildFilterInput(def.name, filterKeys);

  @Resolver(() => Entity)
  class ReadResolver {
    @Query(() => Entity, { name: def.name, nullable: true, description: `按编号读取${def.label}` })
    async one(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return service.findOne(ctx, id);
    }

    @Query(() => [Entity], { name: `all${def.plural}`, description: `${def.label}列表（page 从 0 开始）` })
    async all(
      @Ctx() ctx: Context,
      @Arg('page', () => Int, { nullable: true }) page?: number,
      @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
      @Arg('sortField', () => String, { nullable: true }) sortField?: string,
      @Arg('sortOrder', () => String, { nullable: true }) sortOrder?: string,
      @Arg('filter', () => Filter, { nullable: true }) filter?: Record<string, unknown>,
    ) {
      return service.list(ctx, { page, perPage, sortField, sortOrder, filter });
    }

    @Query(() => ListMetadata, { name: `_all${def.plural}Meta`, description: `${def.label}总数` })
    async meta(
      @Ctx() ctx: Context,
      @Arg('page', () => Int, { nullable: true }) _page?: number,
      @Arg('perPage', () => Int, { nullable: true }) _perPage?: number,
      @Arg('sortField', () => String, { nullable: true }) _sortField?: string,
      @Arg('sortOrder', () => String, { nullable: true }) _sortOrder?: string,
      @Arg('filter', () => Filter, { nullable: true }) filter?: Record<string, unknown>,
    ) {
      return { count: await service.count(ctx, filter) };
    }
  }
  const resolvers: Function[] = [ReadResolver];

  if (def.capability === 'reference' || (def.capability === 'workflow' && def.workflowCreate)) {
    const CreateArgs = buildCreateArgs(def.name, def.fields);
    @Resolver(() => Entity)
    class CreateResolver {
      @Mutation(() => Entity, { name: `create${def.name}`, description: `新建${def.label}` })
      async create(@Args(() => CreateArgs) args: Record<string, unknown>, @Ctx() ctx: Context) {
        return service.create(ctx, args);
      }
    }
    resolvers.push(CreateResolver);
  }
  if (def.capability === 'reference' || def.capability === 'workflow') {
    const UpdateArgs = buildUpdateArgs(def.name, def.fields);
    @Resolver(() => Entity)
    class UpdateResolver {
      @Mutation(() => Entity, { name: `update${def.name}`, description: `修改${def.label}` })
      async update(@Args(() => UpdateArgs) args: Record<string, unknown>, @Ctx() ctx: Context) {
        return service.update(ctx, args);
      }
    }
    resolvers.push(UpdateResolver);
  }
  if (def.capability === 'reference') {
    @Resolver(() => Entity)
    class DeleteResolver {
      @Mutation(() => Entity, { name: `delete${def.name}`, description: `删除${def.label}（仍被引用时拒绝）` })
      async remove(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
        return service.delete(ctx, id);
      }
    }
    resolvers.push(DeleteResolver);
  }
  return { def, service, resolvers };
}

export interface Resource {
  def: ResourceDef<any>;
  service: CrudService<any>;
  resolvers: Function[];
}

export function assertTransition(allowed: readonly string[], from: string, action: string): void {
  if (!allowed.includes(from)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', `当前状态 ${from} 不能执行 ${action}`, { from, action });
  }
}
