import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';

/** Who acts: a signed-in account (a ScopeActor, access.table.ts), ANONYMOUS or SYSTEM. */
export interface Actor {
  /** Internal work (seeders, maintenance commands, reminders): not limited to a scope. */
  internal?: boolean;
  accountId?: number;
  username?: string;
  displayName: string;
}

/** The actor of internal work that no request started. */
export const SYSTEM: Actor = Object.freeze({ displayName: '系统', internal: true });

/** The actor of a request without a session: reaches only PUBLIC operations. */
export const ANONYMOUS: Actor = Object.freeze({ displayName: '匿名访客' });

/**
 * The per-request context. `actor` is the signed-in account with its reach (access.scope.ts) or
 * ANONYMOUS; internal callers (seeders, maintenance commands) pass SYSTEM and are not scoped.
 */
export interface Context {
  em: EntityManager;
  actor: Actor;
  req?: Request;
  res?: Response;
}
