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
import { Letter } from '../../server/src/casework/letter/letter.entity.js';
import { LetterStatus } from '../../server/src/casework/letter/letter.enums.js';
import { Department, DepartmentLevel } from '../../server/src/casework/department/department.entity.js';
import { Leader, LeaderPosition } from '../../server/src/people/leader/leader.entity.js';
import { recomputeLetterDeadlines } from '../../server/src/casework/letter/letter.deadlines.service.js';
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
let officeId: number;
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
  officeId = office.id;
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

describe('letters in the browser, as office staff', () => {
  let letter: { id: string; serialNumber: string };
  let replied: { id: string; serialNumber: string };

  beforeAll(async () => {
    // a letter in the register, as the office's own clerk registered it (PV1)
    const clerk = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: officeId, username: 'clerk', displayName: '登记员' })).client;
    const res = await clerk.request<any>(
      gql`mutation { registerLetter(organizationId: "${officeId}", channel: POST, title: "幸福小区路灯不亮", content: "东门路灯已坏一月有余", receivedOn: "2026-11-20", writerName: "张伟", writerPhone: "13812345678") { id serialNumber } }`,
    );
    letter = res.registerLetter;
    // and one the office has answered (its handling walked in the API tests)
    const other = await clerk.request<any>(
      gql`mutation { registerLetter(organizationId: "${officeId}", channel: POST, title: "小区门口积水", content: "下雨后积水", receivedOn: "2026-10-09", writerName: "王芳") { id serialNumber } }`,
    );
    replied = other.registerLetter;
    await t.orm.em.fork().nativeUpdate(Letter, { id: Number(replied.id) }, { status: LetterStatus.REPLIED, repliedOn: '2026-11-02', replyContent: '已疏通排水管' });
    // whoever the pages above left signed in, the office signs in afresh
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: '欢迎使用联络' }).waitFor();
    await signOut();
    await signInThroughPage('office');
  });

  it('the office finds a new letter under 待我办理 from the dashboard, accepts it from its page and proposes its handling (PV2)', async () => {
    // the dashboard counts the office's work; the card opens the register on that tab
    await page.getByTestId('letters-mine').filter({ hasText: /^1$/ }).waitFor();
    await page.getByTestId('letters-mine').click();
    await page.getByRole('tab', { name: '待我办理', selected: true }).waitFor();
    await page.getByRole('cell', { name: letter.serialNumber }).click();
    await page.getByRole('heading', { name: '幸福小区路灯不亮' }).waitFor();
    expect(await page.getByTestId('letter-status').textContent()).toBe('已登记');
    // the writer is shown masked (PR1)
    await page.getByText('张伟 138****5678').waitFor();

    // a named writer must have been told: the server's refusal shows at the field, in Chinese
    await page.getByRole('button', { name: '受理', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '受理' });
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('实名来信须记录告知来信人受理的日期').waitFor();
    await dialog.locator('input[name="writerNotifiedOn"]').fill('2026-11-23');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByTestId('letter-status').getByText('已受理').waitFor();
    await page.getByRole('cell', { name: '受理，已于 2026-11-23 告知来信人' }).waitFor();

    await page.getByRole('button', { name: '拟办', exact: true }).click();
    await page.getByRole('dialog', { name: '拟办' }).locator('textarea[name="opinion"]').fill('拟转住建局办理');
    await page.getByRole('dialog', { name: '拟办' }).getByRole('button', { name: '确定' }).click();
    await page.getByTestId('letter-status').getByText('已拟办').waitFor();
    await browser.shot('letter-proposed');

    const office = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: officeId })).client;
    const after = await office.request<any>(gql`query ($id: ID!) { Letter(id: $id) { status writerNotifiedOn proposedHandling } allLetterEvents(filter: { letterId: $id }, sortField: "id") { action } }`, { id: letter.id });
    expect(after).toEqual({
      Letter: { status: 'PROPOSED', writerNotifiedOn: '2026-11-23', proposedHandling: '拟转住建局办理' },
      allLetterEvents: [{ action: 'registerLetter' }, { action: 'acceptLetter' }, { action: 'proposeHandling' }],
    });
  });

  it('the office registers a letter on the 信访登记表: its own office and today preset, the post by default (PV1)', async () => {
    await page.getByRole('menuitem', { name: '来信', exact: true }).click();
    await page.getByRole('link', { name: '登记来信' }).click();
    await page.getByRole('heading', { name: '来信事项' }).waitFor();
    await page.locator('input[name="title"]').fill('老旧小区加装电梯');
    await page.locator('textarea[name="content"]').fill('希望尽快加装电梯，方便老人出行');
    await page.locator('input[name="writerName"]').fill('李秀英');
    await page.locator('input[name="writerPhone"]').fill('13912345678');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '老旧小区加装电梯' }).waitFor();
    expect(await page.getByTestId('letter-status').textContent()).toBe('已登记');
    await page.getByText('李秀英 139****5678').waitFor();
    await page.getByRole('cell', { name: /^登记，编号 JX-\d{4}-\d{6}$/ }).waitFor();
  });

  it('a clerk records a 不满意 rating taken by phone, is told before saving that the letter will be reopened, and sees it reopen (SV1, SV2)', async () => {
    await page.getByRole('menuitem', { name: '来信', exact: true }).click();
    await page.getByRole('tab', { name: '全部' }).click();
    await page.getByRole('cell', { name: replied.serialNumber }).click();
    await page.getByRole('heading', { name: '小区门口积水' }).waitFor();
    await page.getByRole('button', { name: '登记满意度' }).click();
    const dialog = page.getByRole('dialog', { name: '登记满意度' });
    await dialog.getByLabel('不满意').check();
    expect(await dialog.getByTestId('rating-consequence').textContent()).toBe('保存后，来信将退回重新办理（SV2：不满意的来信重新办理一次）。');
    await dialog.locator('textarea[name="comment"]').fill('积水还在');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('letter-status').getByText('重新办理').waitFor();
    await page.getByRole('cell', { name: '重新办理（SV2）：来信人对第 1 轮办理不满意（SV2）：积水还在' }).waitFor();
    await browser.shot('letter-reopened');
  });

  it('the office reads the letter page on a phone: the steps and the record stacked, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      // the page the clerk was on (the reopened letter), reloaded at a phone's width
      await page.reload();
      await page.getByRole('heading', { name: '小区门口积水' }).waitFor();
      await page.getByText('办理记录').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await browser.shot('letter-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('letters in the browser, as a department handler', () => {
  let letter: { id: string; serialNumber: string };

  beforeAll(async () => {
    // a letter the office forwarded to the housing bureau (its walk through the API is letter-workflow.test.ts')
    const em = t.orm.em.fork();
    const housing = em.create(Department, { name: '嘉兴市住房和城乡建设局', code: 'JX-ZJJ-E2E', organization: officeId, level: DepartmentLevel.CITY } as any);
    await em.flush();
    await account('housing', '住建局经办人', ['DEPARTMENT_HANDLER' as Role], officeId, { departmentId: housing.id });
    const clerk = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: officeId, username: 'clerk2', displayName: '登记员' })).client;
    const res = await clerk.request<any>(
      gql`mutation { registerLetter(organizationId: "${officeId}", channel: POST, title: "楼道墙皮脱落", content: "三单元楼道墙皮大面积脱落", receivedOn: "2026-11-16", writerName: "赵敏", writerPhone: "13700001111") { id serialNumber } }`,
    );
    letter = res.registerLetter;
    await em.nativeUpdate(Letter, { id: Number(letter.id) }, { status: LetterStatus.FORWARDED, leadDepartment: housing.id, forwardedOn: '2026-11-18', decidedOn: '2026-11-17' });
    await recomputeLetterDeadlines(t.orm.em.fork(), [Number(letter.id)]);
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: '欢迎使用联络' }).waitFor();
    await signOut();
    await signInThroughPage('housing');
  });

  it('a handler opens its inbox from the dashboard and records the result without seeing who wrote (PR2)', async () => {
    await page.getByTestId('letters-mine').filter({ hasText: /^1$/ }).waitFor();
    await page.getByTestId('letters-mine').click();
    await page.getByRole('cell', { name: letter.serialNumber }).click();
    await page.getByRole('heading', { name: '楼道墙皮脱落' }).waitFor();
    // PR2: the department sees the matter, not the writer
    expect(await page.getByText('赵敏').count()).toBe(0);
    expect(await page.getByText('来信人', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: '登记办理结果', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '登记办理结果' });
    await dialog.locator('textarea[name="result"]').fill('已安排维修队重新粉刷');
    await dialog.locator('input[name="handledOn"]').fill('2026-11-25');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByTestId('letter-status').getByText('已办理').waitFor();
    // nothing more to do here for the department
    await page.getByText('您在此件上暂无可办理的步骤。').waitFor();
    await browser.shot('letter-handled');
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('letters in the browser, as a leader', () => {
  let letter: { id: string; serialNumber: string };

  beforeAll(async () => {
    const em = t.orm.em.fork();
    const chair = em.create(Leader, { name: '陈建华', position: LeaderPosition.CHAIR, body: Number(bodyId) } as any);
    await em.flush();
    await account('chair', '陈建华', ['LEADER' as Role], officeId, { leaderId: chair.id });
    // a letter the office accepted and proposed, waiting for the chair's 批示 (PV2)
    const clerk = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: officeId, username: 'clerk3', displayName: '登记员' })).client;
    const res = await clerk.request<any>(
      gql`mutation { registerLetter(organizationId: "${officeId}", channel: VISIT, title: "菜市场噪音扰民", content: "凌晨三点开始卸货", receivedOn: "2026-11-24", writerName: "孙丽", isImportant: true) { id serialNumber } }`,
    );
    letter = res.registerLetter;
    await clerk.request(gql`mutation ($id: ID!) { acceptLetter(id: $id, writerNotifiedOn: "2026-11-25") { id } }`, { id: letter.id });
    await clerk.request(gql`mutation ($id: ID!) { proposeHandling(id: $id, opinion: "拟转市场监管局") { id } }`, { id: letter.id });
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: '欢迎使用联络' }).waitFor();
    await signOut();
    await signInThroughPage('chair');
  });

  it('a leader decides an important letter from the dashboard and reads the year’s rates (PV2, SV3)', async () => {
    await page.getByTestId('rates').waitFor();
    // this one and the office's letter proposed above both wait for a leader's 批示
    await page.getByTestId('letters-mine').filter({ hasText: /^2$/ }).waitFor();
    await page.getByTestId('letters-mine').click();
    await page.getByRole('cell', { name: letter.serialNumber }).click();
    await page.getByRole('heading', { name: '菜市场噪音扰民' }).waitFor();
    await page.getByRole('button', { name: '领导批示', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '领导批示' });
    await dialog.locator('textarea[name="decision"]').fill('请市场监管局调查处理');
    await dialog.locator('input[name="decidedOn"]').fill('2026年11月26日');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByTestId('letter-status').getByText('已批示').waitFor();
    await page.getByRole('cell', { name: '陈建华批示：请市场监管局调查处理' }).waitFor();
    // the letter left the chair's work
    await page.getByRole('menuitem', { name: '首页' }).click();
    await page.getByTestId('letters-mine').filter({ hasText: /^1$/ }).waitFor();
    await browser.shot('leader-dashboard');
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
