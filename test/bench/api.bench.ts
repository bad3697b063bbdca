import { afterAll, beforeAll, bench, describe } from 'vitest';
import { DemoSeeder } from '../../seeds/demo.seeder.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/sessions.js';

/**
 * Speed on the demo data (thousands of letters and constituents). `npm run bench` prints the timings;
 * the SQL statements per request are asserted in the integration tests, not here. Every request is
 * signed in, as the office staff of Jiaxing's city office (the largest tree of the demo), so each
 * timing includes the session look-up and the caller's scope (PR3).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await new DemoSeeder().run(t.orm.em.fork());
  const [{ id }] = await t.orm.em.getConnection().execute(`select id from organization where code = 'JX' and parent_id is null`);
  t.client = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: id })).client;
}, 300_000);
afterAll(async () => {
  await t.close();
});

const LETTERS = `query ($perPage: Int, $filter: LetterFilter) {
  allLetters(page: 0, perPage: $perPage, sortField: "receivedOn", sortOrder: "DESC", filter: $filter) {
    id serialNumber title status receivedOn organizationName memberName leadDepartmentName writerName writerPhoneMasked involvedDepartmentIds
  }
  _allLettersMeta(filter: $filter) { count }
}`;

describe('letters', () => {
  bench('allLetters, 100 per page with names of linked records', async () => {
    await t.client.request(LETTERS, { perPage: 100 });
  });
  bench('allLetters, full-text q filter (Chinese)', async () => {
    await t.client.request(LETTERS, { perPage: 25, filter: { q: '积水' } });
  });
  bench('overdueLetters, 100 per page with the count (deadlines on the working-day calendar)', async () => {
    await t.client.request(`{ overdueLetters(perPage: 100) { id serialNumber } _overdueLettersMeta { count } }`);
  });
  bench('allConstituents, 100 per page sorted by pinyin', async () => {
    await t.client.request(`{ allConstituents(perPage: 100, sortField: "name") { id name phoneMasked } }`);
  });
});
