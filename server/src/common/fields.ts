import type { EntityClass } from '@mikro-orm/core';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { encrypt, keyedHash } from './crypto.js';
import { maskAddress, maskIdNumber, maskPhone } from './masking.js';
import { IsChineseIdNumber, IsChinesePhone, isIsoDate } from './validation.js';
import { registerDecorator } from 'class-validator';

/**
 * One declaration per writable field drives the create/update arguments, the filter input,
 * validation and how the value is written to the entity (ARCHITECTURE.md: flat args, xId/xIds links).
 */
export type FieldKind =
  | 'text'
  | 'int'
  | 'float'
  | 'bool'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'ref'
  | 'refs'
  | 'personal';

export interface FieldSpec {
  kind: FieldKind;
  description: string;
  required?: boolean;
  /** text: length; numbers: value */
  min?: number;
  max?: number;
  pattern?: RegExp;
  patternMessage?: string;
  enumType?: object;
  target?: () => EntityClass<any>;
  /** Entity property written (default: the arg name, or for links the name without Id/Ids). */
  prop?: string;
  /** false: not filterable. Default: links, enums, bools by value; dates and numbers also by range. */
  filter?: boolean;
  /** false: set on create only (workflow records' state, serial numbers are never args at all). */
  updatable?: boolean;
  /** personal data: how it is written (encrypted + masked copy) */
  personal?: 'phone' | 'idNumber' | 'address';
  /** personal: also kept as a keyed hash (`<prop>Hash`) for exact lookups; ID numbers always are */
  hashed?: boolean;
}

type Opts = Partial<Omit<FieldSpec, 'kind' | 'description'>>;

export const text = (description: string, o: Opts = {}): FieldSpec => ({ kind: 'text', description, max: 200, ...o });
export const longText = (description: string, o: Opts = {}): FieldSpec => ({ kind: 'text', description, max: 20000, ...o });
export const int = (description: string, o: Opts = {}): FieldSpec => ({ kind: 'int', description, ...o });
export const float = (description: string, o: Opts = {}): FieldSpec => ({ kind: 'float', description, ...o });
export const bool = (description: string, o: Opts = {}): FieldSpec => ({ kind: 'bool', description, ...o });
export const date = (description: string, o: Opts = {}): FieldSpec => ({ kind: 'date', description, ...o });
export const datetime = (description: string, o: Opts = {}): FieldSpec => ({ kind: 'datetime', description, ...o });
export const enumOf = (enumType: object, description: string, o: Opts = {}): FieldSpec => ({
  kind: 'enum',
  enumType,
  description,
  ...o,
});
export const ref = (target: () => EntityClass<any>, description: string, o: Opts = {}): FieldSpec => ({
  kind: 'ref',
  target,
  description,
  ...o,
});
export const refs = (target: () => EntityClass<any>, description: string, o: Opts = {}): FieldSpec => ({
  kind: 'refs',
  target,
  description,
  ...o,
});
/** Personal data (PR1): write-only argument, stored encrypted with a masked copy for display. */
export const phone = (description: string, o: Opts = {}): FieldSpec => ({
  kind: 'personal',
  personal: 'phone',
  description,
  filter: false,
  ...o,
});
export const idNumber = (description: string, o: Opts = {}): FieldSpec => ({
  kind: 'personal',
  personal: 'idNumber',
  description,
  filter: false,
  ...o,
});
export const address = (description: string, o: Opts = {}): FieldSpec => ({
  kind: 'personal',
  personal: 'address',
  description,
  filter: false,
  max: 200,
  ...o,
});

export type FieldSpecs = Record<string, FieldSpec>;

/** `organizationId` → `organization`, `deputyIds` → `deputies`. */
export function propOf(name: string, spec: FieldSpec): string {
  if (spec.prop) return spec.prop;
  if (spec.kind === 'ref') return name.replace(/Id$/, '');
  if (spec.kind === 'refs') {
    const base = name.replace(/Ids$/, '');
    return base.endsWith('y') ? `${base.slice(0, -1)}ies` : `${base}s`;
  }
  return name;
}

/** The filter key of a to-many link: `deputyIds` → `deputyId`. */
export const singularFilterKey = (name: string) => name.replace(/Ids$/, 'Id');

const ID_RE = /^[1-9]\d{0,9}$/;

function DateInRange(): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'dateInRange',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: '日期须在 1900-01-01 至 2100-12-31 之间' },
      validator: {
        validate: (v: unknown) =>
          v == null || (typeof v === 'string' && isIsoDate(v) && v >= '1900-01-01' && v <= '2100-12-31'),
      },
    });
}

function graphqlType(spec: FieldSpec): () => any {
  switch (spec.kind) {
    case 'text':
    case 'personal':
      return () => String;
    case 'int':
      return () => Int;
    case 'float':
      return () => Float;
    case 'bool':
      return () => Boolean;
    case 'date':
      return () => LocalDateResolver;
    case 'datetime':
      return () => Date;
    case 'enum':
      return () => spec.enumType;
    case 'ref':
      return () => ID;
    case 'refs':
      return () => [ID];
  }
}

function applyValidators(proto: object, name: string, spec: FieldSpec, optional: boolean) {
  const decorators: PropertyDecorator[] = [];
  // undefined = not given; null is allowed only for optional fields (checked in the service)
  decorators.push(optional ? IsOptional() : ValidateIf((_o, v) => v !== null && v !== undefined));
  switch (spec.kind) {
    case 'text':
      if (spec.required) decorators.push(MinLength(spec.min ?? 1, { message: spec.min ? `不少于 ${spec.min} 个字` : '不能为空' }));
      if (spec.max) decorators.push(MaxLength(spec.max, { message: `不能超过 ${spec.max} 个字` }));
      if (spec.pattern) decorators.push(Matches(spec.pattern, { message: spec.patternMessage ?? '格式不正确' }));
      break;
    case 'personal':
      if (spec.personal === 'phone') decorators.push(IsChinesePhone());
      if (spec.personal === 'idNumber') decorators.push(IsChineseIdNumber());
      if (spec.personal === 'address') decorators.push(MaxLength(spec.max ?? 200, { message: `不能超过 ${spec.max ?? 200} 个字` }));
      break;
    case 'int':
      decorators.push(IsInt({ message: '须为整数' }));
      if (spec.min !== undefined) decorators.push(Min(spec.min, { message: `不能小于 ${spec.min}` }));
      if (spec.max !== undefined) decorators.push(Max(spec.max, { message: `不能大于 ${spec.max}` }));
      break;
    case 'float':
      if (spec.min !== undefined) decorators.push(Min(spec.min, { message: `不能小于 ${spec.min}` }));
      if (spec.max !== undefined) decorators.push(Max(spec.max, { message: `不能大于 ${spec.max}` }));
      break;
    case 'date':
      decorators.push(DateInRange());
      break;
    case 'ref':
      decorators.push(Matches(ID_RE, { message: '编号格式不正确' }));
      break;
    case 'refs':
      decorators.push(ArrayMaxSize(500, { message: '最多 500 项' }));
      decorators.push(Matches(ID_RE, { each: true, message: '编号格式不正确' }));
      break;
    default:
      break;
  }
  for (const d of decorators) d(proto, name);
}

function namedClass(name: string): new () => any {
  return { [name]: class {} }[name] as new () => any;
}

/** Flat arguments of `createX`: required fields are non-null. */
export function buildCreateArgs(typeName: string, fields: FieldSpecs): new () => any {
  const C = namedClass(`Create${typeName}Args`);
  for (const [name, spec] of Object.entries(fields)) {
    Field(graphqlType(spec), { nullable: !spec.required, description: spec.description })(C.prototype, name);
    applyValidators(C.prototype, name, spec, !spec.required);
  }
  ArgsType()(C);
  return C;
}

/**
 * An input object of the same field rules, for a list argument of a verb (`openMailbox(letters: [...])`):
 * each item is validated, and an error names it by position (`letters.0.title`, format-error.ts).
 */
export function buildInput(typeName: string, fields: FieldSpecs, description: string): new () => any {
  const C = namedClass(`${typeName}Input`);
  for (const [name, spec] of Object.entries(fields)) {
    Field(graphqlType(spec), { nullable: !spec.required, description: spec.description })(C.prototype, name);
    applyValidators(C.prototype, name, spec, !spec.required);
  }
  InputType({ description })(C);
  return C;
}

/** A list argument of `buildInput` items added to an arguments class, validated item by item. */
export function listArg(args: new () => any, name: string, item: new () => any, description: string, max: number): void {
  Field(() => [item], { nullable: true, description })(args.prototype, name);
  IsOptional()(args.prototype, name);
  ArrayMaxSize(max, { message: `最多 ${max} 项` })(args.prototype, name);
  ValidateNested({ each: true })(args.prototype, name);
}

/** Flat arguments of `updateX(id, …, version)`: everything optional; state fields are absent. */
export function buildUpdateArgs(typeName: string, fields: FieldSpecs): new () => any {
  const C = namedClass(`Update${typeName}Args`);
  Field(() => ID, { description: '记录编号' })(C.prototype, 'id');
  Field(() => Int, { nullable: true, description: '读取时的版本号；与当前版本不符则拒绝（CONFLICT）' })(C.prototype, 'version');
  IsOptional()(C.prototype, 'version');
  for (const [name, spec] of Object.entries(fields)) {
    if (spec.updatable === false) continue;
    Field(graphqlType(spec), { nullable: true, description: spec.description })(C.prototype, name);
    applyValidators(C.prototype, name, spec, true);
  }
  ArgsType()(C);
  return C;
}

export interface FilterField {
  key: string;
  type: () => any;
  description: string;
}

/** What `XFilter` accepts, derived from the field specs plus extra keys of the resource. */
export function filterFields(fields: FieldSpecs): FilterField[] {
  const out: FilterField[] = [
    { key: 'q', type: () => String, description: '全文检索（中文分词）' },
    { key: 'ids', type: () => [ID], description: '按编号列表' },
    { key: 'id', type: () => ID, description: '按编号' },
  ];
  for (const [name, spec] of Object.entries(fields)) {
    if (spec.filter === false) continue;
    switch (spec.kind) {
      case 'ref':
        out.push({ key: name, type: () => ID, description: spec.description });
        break;
      case 'refs':
        out.push({ key: singularFilterKey(name), type: () => ID, description: `${spec.description}（包含）` });
        break;
      case 'enum':
        out.push({ key: name, type: () => spec.enumType, description: spec.description });
        break;
      case 'bool':
        out.push({ key: name, type: () => Boolean, description: spec.description });
        break;
      case 'int':
      case 'float':
      case 'date':
      case 'datetime': {
        const t = graphqlType(spec);
        out.push({ key: name, type: t, description: spec.description });
        out.push({ key: `${name}_gte`, type: t, description: `${spec.description}（不早于/不小于）` });
        out.push({ key: `${name}_lte`, type: t, description: `${spec.description}（不晚于/不大于）` });
        break;
      }
      case 'text':
        if (spec.filter) out.push({ key: name, type: () => String, description: spec.description });
        break;
      default:
        break;
    }
  }
  for (const k of ['createdAt', 'updatedAt']) {
    out.push({ key: `${k}_gte`, type: () => Date, description: k === 'createdAt' ? '创建时间不早于' : '更新时间不早于' });
    out.push({ key: `${k}_lte`, type: () => Date, description: k === 'createdAt' ? '创建时间不晚于' : '更新时间不晚于' });
  }
  return out;
}

export function buildFilterInput(typeName: string, keys: FilterField[]): new () => any {
  const C = namedClass(`${typeName}Filter`);
  for (const f of keys) Field(f.type, { nullable: true, description: f.description })(C.prototype, f.key);
  InputType(`${typeName}Filter`)(C);
  return C;
}

/** Writes a personal value: ciphertext, masked copy and (ID numbers, and where asked) keyed hash. */
export function writePersonal(entity: any, prop: string, kind: FieldSpec['personal'], value: string | null, hashed = kind === 'idNumber'): void {
  entity[`${prop}Encrypted`] = value ? encrypt(value) : null;
  const masked = kind === 'phone' ? maskPhone(value) : kind === 'idNumber' ? maskIdNumber(value) : maskAddress(value);
  entity[`${prop}Masked`] = masked;
  if (hashed) entity[`${prop}Hash`] = value ? keyedHash(normalizedForHash(kind, value)) : null;
}

/** The form a value is hashed in, so 138-1234-5678 and 13812345678 find the same writer. */
export function normalizedForHash(kind: FieldSpec['personal'], value: string): string {
  const v = value.trim();
  if (kind === 'phone') return v.replace(/[\s-]/g, '');
  return v;
}
