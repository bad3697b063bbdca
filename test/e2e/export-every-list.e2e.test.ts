/**
 * 导出 of every list in a role's menu (issue 11 item 7): the office clerk opens each list from the
 * menu, clicks 导出, and the workbook the server streams opens with the list's rows — as many as the
 * list counts, the first one the list's first row, column for column where both show a field.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetRows } from '../support/xlsx.js';
import { openDemoConsole, type ConsoleBrowser, type DemoConsole } from '../support/console.js';

let demo: DemoConsole;
let browser: ConsoleBrowser;
let page: Page;

beforeAll(async () => {
  demo = await openDemoConsole();
  ({ browser, page } = demo);
});

afterAll(() => demo?.close());


/** A cell's values in a fixed order: the list shows a link list as chips (one per line), the workbook joins them with 、. */
const cellText = (text: string) => text.split(/\n|、/).map((v) => v.trim()).sort().join('、');

interface Exported {
  resource: string;
  total: number;
  rows: number;
  /** columns compared between the list's first row and the workbook's */
  compared: number;
  /** those that differ: header, list text, workbook text */
  differing: string[][];
}

/** The list page now shown: its count from the pagination, its header and first row as shown. */
async function shownList(): Promise<{ total: number; header: string[]; first: string[] } | 'empty'> {
  const range = page.getByText(/^第 \d+-\d+ 条，共 \d+ 条$/);
  const empty = page.locator('.RaEmpty-message, [data-testid="list-empty"]');
  await range.or(empty).first().waitFor();
  if (await empty.isVisible()) return 'empty';
  const total = Number((await range.innerText()).match(/共 (\d+) 条/)![1]);
  const table = page.locator('.RaList-main table').first();
  const header = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim());
  const first = (await table.locator('tbody tr').first().locator('td').allInnerTexts()).map((t) => t.trim());
  return { total, header, first };
}

interface Walk {
  resources: string[];
  exported: Exported[];
  empty: string[];
}

/** Opens each list of the signed-in role's menu, in the menu's order, and exports those that have rows. */
async function exportEveryList(): Promise<Walk> {
  const walk: Walk = { resources: [], exported: [], empty: [] };
  const links = await page.locator('a[role="menuitem"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  walk.resources = [...new Set(links.map((h) => h.match(/^#\/([A-Z]\w+)$/)?.[1]).filter((r): r is string => !!r))];
  for (const resource of walk.resources) {
    const item = page.locator(`a[role="menuitem"][href="#/${resource}"]`);
    const label = (await item.innerText()).trim();
    // by the keyboard: a wide list may lie over the menu's lower items
    await item.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/${resource}$`));
    // the list of this resource, not the last one still on screen
    await expect.poll(() => page.locator('#react-admin-title').innerText()).toContain(label);
    const list = await shownList();
    if (list === 'empty') {
      walk.empty.push(resource);
      continue;
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
    const file = (await download.path())!;
    const [head, ...rows] = await sheetRows(file);
    fs.rmSync(file, { force: true });
    const pairs = list.header.map((h, i) => [h, list.first[i], head.indexOf(h)] as const).filter(([h, text, col]) => h !== '' && text !== '' && col >= 0);
    walk.exported.push({
      resource,
      total: list.total,
      rows: rows.length,
      compared: pairs.length,
      differing: pairs.filter(([, text, col]) => cellText(rows[0][col]) !== cellText(text)).map(([h, text, col]) => [h, text, rows[0][col]]),
    });
  }
  return walk;
}

const counted = (w: Walk) => w.exported.map((e) => [e.resource, e.rows]);
const expectedCounts = (w: Walk) => w.exported.map((e) => [e.resource, e.total]);
const uncompared = (w: Walk) => w.exported.filter((e) => e.compared === 0).map((e) => e.resource);
const differing = (w: Walk) => w.exported.filter((e) => e.differing.length > 0).map((e) => [e.resource, e.differing]);
const audited = async (username: string) =>
  (await demo.sql(`select resource, count(*)::int as n from audit_event where username = ? and action = 'EXPORT' group by resource order by resource`, [username])).map((r) => [r.resource, r.n]);
const once = (w: Walk) => w.exported.map((e) => [e.resource, 1]).sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));

describe('导出 of every list in a role’s menu', () => {
  let office: Walk;
  let station: Walk;

  it('the office opens every list from its menu and exports each as .xlsx', async () => {
    await browser.signIn('office');
    office = await exportEveryList();
    expect(office.resources.length).toBe(32);
  }, 300_000);

  it('each of the office’s workbooks holds every row its list counts, the first one the list’s first row', () => {
    expect(office.exported.length).toBe(18);
    expect(counted(office)).toEqual(expectedCounts(office));
    expect(uncompared(office)).toEqual([]);
    expect(differing(office)).toEqual([]);
  });

  it('only the lists the demo leaves empty for the office have nothing to export', () => {
    // Cangnan's demo (000, 001) has no stations, receptions, own deadline policies, calendar entries
    // or duty records: the station's walk below exports the stations' lists
    expect(office.empty).toEqual([
      'LiaisonStation', 'StationStaff', 'Reception', 'DeadlinePolicy', 'CalendarDay',
      'Activity', 'Attendance', 'Proposal', 'OpinionReport', 'WorkPlan', 'WorkSummary', 'DutyRecord', 'PerformanceScore',
      // no unread notice
      'Notification',
    ]);
  });

  it('a station opens every list from its menu and exports each as .xlsx', async () => {
    await browser.switchTo('station');
    station = await exportEveryList();
    expect(station.exported.map((e) => e.resource)).toEqual(['Body', 'Organization', 'Leader', 'Member', 'LiaisonStation', 'StationStaff', 'Letter', 'LetterEvent', 'Reception', 'Department', 'Attendance']);
    // a station of 004 keeps no mailbox, group or duty plan; it has no unread notice
    expect(station.empty).toEqual(['Sector', 'LiaisonGroup', 'Mailbox', 'MailboxOpening', 'CalendarDay', 'Activity', 'WorkPlan', 'WorkSummary', 'Notification']);
    expect(counted(station)).toEqual(expectedCounts(station));
    expect(uncompared(station)).toEqual([]);
    expect(differing(station)).toEqual([]);
  }, 300_000);

  it('every export is audited, once', async () => {
    expect(await audited('office')).toEqual(once(office));
    expect(await audited('station')).toEqual(once(station!));
  });

  it('raised no error in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
