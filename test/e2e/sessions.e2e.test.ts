import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient, gql } from 'graphql-request';
import { chinaDateTime } from '../../admin/src/letters/deadlines.js';
import { DEMO_PASSWORD } from '../../seeds/demo-accounts.js';
import type { TestApp } from '../support/app.js';
import { openDemoConsole, totpCode, type ConsoleBrowser, type DemoConsole } from '../support/console.js';

/**
 * 在线会话 (等保 会话管理) on the demo seed: the member signs in over the API (a second client, as a
 * phone would), the security administrator finds that session in the console and ends it.
 * Everything the administrator does after signing in is clicks.
 */
let demo: DemoConsole;
let t: TestApp;
let browser: ConsoleBrowser;
let page: Page;

type Row = Record<string, any>;
const sql = (query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<Row[]>(query, params);

/** The cells of every row of the sessions table, as the administrator reads them. */
const tableRows = () =>
  page.locator('[data-testid="sessions"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));

beforeAll(async () => {
  demo = await openDemoConsole();
  ({ t, browser, page } = demo);
});

afterAll(() => demo?.close());

describe('在线会话 in the console', () => {
  it('the security administrator ends a member’s session from 在线会话', async () => {
    const login: any = await t.client.request(gql`mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token mustChangePassword } }`, {
      u: 'member',
      p: DEMO_PASSWORD,
    });
    expect(login.login.mustChangePassword).toBe(false);
    const memberApi = new GraphQLClient(t.url, { headers: { authorization: `Bearer ${login.login.token}` } });
    const me = (await memberApi.request(gql`{ me { id } }`)) as { me: { id: string } | null };
    expect(me.me).not.toBeNull();

    await browser.signIn('security', totpCode());
    // the security administrator's card counts the open sessions: the member's and their own
    await page.getByTestId('sessions-online').filter({ hasNotText: '—' }).waitFor();
    expect(await page.getByTestId('sessions-online').textContent()).toBe('2');
    await browser.shot('sessions-dashboard');
    await page.getByRole('link', { name: '在线会话' }).click();
    await page.getByRole('columnheader', { name: '最近活动' }).waitFor();

    const sessions = await sql(
      `select a.username, a.display_name, s.created_at, s.last_seen_at, s.expires_at, s.ip from session s join account a on a.id = s.account_id
        where s.revoked_at is null order by s.last_seen_at desc, s.id desc`,
    );
    expect(sessions.map((s) => s.username)).toEqual(['security', 'member']);
    const row = (s: Row, action: string) => [s.username, s.display_name, chinaDateTime(s.created_at), chinaDateTime(s.last_seen_at), chinaDateTime(s.expires_at), s.ip, action];
    expect(await page.locator('[data-testid="sessions"] thead th').allTextContents()).toEqual(['账号', '姓名', '登录时间', '最近活动', '到期时间', 'IP', '操作']);
    expect(await tableRows()).toEqual([row(sessions[0], '本人账号'), row(sessions[1], '结束该账号的会话')]);
    for (const cell of (await tableRows()).flatMap((r) => r.slice(2, 5))) expect(cell).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // the page is in the menu's 系统 section too
    await page.getByRole('menuitem', { name: '在线会话' }).waitFor();
    await browser.shot('sessions-list');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-testid="session-row"][data-username="member"]').getByText(`${sessions[1].display_name} · member`, { exact: true }).waitFor();
    await browser.shot('sessions-list-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: '结束该账号的会话：member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`结束 ${sessions[1].display_name} · member 的全部会话？该账号须重新登录。`).waitFor();
    // the dialog fades in: the screen is taken once it is fully shown
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.MuiDialog-container')!).opacity === '1');
    await browser.shot('sessions-confirm');
    await dialog.getByRole('button', { name: '结束会话' }).click();

    await page.getByText(`已结束 ${sessions[1].display_name} · member 的 1 个会话`).waitFor();
    await page.locator('[data-testid="session-row"][data-username="member"]').waitFor({ state: 'detached' });
    expect((await tableRows()).map((r) => r[0])).toEqual(['security']);
    expect(await memberApi.request(gql`{ me { id } }`)).toEqual({ me: null });
    const [revoked] = await sql(`select count(*)::int as n from session s join account a on a.id = s.account_id where a.username = 'member' and s.revoked_at is not null`);
    expect(revoked.n).toBe(1);
    await browser.shot('sessions-ended');
  });

  it('raised no error in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
