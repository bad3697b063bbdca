import type { ApolloServerPlugin } from '@apollo/server';
import { valueFromASTUntyped, visit, type DocumentNode } from 'graphql';
import { AppError } from './errors.js';

/**
 * One check of every string a GraphQL request carries, before anything runs (issue 12, items 4–5):
 * no NUL byte (PostgreSQL refuses it in text and the request used to end in a 500), no lone
 * surrogate (it was stored silently as U+FFFD), and a length cap per kind of field, so a single
 * argument can neither fill a row nor make the search segment 100,000 characters.
 */

/** The search box: a handful of words (segment.ts also bounds the words it cuts). */
export const MAX_QUERY_LENGTH = 100;
/** Names, titles, codes, phone numbers, usernames, sort keys and other one-line values. */
export const MAX_SHORT_LENGTH = 300;
/** Free text: a letter's content, replies, findings, notes, reasons. */
export const MAX_TEXT_LENGTH = 20_000;

const SHORT_FIELD =
  /(^|[a-z])(name|Name|title|Title|code|Code|phone|Phone|username|Username|idNumber|IdNumber|serialNumber|sortField|sortOrder|token|ip|label|party|occupation|region|area|office|unit|Unit|password|Password|email|Email)$/;

/** No lone surrogate (String.prototype.isWellFormed, Node 20; the TypeScript lib here predates it). */
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/** The cap for a string argument or input field, by its name. */
export function maxLengthOf(field: string): number {
  if (field === 'q') return MAX_QUERY_LENGTH;
  if (SHORT_FIELD.test(field)) return MAX_SHORT_LENGTH;
  return MAX_TEXT_LENGTH;
}

export type InputProblem = { path: string; field: string; kind: 'NUL' | 'UNICODE' | 'TOO_LONG'; max?: number; of?: string };

/** The first problem of one string value, or null. */
export function stringProblem(value: string, path: string, field: string): InputProblem | null {
  if (value.includes('\u0000')) return { path, field, kind: 'NUL' };
  if (!wellFormed(value)) return { path, field, kind: 'UNICODE' };
  const max = maxLengthOf(field);
  // code points, as a person counts characters (a Han character outside the BMP is one)
  // (over twice the cap in UTF-16 units is over the cap in code points: no need to count them)
  if (value.length > max && (value.length > 2 * max || [...value].length > max)) return { path, field, kind: 'TOO_LONG', max };
  return null;
}

/** Walks a JSON-like value; `field` is the nearest object key (list items take their list's name). */
function walk(value: unknown, path: string, field: string, out: InputProblem[], lengths: boolean): void {
  if (out.length) return;
  if (typeof value === 'string') {
    const p = stringProblem(value, path, field);
    if (p && (lengths || p.kind !== 'TOO_LONG')) out.push(p);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}.${i}`, field, out, lengths));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const kp = keyProblem(k, path);
      if (kp) return void out.push(kp);
      walk(v, path ? `${path}.${k}` : k, k, out, lengths);
    }
  }
}

/** Object keys are names chosen by the client too (unknown ones are refused later, but must not crash first). */
function keyProblem(key: string, path: string): InputProblem | null {
  if (key.includes('\u0000')) return { path: path || key, field: path || key, kind: 'NUL' };
  if (!wellFormed(key)) return { path: path || key, field: path || key, kind: 'UNICODE' };
  return null;
}

/**
 * The problems of a request: every argument (of fields and directives, literal or through
 * variables) named by its argument path, e.g. `registerLetter.title` or `allLetters.filter.q`.
 */
export function inputProblems(document: DocumentNode, variables: Record<string, unknown> | undefined): InputProblem[] {
  const out: InputProblem[] = [];
  const fieldStack: string[] = [];
  visit(document, {
    Field: {
      enter: (node) => void fieldStack.push(node.alias?.value ?? node.name.value),
      leave: () => void fieldStack.pop(),
    },
    Argument(node) {
      if (out.length) return false;
      const value = valueFromASTUntyped(node.value, variables ?? {});
      walk(value, node.name.value, node.name.value, out, true);
      if (out.length) out[0].of = fieldStack[fieldStack.length - 1];
      return false;
    },
  });
  // unused variables and variables' default values are parsed input too: characters only (their
  // caps are their arguments', checked above)
  if (!out.length && variables) {
    for (const [name, v] of Object.entries(variables)) {
      walk(v, `$${name}`, name, out, false);
      if (out.length) break;
    }
  }
  if (!out.length) {
    visit(document, {
      StringValue(node) {
        if (!out.length && (node.value.includes('\u0000') || !wellFormed(node.value))) {
          out.push({ path: 'query', field: 'query', kind: node.value.includes('\u0000') ? 'NUL' : 'UNICODE' });
        }
      },
    });
  }
  return out;
}

export function inputError(p: InputProblem): AppError {
  const message =
    p.kind === 'NUL'
      ? `${p.path}：不能包含空字符（NUL，\\u0000） / must not contain NUL bytes`
      : p.kind === 'UNICODE'
        ? `${p.path}：包含无效的 Unicode 字符（孤立代理项） / contains invalid Unicode`
        : `${p.path}：不能超过 ${p.max} 个字 / at most ${p.max} characters`;
  return new AppError('BAD_USER_INPUT', message, {
    field: p.path,
    ...(p.of ? { of: p.of } : {}),
    reason: p.kind === 'NUL' ? 'NUL_BYTE' : p.kind === 'UNICODE' ? 'INVALID_UNICODE' : 'TOO_LONG',
    ...(p.max ? { maxLength: p.max } : {}),
    http: { status: 400 },
  });
}

/** Refuses a request whose input fails the checks above before it is executed (nothing is written). */
export function inputHygienePlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problems = inputProblems(document, request.variables as Record<string, unknown> | undefined);
          if (problems.length) throw inputError(problems[0]);
        },
      };
    },
  };
}
