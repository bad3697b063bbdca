import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { DemoSeeder } from '../../seeds/demo.seeder.js';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let seedMs = 0;
beforeAll(async () => {
  t = await startTestApp();
  const started = Date.now();
  await new DemoSeeder().run(t.orm.em.fork());
  seedMs = Date.now() - started;
}, 300_000);
afterAll(async () => {
  await t.close();
});

const count = async (resource: string, filter = '{}') => {
  const res: any = await t.client.request(`{ _all${resource}Meta(filter: ${filter}) { count } }`);
  return res[`_all${resource}Meta`].count as number;
};

describe('demo data (seeds/)', () => {
  it('models the five source documents at province-office scale', async () => {
    console.log(`demo seed took ${seedMs} ms`);
    expect(await count('Mailboxes')).toBe(28); // 000: the first batch of 28 community mailboxes
    expect(await count('Members')).toBeGreaterThanOrEqual(500);
    expect(await count('Constituents')).toBeGreaterThanOrEqual(1000);
    expect(await count('Letters')).toBeGreaterThanOrEqual(2000);
    expect(await count('LiaisonStations')).toBeGreaterThanOrEqual(15);
    expect(await count('Receptions')).toBeGreaterThanOrEqual(60);
    expect(await count('WorkPlans')).toBe(16); // 002: eight township offices, two years
  });

  it('has the office register in every workflow state (003)', async () => {
    const res: any = await t.client.request(gql`
      {
        __type(name: "LetterStatus") {
          enumValues {
            name
          }
        }
      }
    `);
    for (const { name } of res.__type.enumValues) {
      expect(await count('Letters', `{ status: ${name} }`), name).toBeGreaterThan(0);
    }
  });

  it('stores personal data encrypted and shows it masked (PR1)', async () => {
    const res: any = await t.client.request(gql`
      {
        allConstituents(perPage: 3) {
          name
          phoneMasked
          idNumberMasked
        }
      }
    `);
    for (const c of res.allConstituents) {
      expect(c.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(c.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    }
    const rows = await t.orm.em.getConnection().execute(`select phone_encrypted from constituent limit 1`);
    expect(rows[0].phone_encrypted).toMatch(/^v1:/);
  });

  it('gives every letter a unique serial number per organization and year (PV1)', async () => {
    const rows = await t.orm.em
      .getConnection()
      .execute(`select count(*)::int as n, count(distinct serial_number)::int as d from letter`);
    expect(rows[0].n).toBe(rows[0].d);
    const next: any = await t.client.request(gql`
      mutation {
        registerLetter(organizationId: "1", channel: POST, title: "测试", content: "小区路灯不亮", receivedOn: "2026-11-20", writerName: "张三") {
          serialNumber
        }
      }
    `);
    const [{ last }] = await t.orm.em.getConnection().execute(`select last from letter_serial_counter c join organization o on o.id = c.organization_id where o.id = 1 and c.year = 2026`);
    expect(next.registerLetter.serialNumber).toBe(`JX-2026-${String(last).padStart(6, '0')}`);
  });
});
