/**
 * The mailbox and reception jobs of the console (issue 11 items 1, 2), on the demo data alone, from
 * the dashboard by clicks and keys: a member opens their mailbox and registers the letters found; the
 * office opens it for a substitute and sends the yearly register; a station records a reception with
 * three issues, one answered on the spot.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoConsole, type ConsoleBrowser, type DemoConsole } from '../support/console.js';

let demo: DemoConsole;
let browser: ConsoleBrowser;
let page: Page;
const sql = (query: string, params: unknown[] = []) => demo.sql(query, params);
const SERIAL = /CN-\d{4}-\d{6}/g;

beforeAll(async () => {
  demo = await openDemoConsole();
  ({ browser, page } = demo);
});

afterAll(() => demo?.close());

/** The text of the success (or error) message react-admin shows. */
const notice = () => page.locator('.MuiSnackbarContent-message');

async function fillLetter(i: number, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) await page.locator(`[name="letters.${i}.${name}"]`).fill(value);
}

describe('the member mailbox (MB1–MB3, MB7)', () => {
  it('a member opens their overdue mailbox and registers the two letters found in one save (MB2, MB3)', async () => {
    await browser.signIn('member');
    await page.getByRole('menuitem', { name: '委员信箱', exact: true }).click();
    await expect.poll(() => page.getByTestId('overdue-mailboxes').innerText()).toMatch(/^超过开启周期未开启的信箱 1 个：灵溪镇渡龙社区政协委员信箱（超期 \d+ 天未开启）$/);
    await page.getByRole('link', { name: '开启信箱' }).click();
    await page.getByRole('heading', { level: 2, name: '开启信箱：灵溪镇渡龙社区政协委员信箱' }).waitFor();
    const [{ name: memberName }] = await sql(`select m.name from mailbox mb join member m on m.id = mb.lead_member_id where mb.code = 'CN-01'`);
    await page.getByText(`开启委员：${memberName}`, { exact: true }).waitFor();

    await page.getByRole('button', { name: '添加一封来信' }).click();
    await fillLetter(0, { title: '渡龙社区路灯不亮', content: '渡龙社区 3 幢门前路灯坏了两周，晚上出行不便', writerName: '周红', writerPhone: '13712345678', writerAddress: '渡龙社区3幢201室' });
    await page.getByRole('button', { name: '添加一封来信' }).click();
    await fillLetter(1, { title: '垃圾分类点异味大', content: '小区垃圾分类点清运不及时，异味很大' });
    await page.locator('[name="letters.1.isAnonymous"]').check();
    await expect.poll(() => page.locator('[name="letters.1.writerName"]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('letters-found').innerText()).toBe('收到来信 2 封，保存时逐封登记编号');
    await browser.shot('mailbox-open');
    await page.getByRole('button', { name: '保存开启记录并登记来信' }).click();

    await expect.poll(() => notice().innerText()).toMatch(/^已记录开启，登记来信 2 封：CN-\d{4}-\d{6}、CN-\d{4}-\d{6}$/);
    const serials = (await notice().innerText()).match(SERIAL)!;
    await page.getByRole('heading', { level: 2, name: '灵溪镇渡龙社区政协委员信箱' }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: '渡龙社区路灯不亮' }).count()).toBe(1);
    await browser.shot('mailbox-page');

    const letters = await sql(
      `select l.serial_number, l.channel, l.status, l.member_id = mb.lead_member_id as by_lead, l.is_anonymous, l.writer_name, l.community, o.letter_count, o.is_substitute
         from letter l join mailbox mb on mb.id = l.mailbox_id join mailbox_opening o on o.id = l.mailbox_opening_id
        where mb.code = 'CN-01' order by l.id`,
    );
    expect(letters).toEqual([
      { serial_number: serials[0], channel: 'MAILBOX', status: 'REGISTERED', by_lead: true, is_anonymous: false, writer_name: '周红', community: '灵溪镇渡龙社区', letter_count: 2, is_substitute: false },
      { serial_number: serials[1], channel: 'MAILBOX', status: 'REGISTERED', by_lead: true, is_anonymous: true, writer_name: null, community: '灵溪镇渡龙社区', letter_count: 2, is_substitute: false },
    ]);
  });

  it('the office opens the mailbox for a substitute only with the group leader’s approval (MB2)', async () => {
    await browser.switchTo('office');
    await page.getByRole('menuitem', { name: '委员信箱', exact: true }).click();
    await page.getByRole('row', { name: /灵溪镇渡龙社区政协委员信箱/ }).getByRole('link', { name: '开启信箱' }).click();
    const [{ leader }] = await sql(`select m.name as leader from mailbox mb join liaison_group g on g.id = mb.liaison_group_id join member m on m.id = g.leader_member_id where mb.code = 'CN-01'`);
    await page.getByRole('combobox', { name: '开启委员' }).click();
    await page.getByRole('option', { name: leader, exact: true }).click();
    await page.getByRole('button', { name: '保存开启记录并登记来信' }).click();
    await page.getByText('代为开启须经小组组长同意').waitFor();
    await page.getByLabel(`已经小组组长 ${leader} 同意代为开启`).check();
    await page.getByRole('button', { name: '保存开启记录并登记来信' }).click();
    await expect.poll(() => notice().innerText()).toBe('已记录开启：本次无来信');
    await page.getByRole('cell', { name: `${leader}（代开）` }).waitFor();
    const [opening] = await sql(
      `select o.is_substitute, m.name as approver, o.letter_count, o.notes from mailbox_opening o join mailbox mb on mb.id = o.mailbox_id join member m on m.id = o.approved_by_member_id
        where mb.code = 'CN-01' order by o.id desc limit 1`,
    );
    expect(opening).toEqual({ is_substitute: true, approver: leader, letter_count: 0, notes: '开启信箱，无来信' });
  });

  it('the office reads the yearly mailbox register and exports it as .xlsx with the same figures (MB7)', async () => {
    await page.getByRole('menuitem', { name: '委员信箱工作台账' }).click();
    const row = page.getByRole('row', { name: /灵溪镇委员活动小组/ });
    await row.waitFor();
    const onPage = (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim());
    const year = Number((await page.getByRole('combobox', { name: '年度' }).innerText()).replace(/\D/g, ''));
    const [{ openings }] = await sql(
      `select count(*)::int as openings from mailbox_opening o join mailbox mb on mb.id = o.mailbox_id where mb.code = 'CN-01' and extract(year from o.opened_on) = ?`,
      [year],
    );
    // 1 mailbox; the openings of the year; the 2 letters found and registered today, none handled yet
    expect(onPage).toEqual(['灵溪镇委员活动小组', '1', String(openings), '2', '2', '0', '0', '0', '0']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`苍南县政协${year}年度委员信箱工作统计.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const rows: string[][] = [];
    // the empty cells are holes in ExcelJS's row values
    book.worksheets[0].eachRow((r) => rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))));
    expect(rows.slice(2)).toEqual([
      ['1', ...onPage],
      ['', '合计', ...onPage.slice(1)],
    ]);
    const [audit] = await sql(`select count(*)::int as n from audit_event where username = 'office' and action = 'EXPORT' and resource = 'Mailbox'`);
    expect(audit.n).toBe(1);
  });
});

describe('receptions (ST1, ST2, ST4, ST5)', () => {
  it('a station records a reception with its deputies, liaison officer and three issues, one answered on the spot (ST4, ST5)', async () => {
    await browser.switchTo('station');
    await page.getByRole('menuitem', { name: '接待活动', exact: true }).click();
    await page.getByRole('link', { name: '记录接待活动' }).first().click();
    await page.getByRole('heading', { level: 2, name: /^记录接待活动：/ }).waitFor();
    await page.locator('[name="topic"]').fill('老旧小区改造意见征集');
    await page.locator('[name="location"]').fill('联络站接待室');
    await page.locator('[name="visitorCount"]').fill('12');
    const deputies = page.getByRole('group', { name: '接待代表' }).getByRole('checkbox');
    await expect.poll(() => deputies.count()).toBeGreaterThanOrEqual(2);
    await deputies.nth(0).check();
    await deputies.nth(1).check();
    await page.getByRole('combobox', { name: '联络员' }).click();
    await page.getByRole('option').nth(1).click();

    const issues = [
      { title: '咨询医保异地备案', content: '在外地就医如何办理异地备案', writerName: '王芳', answer: '可在浙里办或医保窗口办理异地备案' },
      { title: '小区停车难', content: '小区夜间停车位不足，车辆乱停', writerName: '陈刚', writerPhone: '13912345678' },
      { title: '公交站台缺少雨棚', content: '中河路公交站没有雨棚，雨天候车淋雨' },
    ];
    for (const [i, issue] of issues.entries()) {
      await page.getByRole('button', { name: '添加一个问题' }).click();
      for (const key of ['title', 'content', 'writerName', 'writerPhone'] as const) {
        const value = (issue as Record<string, string | undefined>)[key];
        if (value) await page.locator(`[name="issues.${i}.${key}"]`).fill(value);
      }
    }
    await page.locator('[name="issues.0.answeredOnTheSpot"]').check();
    await page.locator('[name="issues.0.answer"]').fill(issues[0].answer!);
    await expect.poll(() => page.getByTestId('issues-raised').innerText()).toBe('群众反映问题 3 个，保存时逐一登记为接待来信');
    await browser.shot('reception-record');
    await page.getByRole('button', { name: '保存接待活动和问题' }).click();

    await expect.poll(() => notice().innerText()).toBe('已记录接待活动，登记问题 3 个，其中当场答复办结 1 个');
    await page.getByRole('heading', { level: 2, name: '老旧小区改造意见征集' }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: '公交站台缺少雨棚' }).count()).toBe(1);
    await browser.shot('reception-page');

    const [reception] = await sql(
      `select r.id, r.visitor_count, (select count(*)::int from reception_deputies rd where rd.reception_id = r.id) as deputies, r.liaison_officer_id is not null as has_officer
         from reception r where r.topic = '老旧小区改造意见征集'`,
    );
    expect(reception).toMatchObject({ visitor_count: 12, deputies: 2, has_officer: true });
    const letters = await sql(`select title, channel, status, writer_name, is_anonymous from letter where reception_id = ? order by id`, [reception.id]);
    expect(letters).toEqual([
      { title: '咨询医保异地备案', channel: 'RECEPTION', status: 'CLOSED', writer_name: '王芳', is_anonymous: false },
      { title: '小区停车难', channel: 'RECEPTION', status: 'REGISTERED', writer_name: '陈刚', is_anonymous: false },
      { title: '公交站台缺少雨棚', channel: 'RECEPTION', status: 'REGISTERED', writer_name: null, is_anonymous: true },
    ]);
  });

  it('the office reads which stations and deputies are behind on receptions (ST1, ST2)', async () => {
    await browser.switchTo('office');
    await page.getByRole('menuitem', { name: '联络站接待情况' }).click();
    for (const id of ['stations-without-reception', 'deputies-without-reception', 'stations-too-few-deputies']) await page.getByTestId(id).waitFor();
    const heading = async (id: string) => page.getByTestId(id).getByRole('heading').innerText();
    expect(await heading('stations-without-reception')).toMatch(/^近两个月未接待的联络站（\d+）$/);
    expect(await heading('deputies-without-reception')).toMatch(/^本年度未参加接待的代表（\d+）$/);
    expect(await heading('stations-too-few-deputies')).toMatch(/^进站代表不足 2 名的联络站（\d+）$/);
    await browser.shot('station-compliance');
    expect(browser.pageErrors).toEqual([]);
  });
});
