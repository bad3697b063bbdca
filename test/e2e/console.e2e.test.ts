import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gql } from 'graphql-request';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchemaModel, introspectionFromSdl } from '../../admin/src/providers/schema.js';
import { startTestApp, type TestApp } from '../support/app.js';

const ADMIN_DIR = path.resolve('admin/dist');
/** Where to save screenshots for a person to look at (optional; never inside the repository). */
const SHOTS = process.env.E2E_SCREENSHOT_DIR;
/** The resources the console was built with (it reads the same committed schema). */
const model = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

let t: TestApp;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let origin: string;
const pageErrors: string[] = [];
let bodyId: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ADMIN_DIR, 'index.html'))) {
    throw new Error('admin/dist is missing: run `npm run build -w admin` (npm run test:e2e does)');
  }
  t = await startTestApp({ adminDir: ADMIN_DIR });
  origin = new URL(t.url).origin;
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianluo-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const res: any = await t.client.request(gql`
    mutation {
      createBody(name: "嘉兴市政协", kind: CPPCC, level: CITY, region: "嘉兴市") {
        id
      }
    }
  `);
  bodyId = res.createBody.id;
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  await t?.close();
});

describe('the console in a browser', () => {
  it('opens in Chinese with a welcome and a menu named from the schema', async () => {
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: '欢迎使用联络' }).waitFor();
    expect(await page.title()).toBe('联络');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('menuitem', { name: '机构', exact: true }).waitFor();
    await page.getByRole('menuitem', { name: '工作机构', exact: true }).waitFor();
    expect(await page.getByTestId('count-Body').textContent()).toBe('1');
  });

  it('lists bodies with Chinese column names and enum labels', async () => {
    await page.getByRole('menuitem', { name: '机构', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: '嘉兴市政协' });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['', bodyId, '嘉兴市政协', '政协', '市级', '', '嘉兴市', expect.any(String)]);
    for (const header of ['名称', '类别', '层级', '上级机构', '行政区划', '创建时间']) {
      await page.getByRole('columnheader', { name: header }).waitFor();
    }
    await page.getByText('第 1-1 条，共 1 条').waitFor();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'console-body-list.png'), fullPage: true });
  });

  it('edits a body in the form and the API returns the change with a new version', async () => {
    await page.getByRole('row').filter({ hasText: '嘉兴市政协' }).getByRole('cell', { name: '嘉兴市政协' }).click();
    await page.waitForURL(new RegExp(`/Body/${bodyId}$`));
    const name = page.getByRole('textbox', { name: '名称' });
    await name.waitFor();
    expect(await name.inputValue()).toBe('嘉兴市政协');
    await name.fill('嘉兴市政协委员会');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'console-body-edit.png'), fullPage: true });
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已更新').waitFor();
    await page.getByRole('row').filter({ hasText: '嘉兴市政协委员会' }).waitFor();
    const res: any = await t.client.request(gql`
      query ($id: ID!) {
        Body(id: $id) {
          name
          kind
          level
          region
          version
        }
      }
    `, { id: bodyId });
    expect(res.Body).toEqual({ name: '嘉兴市政协委员会', kind: 'CPPCC', level: 'CITY', region: '嘉兴市', version: 2 });
  });

  it('switches the interface to English and back', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Bodies', exact: true }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: '机构', exact: true }).waitFor();
  });

  it('opens the list and create pages of every resource in the schema without an error', async () => {
    expect(model.resources.length).toBeGreaterThanOrEqual(2);
    for (const r of model.resources) {
      await page.goto(`${origin}/#/${r.name}`);
      await page.getByText(new RegExp(`^(还没有${escape(r.label)}。|第 \\d+-\\d+ 条，共 \\d+ 条)$`)).waitFor();
      expect(await page.locator('.RaNotification-error').count(), r.name).toBe(0);
      if (!r.createArgs) continue;
      await page.goto(`${origin}/#/${r.name}/create`);
      await page.getByRole('button', { name: '保存' }).waitFor();
      await page.getByText(`新建${r.label}`).waitFor();
      expect(await page.locator('.RaNotification-error').count(), r.name).toBe(0);
    }
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
