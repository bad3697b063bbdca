import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchemaModel, introspectionFromSdl } from '../../admin/src/providers/schema.js';
import { modelForRoles } from '../../admin/src/providers/access.js';
import { buildMessages } from '../../admin/src/i18n/messages.js';
import { pageKey } from '../../admin/src/i18n/app-keys.js';
import { groupResources, MENU_GROUPS, pagesFor } from '../../admin/src/layout/menuGroups.js';
import { DEMO_PASSWORD } from '../../seeds/demo-accounts.js';
import { openDemoConsole, type ConsoleBrowser, type DemoConsole } from '../support/console.js';

/**
 * The console in its second language: an account switches to English through the locale menu and
 * opens every entry of its menu, a letter's page, a mailbox's opening and a reception's record; each
 * page is titled in English and shows no raw i18n key or enum id, and none of its words is Chinese
 * but the records' own (names, titles: the demo data is Chinese).
 */
const model = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));
const en = buildMessages(model).en as any;
const plural = (resource: string) => String(en.resources[resource].name).split(' |||| ')[1];

/** Pages whose title is not the list's plural name: the inbox and the 统计 page. */
const OWN_TITLES: Record<string, string> = { Notification: en.app.notifications.mine, '/statistics': en.app.menu.statistics };

/** The menu of the roles, entry by entry: what it reads and the title of the page it opens. */
function menuFor(roles: string[]): Array<{ entry: string; title: string }> {
  const groups = groupResources(modelForRoles(model, roles).resources.map((r) => r.name));
  return [
    { entry: en.ra.page.dashboard, title: en.ra.page.dashboard },
    ...MENU_GROUPS.flatMap((g) => [
      ...groups[g.id].map((r) => ({ entry: plural(r), title: OWN_TITLES[r] ?? plural(r) })),
      ...pagesFor(g.id, roles).map((p) => ({ entry: en.app.pages[pageKey(p.path)], title: OWN_TITLES[p.path] ?? en.app.pages[pageKey(p.path)] })),
    ]),
  ];
}

const RAW_KEY = /\b(resources|enums|ra|app)\.[a-zA-Z_.]+/;
// 政协 reads CPPCC in English: the one enum id that is also its English
const ENUM_IDS = [...new Set(Object.values(model.enums).flatMap((e) => e.choices.map((c) => c.id)))].filter((id) => id !== 'CPPCC');
const RAW_ENUM = new RegExp(`\\b(${ENUM_IDS.join('|')})\\b`);

/** Some twenty pages one after another, each read through: more than the default minute on a busy machine. */
const MENU_TIMEOUT = 180_000;

let demo: DemoConsole;
let browser: ConsoleBrowser;
let page: Page;

beforeAll(async () => {
  demo = await openDemoConsole();
  browser = demo.browser;
  page = demo.page;
});

afterAll(async () => {
  await demo?.close();
});

/**
 * The text raw keys and enum ids would show in: the page without the app bar's user name, its words
 * as written (a button's CSS capitals would read "REGISTER A LETTER" as the enum id LETTER).
 */
async function pageText() {
  await page.addStyleTag({ content: '#main-content, #main-content * { text-transform: none !important; }' });
  return page.locator('#main-content').innerText();
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * Every visible text of the page, the menu and the title that contains Chinese — the console's own
 * words left untranslated: buttons, tabs, column headers, labels, headings, chips, empty states,
 * hints. Not the records' data: table cells, a select's chosen record and what the page marks as a
 * record's text (data-record-text: a letter's title, a fact's value).
 */
function chineseChrome(): Promise<string[]> {
  return page.evaluate((cjk) => {
    const chinese = new RegExp(cjk);
    const out = new Set<string>();
    for (const root of ['#main-content', '.RaMenu-open', '#react-admin-title'].map((s) => document.querySelector(s))) {
      if (!root) continue;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        const text = node.textContent?.trim() ?? '';
        if (!el || !chinese.test(text) || el.closest('td, [data-record-text], .MuiSelect-select, style, script') || !el.checkVisibility()) continue;
        out.add(text);
      }
    }
    return [...out];
  }, CJK.source);
}

/** The page has loaded what it shows once react-admin's loading bar is gone. */
const loaded = () => page.locator('.app-loader, .MuiLinearProgress-root, [role="progressbar"]').first().waitFor({ state: 'detached' });

async function openEveryEntry(roles: string[], shots: Record<string, string> = {}) {
  const menu = menuFor(roles);
  const sidebar = page.locator('.RaMenu-open');
  // the menu reads, in order, exactly the English entries of the roles
  await sidebar.getByRole('menuitem', { name: menu[1].entry, exact: true }).waitFor();
  expect(await sidebar.getByRole('menuitem').allInnerTexts()).toEqual(menu.map((m) => m.entry));
  // the section headers too
  const headers = MENU_GROUPS.filter((g) => groupResources(modelForRoles(model, roles).resources.map((r) => r.name))[g.id].length || pagesFor(g.id, roles).length).map(
    (g) => en.app.menu[g.id],
  );
  expect(await sidebar.locator('.MuiListSubheader-root').allInnerTexts()).toEqual(headers);
  const seen: Array<[string, string, string | null, string | null, string[]]> = [];
  for (const { entry, title } of menu) {
    await sidebar.getByRole('menuitem', { name: entry, exact: true }).click();
    const heading = page.locator('#react-admin-title');
    await heading.filter({ hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }).waitFor();
    await loaded();
    const text = await pageText();
    seen.push([entry, await heading.innerText(), text.match(RAW_KEY)?.[0] ?? null, text.match(RAW_ENUM)?.[0] ?? null, await chineseChrome()]);
    if (shots[entry]) await browser.shot(shots[entry]);
  }
  expect(seen).toEqual(menu.map((m) => [m.entry, m.title, null, null, []]));
}

describe('the console in English', () => {
  it('the office switches the console to English and opens every menu entry', async () => {
    await browser.signIn('office');
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: en.app.welcome, exact: true }).waitFor();
    await openEveryEntry(['OFFICE_STAFF'], { [plural('Letter')]: 'english-letters', [plural('Member')]: 'english-members' });
  }, MENU_TIMEOUT);

  it('the office reads a letter, opens a mailbox and records a reception in English, every word of the console English', async () => {
    const sidebar = page.locator('.RaMenu-open');
    // a long form may leave the menu folded: unfold it before the next entry
    const menu = async (entry: string) => {
      if (await page.locator('.RaMenu-closed').isVisible()) await page.getByRole('button', { name: en.ra.action.open_menu, exact: true }).click();
      await sidebar.getByRole('menuitem', { name: entry, exact: true }).click();
    };
    const pages: Array<[string, string[]]> = [];
    // a letter's page, from the register's 全部 tab
    await menu(plural('Letter'));
    await page.getByRole('tab', { name: en.app.letters.tabs.all, exact: true }).click();
    await page.locator('tbody tr').first().click();
    await page.getByRole('heading', { name: en.app.letters.history, exact: true }).waitFor();
    await page.locator('[data-testid="letter-status"]').waitFor();
    await loaded();
    expect(await page.locator('#react-admin-title').innerText()).toMatch(/^Letter CN-\d{4}-\d{6}$/);
    pages.push(['letter', await chineseChrome()]);
    await browser.shot('english-letter');
    // a mailbox's opening, a letter found added
    await menu(plural('Mailbox'));
    await page.getByRole('link', { name: en.app.mailboxes.open, exact: true }).first().click();
    await page.locator('h2').filter({ hasText: new RegExp(`^${en.app.mailboxes.open_prefix}`) }).waitFor();
    await page.getByRole('button', { name: en.app.mailboxes.add_letter }).click();
    await page.getByText(en.app.mailboxes.found_count.split(' |||| ')[0]).waitFor();
    await loaded();
    pages.push(['mailbox opening', await chineseChrome()]);
    await browser.shot('english-mailbox-open');
    // a reception's record, an issue added
    await menu(plural('Reception'));
    await page.getByRole('link', { name: en.app.receptions.record, exact: true }).first().click();
    await page.locator('h2').filter({ hasText: new RegExp(`^${en.app.receptions.record}$`) }).waitFor();
    await page.getByRole('button', { name: en.app.receptions.add_issue }).click();
    await page.getByText(en.app.receptions.issue_count.split(' |||| ')[0]).waitFor();
    await loaded();
    pages.push(['reception record', await chineseChrome()]);
    // the statistics page, by month and by lead department
    await menu(en.app.pages.statistics);
    await page.getByRole('heading', { name: en.app.statistics.by_department, exact: true }).waitFor();
    await loaded();
    pages.push(['statistics', await chineseChrome()]);
    await browser.shot('english-statistics');
    expect(pages).toEqual([
      ['letter', []],
      ['mailbox opening', []],
      ['reception record', []],
      ['statistics', []],
    ]);
  }, MENU_TIMEOUT);

  it('the leader, signed in after the office, keeps English and opens every menu entry', async () => {
    await page.goto(`${browser.origin}/`);
    await page.getByRole('button', { name: en.ra.auth.user_menu }).click();
    await page.getByRole('menuitem', { name: en.ra.auth.logout }).click();
    await page.locator('input[name="username"]').waitFor();
    await page.locator('input[name="username"]').fill('leader');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: en.ra.auth.sign_in, exact: true }).click();
    await page.getByRole('heading', { name: en.app.welcome, exact: true }).waitFor();
    await openEveryEntry(['LEADER']);
  }, MENU_TIMEOUT);

  it('throws no error on any page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
