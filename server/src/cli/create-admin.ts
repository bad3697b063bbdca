import 'reflect-metadata';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { Account } from '../platform/account/account.entity.js';
import { checkPassword, checkUsername } from '../platform/account/account.policy.js';
import { createAccount } from '../platform/account/account.service.js';
import { ADMIN_ROLES, ROLE_LABELS, Role } from '../platform/account/role.js';
import { Body, BodyKind, BodyLevel } from '../platform/body/body.entity.js';
import { setDataKey } from '../common/crypto.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { embeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';
import { ensureDatabase } from '../db/ensure-database.js';
import { Organization, OrganizationKind } from '../platform/organization/organization.entity.js';

/** The environment variable that carries the initial password (otherwise it is asked for). */
export const PASSWORD_ENV = 'ADMIN_PASSWORD';

export interface CreateAdminOptions {
  username: string;
  /** The organization the administrator belongs to (PR3), by its code. */
  organizationCode: string;
  /** Initial password: must be changed at first sign-in. */
  password: string;
  displayName?: string;
  /** SYSTEM_ADMIN (default), SECURITY_ADMIN or AUDIT_ADMIN. */
  role?: Role;
  /** Only when the database has no organization yet: the root Organization and its Body. */
  organizationName?: string;
  bodyName?: string;
  bodyKind?: BodyKind;
  bodyLevel?: BodyLevel;
  region?: string;
}

export interface CreateAdminResult {
  accountId: number;
  username: string;
  role: Role;
  organizationId: number;
  bodyId: number;
  createdOrganization: boolean;
  createdBody: boolean;
}

/** A refusal the command reports as a plain message (exit code 2), not a stack trace. */
export class UsageError extends Error {}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Creates an administrator account (the first one of an installation, or one more after a lock-out).
 * When the database has no organization at all it first creates the root Body and Organization.
 * The account must change its password and enrol TOTP at first sign-in (createAccount sets
 * mustChangePassword; admin roles always need TOTP). One transaction: a refusal writes nothing.
 */
export async function createFirstAdmin(em: EntityManager, opts: CreateAdminOptions): Promise<CreateAdminResult> {
  const role = opts.role ?? Role.SYSTEM_ADMIN;
  if (!ADMIN_ROLES.includes(role)) {
    throw new UsageError(`--role must be one of ${ADMIN_ROLES.join(', ')} (got ${role})`);
  }
  const username = String(opts.username ?? '').trim().toLowerCase();
  const code = String(opts.organizationCode ?? '').trim();
  if (!username) throw new UsageError('--username is required');
  if (!code) throw new UsageError('--organization-code is required');
  try {
    checkUsername(username);
    checkPassword(opts.password ?? '', 'password', username);
  } catch (e) {
    throw new UsageError(errorMessage(e));
  }

  return em.transactional(async (tx) => {
    if (await tx.count(Account, { username })) throw new UsageError(`username ${username} is already taken`);
    let organization = await tx.findOne(Organization, { code });
    let createdOrganization = false;
    let createdBody = false;
    if (!organization) {
      const existing = await tx.find(Organization, { parent: null }, { orderBy: { id: 'asc' }, limit: 20 });
      if (existing.length) {
        throw new UsageError(
          `no organization has the code ${code}; root organizations: ${existing.map((o) => `${o.code} (${o.name})`).join(', ')}`,
        );
      }
      if (!opts.organizationName || !opts.bodyName) {
        throw new UsageError('the database has no organization yet: give --organization-name and --body-name to create the root ones');
      }
      let body = await tx.findOne(Body, { name: opts.bodyName });
      if (!body) {
        if (opts.bodyKind && !Object.values(BodyKind).includes(opts.bodyKind)) {
          throw new UsageError(`--body-kind must be one of ${Object.values(BodyKind).join(', ')}`);
        }
        if (opts.bodyLevel && !Object.values(BodyLevel).includes(opts.bodyLevel)) {
          throw new UsageError(`--body-level must be one of ${Object.values(BodyLevel).join(', ')}`);
        }
        body = tx.create(Body, {
          name: opts.bodyName,
          kind: opts.bodyKind ?? BodyKind.CPPCC,
          level: opts.bodyLevel ?? BodyLevel.CITY,
          region: opts.region ?? null,
        } as any);
        createdBody = true;
      }
      organization = tx.create(Organization, { name: opts.organizationName, code, kind: OrganizationKind.OFFICE, body } as any);
      createdOrganization = true;
      await tx.flush();
    }
    const account = await createAccount(tx, {
      username,
      displayName: opts.displayName?.trim() || ROLE_LABELS[role],
      organizationId: organization.id,
      roles: [role],
      password: opts.password,
    });
    return {
      accountId: account.id,
      username,
      role,
      organizationId: organization.id,
      bodyId: organization.bodyId,
      createdOrganization,
      createdBody,
    };
  });
}

const USAGE = `Creates an administrator account (the first one of a new installation).

  npm run create-admin -- --username <name> --organization-code <code> [options]
  node server/dist/server/src/cli/create-admin.js --username <name> --organization-code <code> [options]

  --username <name>            3–32 lower-case letters, digits, _ or .
  --organization-code <code>   the organization the account belongs to (e.g. JX)
  --display-name <name>        shown in the console (default: the role's name)
  --role <role>                SYSTEM_ADMIN (default), SECURITY_ADMIN or AUDIT_ADMIN
  When the database has no organization yet, the root ones are created:
  --organization-name <name>   e.g. 嘉兴市政协办公室
  --body-name <name>           e.g. 嘉兴市政协
  --body-kind <kind>           CPPCC (default) or CONGRESS
  --body-level <level>         CITY (default), COUNTY or TOWNSHIP
  --region <region>            e.g. 嘉兴市

The initial password comes from ${PASSWORD_ENV}, or is asked for (twice) on a terminal. The
administrator must change it and bind an authenticator app (TOTP) at first sign-in. Uses DATABASE_URL,
or the embedded PostgreSQL in DATA_DIR (the running app's, or started for the command); DATA_KEY is
required when NODE_ENV=production. Pending migrations are applied first.`;

async function readPassword(): Promise<string> {
  const fromEnv = process.env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError(`set ${PASSWORD_ENV} (no terminal to ask for the initial password)`);
  // one interface for both questions, its echo muted while the answer is typed
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  let muted = false;
  (rl as any)._writeToOutput = (s: string) => {
    if (!muted) process.stdout.write(s);
  };
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      muted = false;
      rl.question(question, (answer) => {
        muted = false;
        process.stdout.write('\n');
        resolve(answer);
      });
      muted = true;
    });
  try {
    const first = await ask('Initial password: ');
    const second = await ask('Repeat it: ');
    if (first !== second) throw new UsageError('the two passwords differ');
    return first;
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      username: { type: 'string' },
      'organization-code': { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string' },
      'organization-name': { type: 'string' },
      'body-name': { type: 'string' },
      'body-kind': { type: 'string' },
      'body-level': { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.username || !values['organization-code']) throw new UsageError(`--username and --organization-code are required\n\n${USAGE}`);
  const password = await readPassword();

  const config = loadConfig();
  setDataKey(config.dataKey);
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    // the running app's embedded database, else start it for this command
    url = embeddedUrl(path.join(config.dataDir, 'pg'), config.embeddedPort, 'lianluo');
    const probe = new pg.Client({ connectionString: url });
    try {
      await probe.connect();
    } catch {
      embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.embeddedPort);
      url = await ensureDatabase(embedded.url, 'lianluo');
    } finally {
      await probe.end().catch(() => {});
    }
  }
  const orm = await openDatabase(url, config.dataKey);
  try {
    const result = await createFirstAdmin(orm.em.fork(), {
      username: values.username,
      organizationCode: values['organization-code'],
      password,
      displayName: values['display-name'],
      role: values.role as Role | undefined,
      organizationName: values['organization-name'],
      bodyName: values['body-name'],
      bodyKind: values['body-kind'] as BodyKind | undefined,
      bodyLevel: values['body-level'] as BodyLevel | undefined,
      region: values.region,
    });
    if (result.createdBody) console.log(`[create-admin] created the body #${result.bodyId}`);
    if (result.createdOrganization) console.log(`[create-admin] created the organization ${values['organization-code']} #${result.organizationId}`);
    console.log(
      `[create-admin] created ${ROLE_LABELS[result.role]} ${result.username} (#${result.accountId}); at first sign-in the console asks to change the password and to bind an authenticator app (TOTP)`,
    );
  } finally {
    await orm.close(true);
    await embedded?.stop();
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (e) => {
      if (e instanceof UsageError || (e as any)?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
        console.error(`[create-admin] ${errorMessage(e)}`);
        process.exit(2);
      }
      console.error('[create-admin] failed:', e);
      process.exit(1);
    },
  );
}
