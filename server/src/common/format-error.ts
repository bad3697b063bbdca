import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DriverException, OptimisticLockError, ValidationError as OrmValidationError } from '@mikro-orm/core';
import { resourceRegistry } from './crud.js';
import { errorSummary } from './log-safe.js';
import { serviceUnavailableError } from './unavailable.js';

export { errorSummary };

const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

function tableLabel(table?: string): string {
  if (!table) return '其他记录';
  const def = resourceRegistry.find((d) => camelToSnake(d.entity.name) === table);
  if (def) return `${def.label}（${def.name}）`;
  // a link table such as liaison_station_deputies belongs to the longest resource prefix
  const owner = resourceRegistry
    .filter((d) => table.startsWith(`${camelToSnake(d.entity.name)}_`))
    .sort((a, b) => b.entity.name.length - a.entity.name.length)[0];
  return owner ? `${owner.label}的关联名单` : '其他记录';
}
const camelToSnake = (s: string) => s.replace(/^[A-Z]/, (c) => c.toLowerCase()).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Columns named in a PostgreSQL detail such as `Key (organization_id, year)=(1, 2026) already exists.` */
function detailFields(detail?: string): string[] {
  const m = detail ? /Key \(([^)]+)\)/.exec(detail) : null;
  return m ? m[1].split(',').map((c) => camel(c.trim().replace(/"/g, ''))) : [];
}

/**
 * Every error leaves with a code and a message naming the field; database failures are translated,
 * never passed through (no SQL leaks), and anything unexpected is a generic INTERNAL_SERVER_ERROR.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error) as any;
  const code = formatted.extensions?.code as string | undefined;
  const unavailable = serviceUnavailableError(formatted, error); // database down: retryable (issue 12)
  if (unavailable) return unavailable;

  // class-validator failures reported by type-graphql
  if (original?.name === 'ArgumentValidationError' || original?.extensions?.validationErrors) {
    const errors: any[] = original.validationErrors ?? original.extensions?.validationErrors ?? [];
    const flat: Array<{ field: string; message: string }> = [];
    const walk = (list: any[], prefix: string) => {
      for (const e of list) {
        const field = prefix ? `${prefix}.${e.property}` : e.property;
        for (const msg of Object.values(e.constraints ?? {})) flat.push({ field, message: String(msg) });
        if (e.children?.length) walk(e.children, field);
      }
    };
    walk(errors, '');
    return {
      message: flat.map((f) => `${f.field}：${f.message}`).join('；') || '参数不正确',
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', field: flat[0]?.field, fields: flat },
    };
  }
  if (original instanceof OptimisticLockError) {
    return { message: 'version：记录已被他人修改，请刷新后重试', path: formatted.path, extensions: { code: 'CONFLICT', field: 'version' } };
  }
  if (original instanceof DriverException) {
    const pg = original as DriverException & { code?: string; detail?: string; table?: string; constraint?: string };
    const fields = detailFields(pg.detail);
    const field = fields.join(',') || undefined;
    switch (pg.code) {
      case '23505':
        return { message: `${field ?? pg.constraint}：已存在相同的记录（${fields.join('、')} 重复）`, path: formatted.path, extensions: { code: 'CONFLICT', field, constraint: pg.constraint } };
      case '23001':
      case '23503': {
        const m = pg.detail ? /referenced from table "([^"]+)"/.exec(pg.detail) : null;
        if (m) {
          return { message: `无法删除：仍有${tableLabel(m[1])}引用此记录，请先处理这些记录`, path: formatted.path, extensions: { code: 'CONFLICT', dependent: m[1] } };
        }
        return { message: `${field ?? '关联'}：引用的记录不存在`, path: formatted.path, extensions: { code: 'NOT_FOUND', field } };
      }
      case '23502':
        return { message: `${camel((pg as any).column ?? '')}：不能为空`, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', field: camel((pg as any).column ?? '') } };
      case '23514':
        return { message: `${pg.constraint}：数据不符合规则`, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', constraint: pg.constraint } };
      case '22001':
      case '22003':
      case '22P02':
      case '22007':
      case '22008':
      case '22021': // a NUL byte or an invalid byte sequence that got past input-hygiene.ts
      case '22P05':
        return { message: '输入的值超出允许范围或格式不正确', path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
      case '57014': // statement_timeout (the request's database work is bounded like the request)
        return { message: '请求处理超时，请稍后重试 / request timed out', path: formatted.path, extensions: { code: 'REQUEST_TIMEOUT' } };
      default:
        break;
    }
  }
  if (original instanceof OrmValidationError) {
    return { message: '请求的数据不完整或不正确', path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (code && code !== 'INTERNAL_SERVER_ERROR') {
    // our AppErrors and GraphQL's own parse/validation errors (which name the field already)
    return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { ...formatted.extensions, stacktrace: undefined } };
  }
  console.error(`[graphql] unexpected error: ${errorSummary(original)}`);
  return { message: '服务器内部错误，请稍后重试', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
