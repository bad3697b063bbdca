import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { seedDemoIfEmpty } from '../../server/src/db/demo.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../seeds/demo-accounts.js';
import { startTestApp, type TestApp } from './app.js';

/** The built console the browser tests serve (`npm run test:e2e` builds it first). */
export const ADMIN_DIR = path.resolve('admin/dist');
/** Where the final screens are saved for a person to look at (git ignores the folder). */
export const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? path.resolve('test/e2e/screenshots');

/** A TOTP code for an authenticator secret (Base32); the demo administrators share DEMO_TOTP_SECRET. */
export const totpCode = (secret = DEMO_TOTP_SECRET) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();

function requireBuiltConsole() {
  if (!fs.existsSync(path.join(ADMIN_DIR, 'index.html'))) {
    throw new Error('admin/dist is missing: run `npm run build -w admin` (npm run test:e2e does)');
  }
}

/** The app serving the console on its own fresh database. */
export async function startConsoleApp(): Promise<TestApp> {
  requireBuiltConsole();
  return startTestApp({ adminDir: ADMIN_DIR });
}

/**
 * The app with the demo data and the demo accounts, as `npm start` gives them: the jobs of the
 * console are tested on the seed alone, each demo account finding the data of its own job.
 */
export async function startDemoApp(): Promise<TestApp> {
  const t = await startConsoleApp();
  await seedDemoIfEmpty(t.orm, { accounts: true, log: () => {} });
  return t;
}

export interface ConsoleBrowser {
  page: Page;
  context: BrowserContext;
  origin: string;
  /** Errors the page threw (each test file ends by expecting none). */
  pageErrors: string[];
  /** Saves the current screen as `<name>.png` under SHOTS (full page). */
  shot(name: string): Promise<void>;
  /** Fills the login page and submits it (the caller waits for what should follow). */
  submitLogin(username: string, password?: string, code?: string): Promise<void>;
  /** Signs in and waits for the dashboard (opening it from the menu when sent back to an earlier page). */
  signIn(username: string, code?: string): Promise<void>;
  /** Signs out through the user menu and waits for the login page. */
  signOut(): Promise<void>;
  /** Whoever is signed in, signs out and signs `username` in (from the dashboard). */
  switchTo(username: string, code?: string): Promise<void>;
  close(): Promise<void>;
}

/** Debian's chromium (playwright-core) on the app's console, 1280×800, Chinese fonts from the system. */
export async function openConsole(t: TestApp): Promise<ConsoleBrowser> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const origin = new URL(t.url).origin;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianluo-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  const submitLogin = async (username: string, password = DEMO_PASSWORD, code?: string) => {
    await page.goto(`${origin}/#/login`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(password);
    if (code) await page.locator('input[name="totpCode"]').fill(code);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  };
  const signIn = async (username: string, code?: string) => {
    await submitLogin(username, DEMO_PASSWORD, code);
    // react-admin returns to the page the last account signed out from: every job starts from the dashboard
    await page.getByRole('button', { name: '个人资料' }).waitFor();
    const home = page.getByRole('heading', { name: '欢迎使用联络' });
    if (!(await home.isVisible())) await page.getByRole('menuitem', { name: '首页' }).click();
    await home.waitFor();
  };
  const signOut = async () => {
    await page.getByRole('button', { name: '个人资料' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.locator('input[name="username"]').waitFor();
  };
  return {
    page,
    context,
    origin,
    pageErrors,
    shot: async (name) => {
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    },
    submitLogin,
    signIn,
    signOut,
    switchTo: async (username, code) => {
      await page.goto(`${origin}/`);
      const dashboard = page.getByRole('heading', { name: '欢迎使用联络' });
      const login = page.locator('input[name="username"]');
      await dashboard.or(login).first().waitFor();
      if (await dashboard.isVisible()) await signOut();
      await signIn(username, code);
    },
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface DemoConsole {
  t: TestApp;
  browser: ConsoleBrowser;
  page: Page;
  /** Reads the database the console wrote to (checks only: the jobs set up nothing through it). */
  sql: (query: string, params?: unknown[]) => Promise<any[]>;
  close(): Promise<void>;
}

/** The demo-seeded app and a browser on its console: what every job file starts in its beforeAll. */
export async function openDemoConsole(): Promise<DemoConsole> {
  const t = await startDemoApp();
  const browser = await openConsole(t);
  return {
    t,
    browser,
    page: browser.page,
    sql: (query, params = []) => t.orm.em.fork().getConnection().execute<any[]>(query, params),
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}
