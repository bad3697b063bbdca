import fs from 'node:fs';
import { gql, type GraphQLClient } from 'graphql-request';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelForRoles } from '../../admin/src/providers/access.js';
import { buildSchemaModel, introspectionFromSdl } from '../../admin/src/providers/schema.js';
import { Account } from '../../server/src/platform/account/account.entity.js';
import { createAccount } from '../../server/src/platform/account/account.service.js';
import type { Role } from '../../server/src/platform/account/role.js';
import { Body, BodyKind, BodyLevel } from '../../server/src/platform/body/body.entity.js';
import { encrypt } from '../../server/src/common/crypto.js';
import { Organization, OrganizationKind } from '../../server/src/platform/organization/organization.entity.js';
import type { TestApp } from '../support/app.js';
import { openConsole, startConsoleApp, totpCode as demoTotpCode, type ConsoleBrowser } from '../support/console.js';
import { signIn } from '../support/sessions.js';

/** The resources the console was built with (it reads the same committed schema). */
const model = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const PASSWORD = 'Lianluo#2026';
/** The authenticator secret of the enrolled administrators of this test (Base32). */
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const totpCode = (secret = TOTP_SECRET) => demoTotpCode(secret);

let t: TestApp;
let browser: ConsoleBrowser;
let page: Page;
let origin: string;
let pageErrors: string[];
let bodyId: string;
/** A system administrator's API client, to check what the console wrote. */
let api: GraphQLClient;

/** An account as an administrator would create it, its initial password already changed unless `initial`. */
async function account(
  username: string,
  displayName: string,
  roles: Role[],
  organizationId: number,
  opts: { initial?: boolean; totp?: boolean; departmentId?: number; leaderId?: number } = {},
) {
  const em = t.orm.em.fork();
  const created = await createAccount(em, {
    username,
    displayName,
    organizationId,
    roles,
    password: PASSWORD,
    departmentId: opts.departmentId ?? null,
    leaderId: opts.leaderId ?? null,
  });
  if (!opts.initial) await em.nativeUpdate(Account, { id: created.id }, { mustChangePassword: false });
  if (opts.totp) await em.nativeUpdate(Account, { id: created.id }, { totpEnabled: true, totpSecretEncrypted: encrypt(TOTP_SECRET) });
}

beforeAll(async () => {
  t = await startConsoleApp();
  origin = new URL(t.url).origin;
  // one body and its office; the accounts of the test work there
  const em = t.orm.em.fork();
  const body = em.create(Body, { name: '嘉兴市政协', kind: BodyKind.CPPCC, level: BodyLevel.CITY, region: '嘉兴市' } as any);
  const office = em.create(Organization, { name: '嘉兴市政协办公室', code: 'JX', kind: OrganizationKind.OFFICE, body } as any);
  await em.flush();
  bodyId = String(body.id);

  await account('office', '办公室测试员', ['OFFICE_STAFF' as Role], office.id);
  await account('sysadmin', '系统管理测试员', ['SYSTEM_ADMIN' as Role], office.id, { totp: true });
  await account('auditor', '审计测试员', ['AUDIT_ADMIN' as Role], office.id, { totp: true });
  await account('newadmin', '新管理员', ['SYSTEM_ADMIN' as Role], office.id, { initial: true });
  api = (await signIn(t, { roles: ['SYSTEM_ADMIN'], organizationId: office.id, username: 'apicheck' })).client;

  browser = await openConsole(t);
  ({ page, origin, pageErrors } = browser);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const submitLogin = (username: string, password: string, code?: string) => browser.submitLogin(username, password, code);
const signInThroughPage = (username: string, code?: string) => browser.signIn(username, code);
const signOut = () => browser.signOut();

describe('signing in to the console', () => {
  it('shows the login page in Chinese and refuses a wrong password with a Chinese message', async () => {
    await page.goto(`${origin}/`);
    await page.waitForURL(/#\/login$/);
    await page.getByRole('heading', { name: '联络 · 登录' }).waitFor();
    expect(await page.title()).toBe('联络');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByText('管理员账号必填：身份验证器中的 6 位数字').waitFor();
    await submitLogin('office', 'Wrong#Pass2026');
    await page.getByText('用户名或密码错误').waitFor();
    await page.waitForURL(/#\/login$/);
    await browser.shot('console-login-refused');
  });

  it('signs office staff in to the dashboard, and logging out returns to the login page', async () => {
    await signInThroughPage('office');
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('当前登录：办公室测试员（办公室工作人员）');
    await page.getByRole('menuitem', { name: '来信', exact: true }).waitFor();
    // office staff read no accounts and no audit log (PR3): those menu items are not there
    expect(await page.getByRole('menuitem', { name: '账号', exact: true }).count()).toBe(0);
    await browser.shot('console-office-dashboard');
    await signOut();
    await page.waitForURL(/#\/login$/);
    // the session is over: the API no longer knows the browser
    const me = await page.evaluate(async () => {
      const res = await fetch('/graphql', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }' }) });
      return (await res.json()).data.me;
    });
    expect(me).toBeNull();
  });

  it('asks an administrator for the TOTP code', async () => {
    await submitLogin('sysadmin', PASSWORD);
    await page.getByText('请输入动态口令（身份验证器中的 6 位数字）').waitFor();
    await page.waitForURL(/#\/login$/);
  });

  it('takes a new administrator through the forced password change and TOTP enrolment first', async () => {
    await submitLogin('newadmin', PASSWORD);
    await page.getByRole('heading', { name: '首次登录：请修改初始密码' }).waitFor();
    expect(await page.getByRole('menuitem').count()).toBe(0);
    await page.locator('input[name="currentPassword"]').fill(PASSWORD);
    await page.locator('input[name="newPassword"]').fill('Changed#Pass2026');
    await page.locator('input[name="confirmPassword"]').fill('Changed#Pass2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('heading', { name: '绑定动态口令' }).waitFor();
    await page.getByRole('button', { name: '获取密钥' }).click();
    const uri = await page.getByTestId('totp-uri').textContent();
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*newadmin\?.*secret=[A-Z2-7]+/);
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await browser.shot('console-totp-enrolment');
    await page.locator('input[name="code"]').fill(totpCode(secret));
    await page.getByRole('button', { name: '完成绑定' }).click();
    await page.getByRole('heading', { name: '欢迎使用联络' }).waitFor();
    await page.getByRole('menuitem', { name: '账号', exact: true }).waitFor();
    const res: any = await api.request(`{ allAccounts(filter: { q: "newadmin" }) { username mustChangePassword totpEnabled } }`);
    expect(res.allAccounts).toEqual([{ username: 'newadmin', mustChangePassword: false, totpEnabled: true }]);
    await signOut();
  });
});

describe('the console in a browser, as the system administrator', () => {
  beforeAll(async () => {
    await signInThroughPage('sysadmin', totpCode());
  });

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
    await browser.shot('console-body-list');
  });

  it('edits a body in the form and the API returns the change with a new version', async () => {
    await page.getByRole('row').filter({ hasText: '嘉兴市政协' }).getByRole('cell', { name: '嘉兴市政协' }).click();
    await page.waitForURL(new RegExp(`/Body/${bodyId}$`));
    const name = page.getByRole('textbox', { name: '名称' });
    await name.waitFor();
    expect(await name.inputValue()).toBe('嘉兴市政协');
    await name.fill('嘉兴市政协委员会');
    await browser.shot('console-body-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已更新').waitFor();
    await page.getByRole('row').filter({ hasText: '嘉兴市政协委员会' }).waitFor();
    const res: any = await api.request(
      gql`
        query ($id: ID!) {
          Body(id: $id) {
            name
            kind
            level
            region
            version
          }
        }
      `,
      { id: bodyId },
    );
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
});

describe('every page a role may open', () => {
  // the system administrator is still signed in from above; the others sign in here (admins with TOTP)
  const roles: Array<[string, Role, 'signed-in' | 'totp' | 'password']> = [
    ['sysadmin', 'SYSTEM_ADMIN' as Role, 'signed-in'],
    ['auditor', 'AUDIT_ADMIN' as Role, 'totp'],
    ['office', 'OFFICE_STAFF' as Role, 'password'],
  ];
  for (const [username, role, how] of roles) {
    it(`opens the list and create pages of every resource ${username} (${role}) may read without an error`, async () => {
      if (how !== 'signed-in') {
        await page.goto(`${origin}/`);
        await page.getByRole('heading', { name: '欢迎使用联络' }).waitFor();
        await signOut();
        await signInThroughPage(username, how === 'totp' ? totpCode() : undefined);
      }
      const visible = modelForRoles(model, [role]).resources;
      expect(visible.length).toBeGreaterThanOrEqual(1);
      for (const r of visible) {
        await page.goto(`${origin}/#/${r.name}`);
        // the letters open on 待我办理 (the office's work) and the notices on the unread ones: either may be empty
        await page.getByText(new RegExp(`^(还没有${escape(r.label)}。|没有待我办理的${escape(r.label)}。|没有未读${escape(r.label)}。|第 \\d+-\\d+ 条，共 \\d+ 条)$`)).waitFor();
        expect(await page.locator('.RaNotification-error').count(), `${username} ${r.name}`).toBe(0);
        if (!r.createArgs) continue;
        await page.goto(`${origin}/#/${r.name}/create`);
        await page.getByRole('button', { name: '保存' }).waitFor();
        // letters are registered (登记) on the paper register's form; the rest are created (新建)
        await page.getByText(r.name === 'Letter' ? '登记来信' : `新建${r.label}`).waitFor();
        expect(await page.locator('.RaNotification-error').count(), `${username} ${r.name}`).toBe(0);
      }
      // some thirty resources with a list and a form each: more than the default minute on a busy 2-core machine
    }, 240_000);
  }

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
