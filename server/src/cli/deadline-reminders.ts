import { todayInChina } from '../people/member/dates.js';
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config.js';
import { ormConfig } from '../db/orm.config.js';
import { cliDatabase } from '../db/cli-database.js';
import { sendDeadlineReminders } from '../casework/letter/letter.reminders.js';

import { toDayNumber } from '../common/working-days.js';

/**
 * `npm run reminders [-- YYYY-MM-DD]` (or `node server/dist/server/src/cli/deadline-reminders.js`, e.g.
 * daily from cron): writes the deadline reminders due today (Beijing time) or on the given day. The
 * server also runs them daily; a second run writes nothing new. Without DATABASE_URL it uses the
 * embedded database of DATA_DIR (the running app's, or starts it).
 */
const day = process.argv[2] ?? todayInChina();
try {
  toDayNumber(day);
} catch {
  console.error(`[reminders] 日期格式应为 YYYY-MM-DD：${day}`);
  process.exit(2);
}
const config = loadConfig();
const db = await cliDatabase(config);
const orm = await MikroORM.init(ormConfig(db.url));
try {
  const r = await sendDeadlineReminders(orm.em.fork(), day);
  console.log(`[reminders] ${day}: ${r.near} steps due within 2 working days, ${r.passed} overdue; ${r.written} notifications written`);
} finally {
  await orm.close(true);
  await db.stop();
}
