import { afterAll, beforeAll, bench, describe } from 'vitest';
import { gql } from 'graphql-request';
import { ensureOfficialCalendar } from '../../server/src/casework/calendar-day/calendar-day.official.js';
import { dueWithin, earliestDue, overdue, type LetterDeadlineValue } from '../../server/src/casework/letter/letter.deadlines.js';
import { DeadlineLoader, OPEN_LETTER_SQL, PolicyTree, runRecompute, scanOpenLetters } from '../../server/src/casework/letter/letter.deadlines.service.js';
import { Letter } from '../../server/src/casework/letter/letter.entity.js';
import { dueWithinWindow } from '../../server/src/casework/letter/letter.deadlines.resolver.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminClient, signIn } from '../support/sessions.js';

/**
 * Issue 9, part 4: overdueLetters and lettersDueWithin over 100,000 open letters, from the stored
 * deadlines (one indexed statement each), beside the old way (every open letter's deadlines computed
 * in memory on each call, run in process here, without HTTP and session: it flatters the old way).
 * Goal: p95 < 100 ms. vitest bench prints no p95: afterAll times N requests and logs p50/p95.
 */
const LETTERS = Number(process.env.BENCH_LETTERS ?? 100_000);
const ORGS = 20;
const AS_OF = '2026-10-20';
let t: TestApp;
let setupLog: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  const em = t.orm.em.fork();
  await ensureOfficialCalendar(em);
  const admin = await adminClient(t);
  const body = (await admin.request<any>(gql`mutation { createBody(name: "达州市政协", kind: CPPCC, level: CITY) { id } }`)).createBody.id;
  const org = async (name: string, code: string, parentId?: string) =>
    (
      await admin.request<any>(gql`mutation ($n: String!, $c: String!, $b: ID!, $p: ID) { createOrganization(name: $n, code: $c, kind: OFFICE, bodyId: $b, parentId: $p) { id } }`, {
        n: name,
        c: code,
        b: body,
        p: parentId,
      })
    ).createOrganization.id as string;
  const root = await org('达州市政协办公室', 'DZ');
  const units: string[] = [];
  for (let i = 0; i < ORGS; i++) units.push(await org(`达州市政协办公室第${i + 1}科`, `DZ${i + 1}`, root));
  const staff = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: root });
  for (const [measure, days, ruleRef, isDefault] of [
    ['ACCEPTANCE_DECISION', 15, '信访工作条例第二十三条：15日内告知是否受理', false],
    ['FORWARD', 2, 'PV2：领导批阅之日起二日内转交有关部门（遇节假日顺延）', false],
    ['HANDLE', 7, 'PV3：一般来信来访一周内处理完毕', true],
    ['REPLY', 30, 'PV3：答复来信人一般不超过一个月', false],
  ] as const) {
    await staff.client.request(
      gql`mutation ($o: ID!, $m: DeadlineMeasure!, $d: Int!, $r: String!, $def: Boolean) { createDeadlinePolicy(organizationId: $o, measure: $m, days: $d, dayKind: CALENDAR_DAYS, ruleRef: $r, isDefault: $def) { id } }`,
      { o: root, m: measure, d: days, r: ruleRef, def: isDefault },
    );
  }
  await em.execute(`delete from job`);
  // the rules a letter of the units gets at registration (DL4): the root office's
  const rules = (await PolicyTree.load(em)).rulesFor(Number(units[0]), 'POST');
  let started = Date.now();
  await em.execute(
    `insert into letter (serial_number, year, seq, organization_id, channel, status, title, content, received_on, decided_on, tracking_code, deadline_rules)
     select 'BENCH-2026-' || lpad(i::text, 6, '0'), 2026, i, (?::int[])[1 + i % ?], 'POST',
            (array['REGISTERED','REGISTERED','REGISTERED','REGISTERED','ACCEPTED','ACCEPTED','FORWARDED','FORWARDED','DECIDED','HANDLED'])[1 + i % 10],
            '小区路灯不亮', '幸福小区东门路灯已坏一月有余', '2026-01-01'::date + (i % 330),
            case when i % 10 = 8 then '2026-01-01'::date + (i % 330) + 3 end,
            'T' || lpad(i::text, 11, '0'), ?::jsonb
       from generate_series(1, ?) as i`,
    [`{${units.join(',')}}`, ORGS, JSON.stringify(rules), LETTERS],
  );
  setupLog.push(`inserted ${LETTERS} open letters in ${Date.now() - started} ms`);
  started = Date.now();
  const n = await runRecompute(em, { all: true });
  setupLog.push(`stored deadlines of ${n} letters recomputed (runRecompute, the job's code) in ${Date.now() - started} ms`);
  await em.execute(`vacuum analyze letter`);
  t.client = staff.client;
  for (const line of setupLog) console.log(`[deadlines.bench] ${line}`);
}, 900_000);

const OVERDUE = `query ($asOf: LocalDate) { overdueLetters(perPage: 100, asOf: $asOf) { id serialNumber nextDueOn nextDueMeasure } _overdueLettersMeta(asOf: $asOf) { count } }`;
const DUE = `query ($asOf: LocalDate) { lettersDueWithin(days: 5, perPage: 100, asOf: $asOf) { id serialNumber nextDueOn nextDueMeasure } _lettersDueWithinMeta(days: 5, asOf: $asOf) { count } }`;

/** The old way, as the resolver did it before issue 9, part 4: scan, compute, sort, page (in process). */
async function oldWay(keep: (d: LetterDeadlineValue) => boolean): Promise<{ count: number; page: Letter[] }> {
  const em = t.orm.em.fork();
  const scanned = await scanOpenLetters(em, new DeadlineLoader(em), {}, AS_OF);
  const ids: Array<{ id: number; dueOn: string }> = [];
  for (const { letter, deadlines } of scanned) {
    const dueOn = earliestDue(deadlines, keep);
    if (dueOn) ids.push({ id: letter.id, dueOn });
  }
  ids.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id - b.id));
  const page = await em.find(Letter, { id: { $in: ids.slice(0, 100).map((r) => r.id) } });
  return { count: ids.length, page };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
async function timeIt(label: string, n: number, fn: () => Promise<unknown>): Promise<void> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(`[deadlines.bench] ${label}: n=${n} p50=${percentile(ms, 50).toFixed(1)} ms p95=${percentile(ms, 95).toFixed(1)} ms max=${ms[ms.length - 1].toFixed(1)} ms`);
}

afterAll(async () => {
  const counts = await t.client.request<any>(`query ($asOf: LocalDate) { _overdueLettersMeta(asOf: $asOf) { count } _lettersDueWithinMeta(days: 5, asOf: $asOf) { count } }`, { asOf: AS_OF });
  console.log(`[deadlines.bench] ${LETTERS} open letters, as of ${AS_OF}: ${counts._overdueLettersMeta.count} overdue, ${counts._lettersDueWithinMeta.count} due within 5 working days`);
  if (process.env.BENCH_EXPLAIN) {
    // the statements of the two lists, as the resolver builds them for this scope (all the units)
    const em = t.orm.em.fork();
    const scope = `l.organization_id in (select id from organization)`;
    const window = `'{${dueWithinWindow(await new DeadlineLoader(em).calendar(), AS_OF, 5).join(',')}}'::date[]`;
    const earliest = `case when l.next_due_on >= '${AS_OF}' then l.next_due_on else (select min(d) from unnest(l.open_due_dates) d where d >= '${AS_OF}') end`;
    for (const sql of [
      `select count(*) from letter l where ${scope} and ${OPEN_LETTER_SQL} and l.open_due_dates && ${window}`,
      `select l.id from letter l where ${scope} and ${OPEN_LETTER_SQL} and l.open_due_dates && ${window} order by ${earliest}, l.id limit 100`,
      `select count(*) from letter l where ${scope} and ${OPEN_LETTER_SQL} and l.next_due_on < '${AS_OF}'`,
      `select l.id from letter l where ${scope} and ${OPEN_LETTER_SQL} and l.next_due_on < '${AS_OF}' order by l.next_due_on, l.id limit 100`,
    ]) {
      const plan = await em.execute(`explain (analyze, buffers) ${sql}`);
      console.log(`[explain] ${sql}\n${plan.map((r: any) => r['QUERY PLAN']).join('\n')}`);
    }
  }
  await timeIt('NEW overdueLetters(perPage: 100) + _overdueLettersMeta over HTTP', 200, () => t.client.request(OVERDUE, { asOf: AS_OF }));
  await timeIt('NEW lettersDueWithin(days: 5, perPage: 100) + meta over HTTP', 200, () => t.client.request(DUE, { asOf: AS_OF }));
  if (t.client && process.env.BENCH_OLD !== '0') {
    const old = await oldWay(overdue);
    const oldDue = await oldWay(dueWithin(5));
    console.log(`[deadlines.bench] old way agrees on the counts: overdue ${old.count === counts._overdueLettersMeta.count} (${old.count}), due within 5 ${oldDue.count === counts._lettersDueWithinMeta.count} (${oldDue.count})`);
    await timeIt('OLD overdueLetters (in memory, in process, no HTTP)', 5, () => oldWay(overdue));
    await timeIt('OLD lettersDueWithin(5) (in memory, in process, no HTTP)', 5, () => oldWay(dueWithin(5)));
  }
  await t.close();
}, 900_000);

describe(`deadlines at ${LETTERS} open letters`, () => {
  bench('overdueLetters(perPage: 100) + _overdueLettersMeta (stored deadlines)', async () => {
    await t.client.request(OVERDUE, { asOf: AS_OF });
  });
  bench('lettersDueWithin(days: 5, perPage: 100) + _lettersDueWithinMeta (stored deadlines)', async () => {
    await t.client.request(DUE, { asOf: AS_OF });
  });
  bench(
    'old way: overdueLetters computed in memory (in process)',
    async () => {
      await oldWay(overdue);
    },
    { iterations: 3, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
