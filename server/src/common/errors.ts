import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'TRANSITION_NOT_ALLOWED'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

/** Every refusal the API gives: a code in `extensions.code` and, where it applies, the field. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export const badInput = (field: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('BAD_USER_INPUT', `${field}：${message}`, { field, ...extra });

export const notFound = (resource: string, id: unknown, field = 'id') =>
  new AppError('NOT_FOUND', `${field}：找不到${resource} ${String(id)}`, { field, resource, id: String(id) });

export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', message, extra);

export const staleVersion = (resource: string, id: unknown, expected: number, actual: number) =>
  new AppError('CONFLICT', `version：${resource} ${String(id)} 已被他人修改（你的版本 ${expected}，当前版本 ${actual}），请刷新后重试`, {
    field: 'version',
    expected,
    actual,
  });

/**
 * A refusal of the i-th item of a list argument, named by its place (`letters.0.title`) so the form
 * can mark the right row; other errors pass unchanged.
 */
export function inListItem(e: unknown, list: string, i: number, noun: string): unknown {
  if (!(e instanceof AppError) || typeof e.extensions.field !== 'string') return e;
  return new AppError(e.extensions.code as ErrorCode, `第 ${i + 1} ${noun}：${e.message}`, {
    ...e.extensions,
    field: `${list}.${i}.${e.extensions.field}`,
  });
}
