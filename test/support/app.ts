import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { GraphQLClient, ClientError } from 'graphql-request';
import { inject } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import { ormConfig } from '../../server/src/db/orm.config.js';

export interface TestApp {
  url: string;
  orm: MikroORM;
  app: App;
  /** A GraphQL client for the API over HTTP. */
  client: GraphQLClient;
  /** Counts the SQL statements the server issues while `fn` runs. */
  countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }>;
  close(): Promise<void>;
}

async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('templateDb');
  const name = `lianluo_t${randomBytes(4).toString('hex')}_${template.split('_').pop()}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // several test files may copy the template at once; PostgreSQL refuses overlapping copies
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database "${name}" template "${template}"`);
        break;
      } catch (e: any) {
        if (attempt >= 20 || !/being accessed by other users/.test(e.message)) throw e;
        await new Promise((r) => setTimeout(r, 100 + attempt * 50));
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestAppOptions {
  /** A built console to serve at `/` (the browser tests pass admin/dist). */
  adminDir?: string;
}

/** A fresh database (copied from the migrated template) and the app listening on an ephemeral port. */
export async function startTestApp({ adminDir }: TestAppOptions = {}): Promise<TestApp> {
  const dbUrl = await createTestDatabase();
  const statements: string[] = [];
  let counting = false;
  const orm = await MikroORM.init(
    ormConfig(dbUrl, {
      debug: ['query'],
      logger: (msg: string) => {
        if (counting && /\[query\]/.test(msg)) statements.push(msg);
      },
    }),
  );
  const app = await createApp({ orm, adminDir });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    orm,
    app,
    client: new GraphQLClient(url),
    async countQueries(fn) {
      statements.length = 0;
      counting = true;
      try {
        const result = await fn();
        return { result, count: statements.length, statements: [...statements] };
      } finally {
        counting = false;
      }
    },
    async close() {
      await app.stop();
      await orm.close(true);
    },
  };
}

/** Runs a request that must fail; returns its first GraphQL error. */
export async function expectError(
  promise: Promise<unknown>,
): Promise<{ message: string; extensions: Record<string, any> }> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ClientError) {
      const err = e.response.errors?.[0];
      if (err) return err as any;
    }
    throw e;
  }
  throw new Error('expected the request to fail, it succeeded');
}
