import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FieldNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { AuditAction, AuditResult } from '../platform/audit-event/audit-event.entity.js';
import { audit } from '../platform/audit-event/audit-event.service.js';
import type { Context } from '../common/context.js';
import { AppError } from '../common/errors.js';
import { requestIp } from '../platform/session/session.service.js';
import { crudOperationMap } from './access.middleware.js';
import { isScopeActor } from './access.scope.js';

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

/**
 * Audit log of every mutation (who, when, what, which record, result), written after the response
 * is known: one row per root mutation field, on its own connection so refusals are kept too.
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
          const actor = isScopeActor(contextValue.actor) ? contextValue.actor : null;
          for (const field of rootFields((operation as OperationDefinitionNode).selectionSet)) {
            const name = field.name.value;
            if (AUDITED_BY_SERVICE.has(name) || name === '__typename') continue;
            const key = field.alias?.value ?? name;
            const error = errors.find((e) => e.path?.[0] === key);
            const code = (error?.extensions?.code as string | undefined) ?? null;
            const result = !error ? AuditResult.SUCCEEDED : code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? AuditResult.DENIED : AuditResult.FAILED;
            const returned = data[key];
            const recordId = idArgument(field, request.variables) ?? (returned && typeof returned === 'object' && 'id' in returned ? String(returned.id) : null);
            await audit(contextValue.em, {
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
            });
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
