import { gql, GraphQLClient } from 'graphql-request';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../admin/src/letters/deadlines.js';
import { formatPercent, monthBuckets, yearToDate } from '../../admin/src/statistics/rates.js';
import { Account } from '../../server/src/platform/account/account.entity.js';
import { createSession } from '../../server/src/platform/session/session.service.js';
import type { TestApp } from '../support/app.js';
import { openDemoConsole, type ConsoleBrowser, type DemoConsole } from '../support/console.js';

/**
 * The dashboards of the working roles and the 统计 page, on the demo seed alone. The seed's day is
 * fixed (2026-11-20) but the server counts with the real clock, so every expected figure is asked of
 * the API, as the same demo account, at the time of the test.
 */
let demo: DemoConsole;
let t: TestApp;
let browser: ConsoleBrowser;
let page: Page;
let pageErrors: string[];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const exactly = (s: string | number) => new RegExp(`^${escape(String(s))}$`);

/** The API as a demo account sees it: a session of that very account (its reach, PR3). */
async function apiAs(username: string): Promise<GraphQLClient> {
  const em = t.orm.em.fork();
  const account = await em.findOneOrFail(Account, { username });
  const { token } = createSession(em, account, { ip: '127.0.0.1', userAgent: 'vitest', totpVerified: true });
  await em.flush();
  return new GraphQLClient(t.url, { headers: { authorization: `Bearer ${token}` } });
}

const FIGURES = 'satisfactionRate resolutionRate rated concluded satisfied basicallySatisfied dissatisfied resolved';
async function rates(api: GraphQLClient, from: string, to: string, organizationId?: string) {
  const res = await api.request<any>(gql`query ($from: LocalDate!, $to: LocalDate!, $org: ID) { satisfactionRates(from: $from, to: $to, organizationId: $org) { ${FIGURES} departments { departmentId ${FIGURES} } } }`, {
    from,
    to,
    org: organizationId ?? null,
  });
  return res.satisfactionRates;
}
async function count(api: GraphQLClient, resource: string, filter: Record<string, unknown> = {}): Promise<number> {
  const res = await api.request<any>(`query ($filter: ${resource}Filter) { _all${resource}sMeta(filter: $filter) { count } }`, { filter });
  return res[`_all${resource}sMeta`].count;
}

/** Waits until the element shows exactly `text`, then returns what it shows (the assertion's subject). */
async function shown(testId: string, text: string | number): Promise<string | null> {
  const el = page.getByTestId(testId);
  await el.filter({ hasText: exactly(text) }).waitFor();
  return el.textContent();
}

/** The rows of a table (by test id) as the cells' texts. */
async function rows(testId: string): Promise<string[][]> {
  return page.getByTestId(testId).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

async function noOverflow(): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

beforeAll(async () => {
  demo = await openDemoConsole();
  ({ t, browser, page } = demo);
  ({ pageErrors } = browser);
});
afterAll(() => demo?.close());

describe('the dashboards and the 统计 page', () => {
  it("a leader reads the dashboard's rates (SV3) with the month-by-month chart, and the urgent letters in hand (PV6)", async () => {
    const api = await apiAs('leader');
    const today = todayInChina();
    const year = yearToDate(today);
    const expected = await rates(api, year.from, year.to);
    // the seed has ratings and conclusions this year, so the chart is drawn
    expect(expected.rated + expected.concluded).toBeGreaterThan(0);
    const urgent = await count(api, 'Letter', { urgency: 'URGENT', open: true });
    const mine = await count(api, 'Letter', { actionableByMe: true });

    await browser.signIn('leader');
    expect(await shown('satisfaction-rate', formatPercent(expected.satisfactionRate))).toBe(formatPercent(expected.satisfactionRate));
    expect(await shown('resolution-rate', formatPercent(expected.resolutionRate))).toBe(formatPercent(expected.resolutionRate));
    expect(await shown('letters-urgent', urgent)).toBe(String(urgent));
    expect(await shown('letters-mine', mine)).toBe(String(mine));
    // recharts draws the tick labels in a layer of their own, apart from the axis line
    const ticks = page.getByTestId('rates-chart').locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await ticks.first().waitFor();
    expect(await ticks.allTextContents()).toEqual(monthBuckets(year.from, year.to).map((m) => m.label));
    expect(await page.getByTestId('rates-chart').locator('.recharts-legend-item-text').allTextContents()).toEqual(['满意率', '解决率']);
    await browser.shot('dashboard-leader');

    // the card opens the urgent letters still in hand (PV6), the same the API lists
    const listed = await api.request<any>(gql`{ allLetters(filter: { urgency: URGENT, open: true }, perPage: 25) { serialNumber } }`);
    expect(urgent).toBeGreaterThan(0);
    await page.getByTestId('letters-urgent').click();
    for (const l of listed.allLetters) await page.getByRole('cell', { name: l.serialNumber, exact: true }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(urgent);
    await page.getByRole('menuitem', { name: '首页' }).click();
    await page.getByRole('heading', { name: '欢迎使用联络' }).waitFor();
  });

  it('a leader opens 统计 from the menu and reads the rates by month and by lead department (SV3)', async () => {
    const api = await apiAs('leader');
    const today = todayInChina();
    const year = yearToDate(today);
    const months = monthBuckets(year.from, year.to, today);
    const perMonth = await Promise.all(months.map((m) => (m.from ? rates(api, m.from, m.to) : null)));
    const total = await rates(api, year.from, year.to);
    const names = await api.request<any>(gql`query ($ids: [ID!]) { allDepartments(filter: { ids: $ids }) { id name } }`, {
      ids: total.departments.map((d: any) => d.departmentId),
    });
    const nameOf = (id: string) => names.allDepartments.find((d: any) => d.id === id).name;

    await page.getByRole('menuitem', { name: '满意率与解决率' }).click();
    await page.getByRole('heading', { name: '满意率与解决率统计' }).waitFor();
    expect(await shown('satisfaction-rate', formatPercent(total.satisfactionRate))).toBe(formatPercent(total.satisfactionRate));
    await page.getByTestId('rates-months').waitFor();
    expect(await rows('rates-months')).toEqual(
      months.map((m, i) => {
        const f = perMonth[i];
        return [m.label, formatPercent(f?.satisfactionRate), f ? String(f.rated) : '—', formatPercent(f?.resolutionRate), f ? String(f.concluded) : '—'];
      }),
    );
    expect(total.departments.length).toBeGreaterThan(0);
    const departmentRows = total.departments.map((d: any) => [nameOf(d.departmentId), formatPercent(d.satisfactionRate), String(d.rated), formatPercent(d.resolutionRate), String(d.concluded)]);
    await page.getByTestId('rates-departments').getByRole('cell', { name: departmentRows[0][0], exact: true }).waitFor();
    expect(await rows('rates-departments')).toEqual(departmentRows);
    await browser.shot('statistics-leader');
  });

  it('a leader chooses 上年, one organization and a typed period on the 统计 page (SV3)', async () => {
    const api = await apiAs('leader');
    const lastYear = Number(todayInChina().slice(0, 4)) - 1;
    const orgs = await api.request<any>(gql`{ allOrganizations(sortField: "id", sortOrder: "ASC", perPage: 200) { id name } }`);
    const county = orgs.allOrganizations[0];
    const expected = await rates(api, `${lastYear}-01-01`, `${lastYear}-12-31`, county.id);

    await page.getByRole('button', { name: '上年', exact: true }).click();
    await page.getByRole('combobox', { name: '工作机构（含下级）' }).click();
    await page.getByRole('option', { name: county.name, exact: true }).click();
    await page.getByRole('heading', { name: `${lastYear}年1月1日至${lastYear}年12月31日` }).waitFor();
    expect(await shown('satisfaction-rate', formatPercent(expected.satisfactionRate))).toBe(formatPercent(expected.satisfactionRate));
    expect(await shown('resolution-rate', formatPercent(expected.resolutionRate))).toBe(formatPercent(expected.resolutionRate));

    // a period typed as the office writes it, each date confirmed with Enter
    const thisYear = lastYear + 1;
    const typed = await rates(api, `${thisYear}-07-01`, `${thisYear}-09-30`, county.id);
    for (const [label, day] of [['开始日期', `${thisYear}年7月1日`], ['结束日期', `${thisYear}年9月30日`]]) {
      await page.getByRole('textbox', { name: label }).click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(day);
      await page.keyboard.press('Enter');
    }
    await page.getByRole('heading', { name: `${thisYear}年7月1日至${thisYear}年9月30日` }).waitFor();
    expect(await page.getByRole('button', { name: '自定义', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await shown('resolution-rate', formatPercent(typed.resolutionRate))).toBe(formatPercent(typed.resolutionRate));
    expect(await rows('rates-months').then((r) => r.map((c) => c[0]))).toEqual(['7月', '8月', '9月']);
    await page.getByRole('button', { name: '本年', exact: true }).click();
    await page.getByRole('combobox', { name: '工作机构（含下级）' }).click();
    await page.getByRole('option', { name: '全部可见机构', exact: true }).click();
  });

  it('a leader reads the dashboard and the 统计 page on a phone: nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await page.getByRole('heading', { name: '满意率与解决率统计' }).waitFor();
      await page.getByTestId('rates-months').waitFor();
      await page.getByTestId('rates-chart').locator('.recharts-xAxis-tick-labels').waitFor();
      expect(await noOverflow()).toBe(0);
      await browser.shot('statistics-leader-phone');
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('menuitem', { name: '首页' }).click();
      await page.getByRole('heading', { name: '欢迎使用联络' }).waitFor();
      await page.getByTestId('satisfaction-rate').filter({ hasNotText: '…' }).waitFor();
      await page.getByTestId('rates-chart').locator('.recharts-xAxis-tick-labels').waitFor();
      expect(await noOverflow()).toBe(0);
      await browser.shot('dashboard-leader-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('a member reads my constituents from the dashboard (CT3)', async () => {
    const api = await apiAs('member');
    const constituents = await count(api, 'Constituent');
    const open = await count(api, 'Letter', { open: true });
    const listed = await api.request<any>(gql`{ allConstituents(perPage: 10, sortField: "id", sortOrder: "DESC") { id name } }`);
    expect(constituents).toBeGreaterThan(0);

    await browser.switchTo('member');
    expect(await shown('constituents', constituents)).toBe(String(constituents));
    expect(await shown('letters-open', open)).toBe(String(open));
    expect(await page.getByTestId('empty-constituents').count()).toBe(0);
    await browser.shot('dashboard-member');
    await page.getByTestId('constituents').click();
    for (const c of listed.allConstituents) await page.getByRole('cell', { name: c.name, exact: true }).first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(Math.min(constituents, 10));
  });

  it('a station worker reads the open reception issues of the station (ST4) and this year’s receptions (ST2)', async () => {
    const api = await apiAs('station');
    const year = todayInChina().slice(0, 4);
    const issues = await count(api, 'Letter', { channel: 'RECEPTION', open: true });
    const receptions = await count(api, 'Reception', { heldOn_gte: `${year}-01-01`, heldOn_lte: `${year}-12-31` });

    await browser.switchTo('station');
    expect(await shown('letters-reception-open', issues)).toBe(String(issues));
    expect(await shown('receptions', receptions)).toBe(String(receptions));
    expect(await page.getByRole('menuitem', { name: '满意率与解决率' }).count()).toBe(0);
    await browser.shot('dashboard-station');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await shown('receptions', receptions);
      expect(await noOverflow()).toBe(0);
      await browser.shot('dashboard-station-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('a committee worker reads what the committee’s sectors hold: members and their contacts (CT2)', async () => {
    const api = await apiAs('committee');
    const members = await count(api, 'Member');
    const pairings = await count(api, 'ContactPairing');

    await browser.switchTo('committee');
    expect(await shown('committee-members', members)).toBe(String(members));
    expect(await shown('pairings', pairings)).toBe(String(pairings));
    await browser.shot('dashboard-committee');
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
