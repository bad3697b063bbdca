/**
 * The letter jobs of the console (issue 10), each as its people do it on the demo data alone: after
 * sign-in, from the dashboard, only clicks and keys — no URL typed, no API call to set up state. What
 * the console wrote is then read back from the database.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoConsole, type ConsoleBrowser, type DemoConsole } from '../support/console.js';

let demo: DemoConsole;
let browser: ConsoleBrowser;
let page: Page;
/** The department the demo `handler` works for (the seed picks the one with the most letters). */
let handlerDepartment: string;

const sql = (query: string, params: unknown[] = []) => demo.sql(query, params);

beforeAll(async () => {
  demo = await openDemoConsole();
  ({ browser, page } = demo);
  [{ name: handlerDepartment }] = await sql(`select d.name from account a join department d on d.id = a.department_id where a.username = 'handler'`);
});

afterAll(() => demo?.close());

/** Opens a step's dialog from the letter page, lets `fill` fill it in, confirms, and waits for the new state. */
async function step(name: string, fill: (dialog: Locator) => Promise<void>, status: string) {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await fill(dialog);
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('letter-status').getByText(status, { exact: true }).waitFor();
}

/** From the dashboard's 待我办理 card to the letter's page. */
async function openFromMyWork(serial: string, title: string) {
  await page.getByTestId('letters-mine').click();
  await page.getByRole('tab', { name: '待我办理', selected: true }).waitFor();
  await page.getByRole('cell', { name: serial, exact: true }).click();
  await page.getByRole('heading', { name: title }).waitFor();
}

const TITLE = '灵溪镇农贸市场周边道路积水';
const WRITER = '林晓燕';
const PHONE = '13905771234';

describe('the office walks a letter to the reply, with the leader and the department', () => {
  let serial: string;

  it('the office registers a letter on the 信访登记表, accepts it and proposes its handling (PV1, PV2)', async () => {
    await browser.signIn('office');
    await page.getByRole('menuitem', { name: '来信', exact: true }).click();
    await page.getByRole('link', { name: '登记来信' }).click();
    await page.getByRole('heading', { name: '来信事项' }).waitFor();
    // the clerk's own office is preset (PV1)
    await expect.poll(() => page.getByRole('combobox', { name: '登记机构' }).inputValue()).toBe('苍南县政协办公室');
    await page.locator('input[name="receivedOn"]').fill('2026-11-20');
    await page.locator('input[name="title"]').fill(TITLE);
    await page.locator('textarea[name="content"]').fill('每逢下雨积水没过脚踝，希望疏通排水');
    await page.locator('input[name="writerName"]').fill(WRITER);
    await page.locator('input[name="writerPhone"]').fill(PHONE);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const registered = await page.getByRole('cell', { name: /^登记，编号 CN-2026-\d{6}$/ }).textContent();
    serial = registered!.replace('登记，编号 ', '');
    await page.getByText(`已登记，编号 ${serial}`).waitFor();
    await page.getByText(`${WRITER} 139****1234`).waitFor();
    // the full number, for a reason, audited (PR1)
    await page.getByRole('button', { name: '查看完整信息' }).click();
    const reveal = page.getByRole('dialog', { name: '查看完整信息' });
    await reveal.locator('textarea[name="reason"]').fill('电话联系来信人核实地点');
    await reveal.getByRole('button', { name: '确定' }).click();
    expect(await page.getByTestId('writer-full').locator('.MuiAlert-message').textContent()).toBe(`${WRITER}　${PHONE}（本次查看已记入审计日志）`);
    const audited = await sql(
      `select a.reason from audit_event a join letter l on l.id::text = a.record_id where a.username = 'office' and a.operation = 'revealLetterWriter' and l.serial_number = ?`,
      [serial],
    );
    expect(audited).toEqual([{ reason: '电话联系来信人核实地点' }]);
    await page.getByRole('button', { name: '隐藏' }).click();

    await step('受理', (d) => d.locator('input[name="writerNotifiedOn"]').fill('2026-11-23'), '已受理');
    await step('拟办', (d) => d.locator('textarea[name="opinion"]').fill('拟转县民政部门办理'), '已拟办');
    // the leader decides next: nothing moves the letter on for the office now
    expect(await page.getByLabel('办理步骤').getByRole('button', { name: '转办' }).count()).toBe(0);
    await browser.signOut();
  });

  it('the leader finds it under 待我办理 on the dashboard and decides (PV2)', async () => {
    await browser.signIn('leader');
    await openFromMyWork(serial, TITLE);
    await step('领导批示', async (d) => {
      await d.locator('textarea[name="decision"]').fill('请民政部门尽快核实处理');
      await d.locator('input[name="decidedOn"]').fill('2026-11-24');
    }, '已批示');
    await browser.shot('letter-decided');
    await browser.signOut();
  });

  it('the office forwards it to the department picked by name (PV7)', async () => {
    await browser.signIn('office');
    await openFromMyWork(serial, TITLE);
    await step('转办', async (d) => {
      await d.getByRole('combobox', { name: '主办单位' }).click();
      await page.getByRole('option', { name: handlerDepartment, exact: true }).click();
      await d.locator('input[name="forwardedOn"]').fill('2026-11-24');
    }, '已转办');
    await page.getByText(handlerDepartment, { exact: true }).first().waitFor();
    await browser.signOut();
  });

  it('the department handler records the result from its inbox without seeing who wrote (PR2)', async () => {
    await browser.signIn('handler');
    await openFromMyWork(serial, TITLE);
    expect(await page.getByText(WRITER).count()).toBe(0);
    expect(await page.getByText('来信人', { exact: true }).count()).toBe(0);
    await step('登记办理结果', async (d) => {
      await d.locator('textarea[name="result"]').fill('已组织疏通排水管网，积水已排除');
      await d.locator('input[name="handledOn"]').fill('2026-11-26');
    }, '已办理');
    await page.getByText('您在此件上暂无可办理的步骤。').waitFor();
    await browser.shot('letter-handled');
    await browser.signOut();
  });

  it('the office concludes it and answers the writer by phone (PV2)', async () => {
    await browser.signIn('office');
    await openFromMyWork(serial, TITLE);
    await step('办结', async (d) => {
      await d.getByRole('combobox', { name: '办结结果' }).click();
      await page.getByRole('option', { name: '已解决', exact: true }).click();
      await d.locator('input[name="concludedOn"]').fill('2026-11-27');
    }, '已办结');
    await step('答复来信人', async (d) => {
      await d.locator('[name="content"]').fill('排水管网已疏通，积水问题已解决');
      await d.getByRole('combobox', { name: '答复方式' }).click();
      await page.getByRole('option', { name: '电话答复', exact: true }).click();
      await d.locator('input[name="repliedOn"]').fill('2026-11-27');
    }, '已答复');
    await browser.shot('letter-replied');
    const [letter] = await sql(`select id, status, replied_on::text as replied_on, reply_content from letter where serial_number = ?`, [serial]);
    expect(letter).toMatchObject({ status: 'REPLIED', replied_on: '2026-11-27', reply_content: '排水管网已疏通，积水问题已解决' });
    const events = await sql(`select action from letter_event where letter_id = ? order by id`, [letter.id]);
    expect(events.map((e) => e.action)).toEqual([
      'registerLetter',
      'acceptLetter',
      'proposeHandling',
      'decideLetter',
      'forwardLetter',
      'recordHandlingResult',
      'concludeLetter',
      'replyToLetter',
    ]);
  });

  it('a clerk records a 不满意 rating taken by phone, is told before saving that the letter will be reopened, and sees it reopen (SV1, SV2)', async () => {
    await page.getByRole('button', { name: '登记满意度' }).click();
    const dialog = page.getByRole('dialog', { name: '登记满意度' });
    await dialog.getByLabel('不满意').check();
    expect(await dialog.getByTestId('rating-consequence').textContent()).toBe('保存后，来信将退回重新办理（SV2：不满意的来信重新办理一次）。');
    await dialog.locator('textarea[name="comment"]').fill('雨后仍有积水');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('letter-status').getByText('重新办理').waitFor();
    await page.getByText('已登记评价，来信退回重新办理').waitFor();
    await browser.shot('letter-reopened');
  });

  it('the office reads the letter page on a phone: the steps and the record stacked, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await page.getByText('办理记录').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await browser.shot('letter-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('the office registering a second letter from the same phone is shown the writer’s earlier one (PV1)', async () => {
    await page.getByRole('menuitem', { name: '来信', exact: true }).click();
    await page.getByRole('link', { name: '登记来信' }).click();
    await page.getByRole('heading', { name: '来信事项' }).waitFor();
    await page.locator('input[name="writerName"]').fill(WRITER);
    await page.locator('input[name="writerPhone"]').fill(PHONE);
    const repeat = page.getByTestId('repeat-writer');
    await repeat.getByRole('link', { name: serial }).waitFor();
    expect(await repeat.textContent()).toBe(`此电话此前来信 1 件，请核对是否为重复来信：${serial} ${TITLE}（2026-11-20，重新办理）`);
    await browser.shot('letter-repeat-writer');
    await page.getByRole('menuitem', { name: '首页' }).click();
    await page.getByRole('heading', { name: '欢迎使用联络' }).waitFor();
  });
});

describe('the office finds and handles an overdue letter', () => {
  it('the office opens 已超期 from the dashboard, narrows it to registered letters and accepts the longest-waiting one (PV2, DL1)', async () => {
    const card = page.getByTestId('letters-overdue');
    await card.filter({ hasText: /^\d+$/ }).waitFor();
    const overdue = Number(await card.textContent());
    expect(overdue).toBeGreaterThan(0);
    await page.getByTestId('letters-overdue').click();
    await page.getByRole('tab', { name: '已超期', selected: true }).waitFor();
    // the card counts what the tab lists
    await page.getByText(new RegExp(`^第 1-\\d+ 条，共 ${overdue} 条$`)).waitFor();
    // the longest overdue first, as the card opens the tab
    await page.getByRole('button', { name: '已登记', exact: true }).click();
    const longest = await sql(
      `select serial_number from letter l join organization o on o.id = l.organization_id
        where o.code = 'CN' and l.status = 'REGISTERED' and l.next_due_on = (select min(next_due_on) from letter m where m.organization_id = o.id and m.status = 'REGISTERED')`,
    );
    const first = page.getByRole('row').nth(1);
    await expect.poll(async () => longest.map((l) => l.serial_number).includes(await first.getByRole('cell').first().textContent())).toBe(true);
    await expect.poll(async () => new Set(await page.locator('tbody tr td:nth-child(5)').allTextContents())).toEqual(new Set(['已登记']));
    const serial = (await first.getByRole('cell').first().textContent())!;
    await first.getByText(/^超期 \d+ 天$/).waitFor();
    const [letter] = await sql(`select id, title from letter where serial_number = ?`, [serial]);
    await first.click();
    await page.getByRole('heading', { name: letter.title }).waitFor();
    // the acceptance deadline, red, with how late it is (DL1)
    const acceptance = page.getByLabel('办理时限').getByText(/^决定是否受理并告知 \d{4}-\d{2}-\d{2} 已超期 \d+ 个工作日$/);
    await acceptance.waitFor();
    await browser.shot('letter-overdue');
    await step('受理', (d) => d.locator('input[name="writerNotifiedOn"]').fill('2026-11-20'), '已受理');
    await page.getByLabel('办理时限').getByText(/^决定是否受理并告知 \d{4}-\d{2}-\d{2} 已完成$/).waitFor();
    const [after] = await sql(`select status, writer_notified_on::text as notified from letter where id = ?`, [letter.id]);
    expect(after).toEqual({ status: 'ACCEPTED', notified: '2026-11-20' });
  });

  it('the office forwards the decided letters of a concentrated issue together, to one lead department (000 第四条, PV7)', async () => {
    await page.getByRole('menuitem', { name: '集中反映问题' }).click();
    const button = page.getByRole('button', { name: /^一并转办（\d+ 件）$/ }).first();
    await button.waitFor();
    const ready = Number((await button.textContent())!.match(/\d+/)![0]);
    const card = page.getByTestId('concentrated-issue').filter({ has: button });
    const serials = (await card.getByRole('link').allTextContents()).filter((x) => /^CN-\d{4}-\d{6}$/.test(x));
    const before = await sql(`select serial_number, status from letter where serial_number in (?) order by serial_number`, [serials]);
    const decided = before.filter((l) => ['DECIDED', 'REOPENED'].includes(l.status)).map((l) => l.serial_number);
    expect(decided.length).toBe(ready);
    await button.click();
    const dialog = page.getByRole('dialog', { name: /^一并转办/ });
    await dialog.getByRole('combobox', { name: '主办单位' }).click();
    await page.getByRole('option', { name: handlerDepartment, exact: true }).click();
    await dialog.locator('input[name="forwardedOn"]').fill('2026-11-25');
    await dialog.getByRole('button', { name: '确定' }).click();
    const waiting = serials.length - ready;
    await page.getByText(`已转办 ${ready} 件${waiting ? `；${waiting} 件尚不能转办（未到转办步骤）` : ''}`).waitFor();
    await browser.shot('concentrated-forwarded');
    const after = await sql(
      `select l.serial_number, l.status, d.name as lead, l.forwarded_on::text as forwarded_on from letter l join department d on d.id = l.lead_department_id where l.serial_number in (?) order by l.serial_number`,
      [decided],
    );
    expect(after).toEqual(decided.sort().map((serial_number) => ({ serial_number, status: 'FORWARDED', lead: handlerDepartment, forwarded_on: '2026-11-25' })));
  });

  it('raised no error in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
