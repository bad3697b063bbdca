import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { AuditAction, AuditResult } from '../platform/audit-event/audit-event.entity.js';
import { audit } from '../platform/audit-event/audit-event.service.js';
import type { Context } from '../common/context.js';
import { AppError } from '../common/errors.js';
import { requestIp } from '../platform/session/session.service.js';
import { crudOperationMap } from './access.middleware.js';
import { isScopeActor } from './access.scope.js';
import { isDatabaseUnavailable } from '../common/unavailable.js';

/** Mutations whose services write their own, more detailed audit rows (sign-in, accounts, reveals). */
const AUDITED_BY_SERVICE = new Set([
  'login',
  'logout',
  'changePassword',
  'beginTotpEnrollment',
  'confirmTotpEnrollment',
  'createAccount',
  'updateAccount',
  'resetAccountPassword',
  'unlockAccount',
  'revokeSessions',
  'revealConstituent',
  'revealLetterWriter',
]);

function rootFields(selectionSet: SelectionSetNode): FieldNode[] {
  return selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
}

/** The `id` argument of a root field, literal or from the variables. */
function idArgument(field: FieldNode, variables: Record<string, unknown> | undefined): string | null {
  const arg = field.arguments?.find((a) => a.name.value === 'id');
  if (!arg) return null;
  if (arg.value.kind === Kind.VARIABLE) {
    const v = variables?.[arg.value.name.value];
    return v == null ? null : String(v);
  }
  return 'value' in arg.value ? String(arg.value.value) : null;
}

/** The row of one root mutation field (who, when, what, which record, result); argument names only. */
function mutationRow(
  contextValue: Context,
  field: FieldNode,
  variables: Record<string, unknown> | undefined,
  returned: unknown,
  result: AuditResult,
  code: string | null,
) {
  const actor = isScopeActor(contextValue.actor) ? contextValue.actor : null;
  const name = field.name.value;
  const recordId =
    idArgument(field, variables) ?? (returned && typeof returned === 'object' && 'id' in returned ? String((returned as { id: unknown }).id) : null);
  return {
    action: AuditAction.MUTATION,
    result,
    accountId: actor?.accountId ?? null,
    username: actor?.username ?? null,
    operation: name,
    resource: crudOperationMap().get(name)?.resource ?? null,
    recordId,
    reason: code,
    ip: requestIp(contextValue.req),
    detail: { arguments: (field.arguments ?? []).map((a) => a.name.value) },
  };
}

/** Per request: the root mutation fields (response keys) whose SUCCEEDED row committed with their change. */
const auditedWithChange = new WeakMap<object, Set<string>>();

/**
 * Crash safety (issue 12, item 7): each root mutation field runs in one transaction that also holds
 * its SUCCEEDED audit row, so a change is never committed without its audit row (a crash between a
 * commit and a later audit insert used to lose it). The services' own `em.transactional` calls nest
 * inside it as savepoints. A refused or failed field rolls back and `mutationAuditPlugin` writes its
 * row separately, on its own connection.
 */
export const mutationTransaction: MiddlewareFn<Context> = async ({ info, context }, next) => {
  if (info.parentType.name !== 'Mutation' || AUDITED_BY_SERVICE.has(info.fieldName)) return next();
  const outer = context.em;
  const key = String(info.path.key);
  let result: unknown;
  try {
    result = await outer.transactional(async (tx) => {
      context.em = tx;
      const value = await next();
      await audit(tx, mutationRow(context, info.fieldNodes[0], info.variableValues, value, AuditResult.SUCCEEDED, null), { joinTransaction: true });
      return value;
    });
  } finally {
    context.em = outer;
  }
  let done = auditedWithChange.get(context);
  if (!done) auditedWithChange.set(context, (done = new Set()));
  done.add(key);
  return result;
};

/**
 * Audit log of every mutation, for the fields `mutationTransaction` did not record with their change:
 * refusals and failures (their transaction rolled back) and fields that never ran (e.g. bad
 * variables), written after the response is known on its own connection so they are kept.
 * Argument values are not logged (they may be personal data); their names are.
 */
export function mutationAuditPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue, response, request }) {
          if (operation?.operation !== 'mutation') return;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const data = (body?.data ?? {}) as Record<string, any>;
          const errors = body?.errors ?? [];
          const done = auditedWithChange.get(contextValue);
          for (const field of rootFields((operation as OperationDefinitionNode).selectionSet)) {
            const name = field.name.value;
            if (AUDITED_BY_SERVICE.has(name) || name === '__typename') continue;
            const key = field.alias?.value ?? name;
            if (done?.has(key)) continue;
            // an error without a path (e.g. bad variables) means no field ran
            const error = errors.find((e) => e.path?.[0] === key) ?? errors.find((e) => !e.path?.length);
            const code = (error?.extensions?.code as string | undefined) ?? null;
            const result = !error ? AuditResult.SUCCEEDED : code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? AuditResult.DENIED : AuditResult.FAILED;
            try {
              await audit(contextValue.em, mutationRow(contextValue, field, request.variables, data[key], result, code));
            } catch (e) {
              // the database is unreachable (the answer is already a 503): the refusal's row cannot be kept
              if (!isDatabaseUnavailable(e)) throw e;
              console.error(`[audit] row of a failed ${name} not written: database unavailable`);
            }
          }
        },
      };
    },
  };
}

const selectsIntrospection = (op: OperationDefinitionNode) =>
  rootFields(op.selectionSet).some((f) => f.name.value === '__schema' || f.name.value === '__type');

/** Introspection for signed-in staff only (the console reads the committed schema). */
export function introspectionGatePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation && selectsIntrospection(operation) && !isScopeActor(contextValue.actor)) {
            throw new AppError('UNAUTHENTICATED', '请登录后再查询接口结构', { reason: 'INTROSPECTION_REQUIRES_SIGN_IN', http: { status: 401 } });
          }
        },
      };
    },
  };
}
