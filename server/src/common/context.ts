import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';

/** The acting user; filled in by the access layer (accounts come with the access issue). */
export interface Actor {
  accountId?: number;
  username?: string;
  displayName: string;
}

export interface Context {
  em: EntityManager;
  actor: Actor;
  req?: Request;
  res?: Response;
}
