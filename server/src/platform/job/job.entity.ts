import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

export enum JobStatus {
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/**
 * A background job held in PostgreSQL (ARCHITECTURE.md: all state lives there, so any number of app
 * instances can run): enqueued in the transaction of the change that needs it, claimed by one worker
 * with `for update skip locked`, with its progress (done of total) and its error.
 */
@Entity()
@Index({ name: 'job_pending_index', expression: `create index "job_pending_index" on "job" ("run_after", "id") where "status" = 'PENDING'` })
export class Job {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** the handler's name, e.g. letter-deadlines.recompute */
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'json' })
  payload: Record<string, unknown> = {};

  @Enum({ items: () => JobStatus, default: JobStatus.PENDING })
  status: JobStatus = JobStatus.PENDING;

  @Property({ type: 'integer', default: 0 })
  done: number = 0;

  @Property({ type: 'integer', nullable: true })
  total?: number | null;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  runAfter: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  startedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;

  /** which worker holds it (host:pid), while RUNNING */
  @Property({ type: 'text', nullable: true })
  lockedBy?: string | null;
}
