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
 * opens every entry of its menu; each page is titled in English and shows no raw i18n key or enum id.
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

/** The text raw keys and enum ids would show in: the page without the app bar's user name. */
const pageText = () => page.locator('#main-content').innerText();

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
  const seen: Array<[string, string, string | null, string | null]> = [];
  for (const { entry, title } of menu) {
    await sidebar.getByRole('menuitem', { name: entry, exact: true }).click();
    const heading = page.locator('#react-admin-title');
    await heading.filter({ hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }).waitFor();
    // the page has loaded what it shows once react-admin's loading bar is gone
    await page.locator('.app-loader, .MuiLinearProgress-root, [role="progressbar"]').first().waitFor({ state: 'detached' });
    const text = await pageText();
    seen.push([entry, await heading.innerText(), text.match(RAW_KEY)?.[0] ?? null, text.match(RAW_ENUM)?.[0] ?? null]);
    if (shots[entry]) await browser.shot(shots[entry]);
  }
  expect(seen).toEqual(menu.map((m) => [m.entry, m.title, null, null]));
}

describe('the console in English', () => {
  it('the office switches the console to English and opens every menu entry', async () => {
    await browser.signIn('office');
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: en.app.welcome, exact: true }).waitFor();
    await openEveryEntry(['OFFICE_STAFF'], { [plural('Letter')]: 'english-letters', [plural('Member')]: 'english-members' });
  });

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
  });

  it('throws no error on any page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
