import type { MikroORM } from '@mikro-orm/postgresql';
import { Account } from '../platform/account/account.entity.js';
import { Body } from '../platform/body/body.entity.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, hasDemoData, seedDemoAccounts, type DemoAccount } from '../../../seeds/demo-accounts.js';

export interface DemoSeedOptions {
  /**
   * Create the demo accounts (known password Lianluo#2026). Never in production mode, even when
   * SEED_DEMO=true brings the demo data there: create the first administrator with
   * `npm run create-admin` instead.
   */
  accounts?: boolean;
  log?: (line: string) => void;
}

function announce(plan: DemoAccount[], log: (line: string) => void): void {
  log(`[lianluo] demo accounts (password ${DEMO_PASSWORD}): ${plan.map((a) => a.username).join(', ')}`);
  log(`[lianluo] admin, security and auditor need a TOTP code: add the secret ${DEMO_TOTP_SECRET} to an authenticator app (README: Demo accounts)`);
}

/**
 * Seeds the demo data on first start (empty database) and then the demo accounts; returns the time
 * taken, or 0. A database seeded before demo accounts existed gets them once it has no account at all.
 */
export async function seedDemoIfEmpty(orm: MikroORM, options: DemoSeedOptions = {}): Promise<number> {
  const accounts = options.accounts ?? process.env.NODE_ENV !== 'production';
  const log = options.log ?? ((line: string) => console.log(line));
  const em = orm.em.fork();
  if ((await em.count(Body)) > 0) {
    if (accounts && (await em.count(Account)) === 0 && (await hasDemoData(em))) {
      announce(await seedDemoAccounts(orm.em.fork()), log);
    }
    return 0;
  }
  const t = Date.now();
  // the seeder (and faker) load only for an empty database, not on each restart (issue 11 item 6)
  const { DemoSeeder } = await import('../../../seeds/demo.seeder.js');
  await new DemoSeeder().run(em);
  if (accounts) {
    announce(await seedDemoAccounts(orm.em.fork()), log);
  } else {
    log('[lianluo] production mode: demo data without demo accounts; create the first administrator with `npm run create-admin` (README)');
  }
  return Date.now() - t;
}
