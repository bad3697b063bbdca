/**
 * 导出 in the browser (issue 11): the workbook the server builds for the list as the clerk narrowed
 * it, read back row by row — on the demo data alone, from the dashboard, clicks and keys only.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetRows } from '../support/xlsx.js';
import { openDemoConsole, type ConsoleBrowser, type DemoConsole } from '../support/console.js';

let demo: DemoConsole;
let browser: ConsoleBrowser;
let page: Page;

const sql = (query: string, params: unknown[] = []) => demo.sql(query, params);

beforeAll(async () => {
  demo = await openDemoConsole();
  ({ browser, page } = demo);
});

afterAll(() => demo?.close());


describe('导出 in the browser', () => {
  it('the office exports the replied letters of the register as .xlsx: every one, in the list’s order, the phone masked (PR1)', async () => {
    await browser.signIn('office');
    await page.getByRole('menuitem', { name: '来信', exact: true }).click();
    await page.getByRole('tab', { name: '全部' }).click();
    // the tab's filter is set before the side panel narrows it
    await page.getByRole('tab', { name: '全部', selected: true }).waitFor();
    await expect.poll(() => page.url()).not.toContain('actionableByMe');
    await page.getByRole('button', { name: '已答复', exact: true }).click();
    const expected = await sql(
      `select l.serial_number, l.title, l.writer_phone_masked from letter l join organization o on o.id = l.organization_id where o.code = 'CN' and l.status = 'REPLIED' order by l.id desc`,
    );
    expect(expected.length).toBeGreaterThan(10);
    // the list shows its first page of them; the workbook holds them all
    await page.getByText(`第 1-10 条，共 ${expected.length} 条`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^来信.*\.xlsx$/);
    const file = await download.path();
    const [header, ...rows] = await sheetRows(file!);
    const col = (label: string) => header.indexOf(label);
    expect([col('编号') >= 0, col('标题') >= 0, col('办理状态') >= 0, col('来信人电话（脱敏）') >= 0]).toEqual([true, true, true, true]);
    expect(rows.map((r) => [r[col('编号')], r[col('标题')], r[col('办理状态')], r[col('来信人电话（脱敏）')]])).toEqual(
      expected.map((l) => [l.serial_number, l.title, '已答复', l.writer_phone_masked ?? '']),
    );
    // never the full number (PR1)
    expect(rows.flat().some((v) => /^1\d{10}$/.test(v))).toBe(false);
    fs.rmSync(file!, { force: true });
    const [audit] = await sql(`select count(*)::int as n from audit_event where username = 'office' and action = 'EXPORT' and resource = 'Letter'`);
    expect(audit.n).toBe(1);
  });

  it('raised no error in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
