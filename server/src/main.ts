import 'reflect-metadata';
import path from 'node:path';
import { createApp } from './app.js';
import { setDataKey } from './common/crypto.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { ensureDatabase } from './db/ensure-database.js';
import { seedDemoIfEmpty } from './db/demo.js';
import { startDeadlineReminders } from './casework/letter/letter.reminders.js';
import { startJobWorker } from './platform/job/job.service.js';
import { startCalendarWarnings } from './casework/calendar-day/calendar-day.status.js';

const started = Date.now();
const config = loadConfig();
setDataKey(config.dataKey);

let embedded: EmbeddedDatabase | undefined;
let url = config.databaseUrl;
if (!url) {
  console.log(`[lianluo] starting embedded PostgreSQL in ${path.join(config.dataDir, 'pg')} on port ${config.embeddedPort}`);
  embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.embeddedPort);
  url = await ensureDatabase(embedded.url, 'lianluo');
}

const orm = await openDatabase(url, config.dataKey);
if (config.seedDemo) {
  const seeded = await seedDemoIfEmpty(orm);
  if (seeded) console.log(`[lianluo] demo data seeded in ${seeded} ms`);
}
const app = await createApp({ orm, adminDir: config.adminDir });
const reminders = startDeadlineReminders(orm); // DL1: deadline reminders, daily
const calendar = startCalendarWarnings(orm); // DL2: next year's holidays missing from 1 November (issue 12 item 9)
const jobs = startJobWorker(orm); // background jobs held in PostgreSQL (stored deadlines after calendar and policy edits)
app.server.listen(config.port, () => {
  console.log(`[lianluo] ready in ${Date.now() - started} ms`);
  console.log(`[lianluo] console  http://localhost:${config.port}/`);
  console.log(`[lianluo] GraphQL  http://localhost:${config.port}/graphql`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[lianluo] ${signal}: stopping`);
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  try {
    reminders.stop();
    calendar.stop();
    await jobs.stop(); // lets the running job finish its batch
    await app.stop();
    await orm.close(true);
    await embedded?.stop();
    console.log('[lianluo] stopped');
    process.exit(0);
  } catch (e) {
    console.error('[lianluo] error while stopping', e);
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
