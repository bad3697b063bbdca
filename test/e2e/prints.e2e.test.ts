/**
 * The printed documents of a letter (issue 11 item 4), on the demo data alone: from the dashboard by
 * clicks to a replied letter, its 打印文书 menu, the A4 page, and the PDF Chromium prints of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoConsole, SHOTS, type ConsoleBrowser, type DemoConsole } from '../support/console.js';

let demo: DemoConsole;
let browser: ConsoleBrowser;
let page: Page;

beforeAll(async () => {
  demo = await openDemoConsole();
  ({ browser, page } = demo);
});

afterAll(() => demo?.close());

/** The pages of a PDF and their media boxes, read from its page objects (Chromium writes them uncompressed). */
function pdfPages(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![s\w])/g)].length;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => m.slice(1).map(Number));
  return { pages, boxes };
}

/** The document title in the PDF's Info dictionary, as (literal) or <FEFF…> UTF-16 hex. */
function pdfTitle(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const hex = /\/Title\s*<([0-9A-Fa-f]+)>/.exec(text);
  if (hex) {
    const bytes = Buffer.from(hex[1], 'hex');
    const body = bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes;
    return Buffer.from(body).swap16().toString('utf16le');
  }
  return /\/Title\s*\(((?:\\.|[^)])*)\)/.exec(text)?.[1] ?? '';
}

describe('the printed documents of a letter', () => {
  it('the office prints the 答复意见书 of a replied letter on A4 (PV3 第35条)', async () => {
    await browser.signIn('office');
    await page.getByRole('menuitem', { name: '来信', exact: true }).click();
    await page.getByRole('tab', { name: '全部' }).click();
    await page.getByRole('tab', { name: '全部', selected: true }).waitFor();
    await page.getByRole('button', { name: '已答复', exact: true }).click();
    await expect.poll(() => page.url()).toContain('REPLIED');
    // the list has filtered once every row reads 已答复
    const rows = page.locator('tbody tr');
    await expect.poll(async () => { const all = await rows.allInnerTexts(); return all.length > 0 && all.every((r) => r.includes('已答复')); }).toBe(true);
    await rows.first().locator('td').first().click();
    await page.getByTestId('letter-status').getByText('已答复', { exact: true }).waitFor();
    const serial = (await page.getByText(/^[A-Z]+-\d{4}-\d{6}$/).first().textContent())!;
    expect(serial).toMatch(/^CN-\d{4}-\d{6}$/);

    // only the documents that apply: a replied office letter was accepted, and never declined
    await page.getByRole('button', { name: '打印文书' }).click();
    const menu = page.getByRole('menu');
    await menu.getByRole('menuitem').first().waitFor();
    const offered = await menu.getByRole('menuitem').allTextContents();
    expect(offered).toContain('信访登记表');
    expect(offered).toContain('受理告知书');
    expect(offered).not.toContain('不予受理告知书');
    // the menu has faded in before it is shot
    await expect.poll(() => menu.evaluate((el) => getComputedStyle(el.closest('.MuiPaper-root') ?? el).opacity)).toBe('1');
    await browser.shot('print-menu');
    await menu.getByRole('menuitem', { name: '答复意见书（信访处理意见书）' }).click();

    await page.getByRole('heading', { name: '信访处理意见书', level: 1 }).waitFor();
    expect(page.url()).toMatch(/#\/Letter\/[^/]+\/print\/reply$/);
    const sheet = page.getByRole('article', { name: '信访处理意见书' });
    const text = (await sheet.innerText()).replace(/\s+/g, '');
    expect(text).toContain(`编号：${serial}`);
    expect(text).toContain('苍南县政协办公室');
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).toContain('自收到本意见书之日起30日内');
    expect(text).toContain('复查');
    for (const heading of ['一、信访事项', '二、调查核实的事实', '三、办理情况', '四、处理依据', '五、处理结果', '六、复查途径和期限']) expect(text).toContain(heading);
    await page.getByRole('button', { name: '打印' }).waitFor();
    await browser.shot('print-reply');

    // on paper the 打印 bar is left off
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    fs.writeFileSync(path.join(SHOTS, 'print-reply.pdf'), pdf);
    const { pages, boxes } = pdfPages(pdf);
    expect(pages).toBe(1);
    expect(boxes).toHaveLength(1);
    const [x0, y0, w, h] = boxes[0];
    expect([x0, y0]).toEqual([0, 0]);
    // A4 is 210 × 297 mm = 595.28 × 841.89 pt; Chromium rounds to whole CSS pixels (595.92 × 842.88)
    expect(Math.abs(w - 595.28)).toBeLessThan(1.5);
    expect(Math.abs(h - 841.89)).toBeLessThan(1.5);
    expect(pdfTitle(pdf)).toBe(`信访处理意见书 ${serial}`);

    // back on the letter page, its 信访登记表: the writer masked as the office reads them (PR1)
    await page.getByRole('link', { name: '返回来信' }).click();
    await page.getByTestId('letter-status').getByText('已答复', { exact: true }).waitFor();
    await page.getByRole('button', { name: '打印文书' }).click();
    await page.getByRole('menuitem', { name: '信访登记表' }).click();
    await page.getByRole('heading', { name: '信访事项登记表', level: 1 }).waitFor();
    const form = page.getByRole('article', { name: '信访事项登记表' });
    expect(await form.getByRole('rowheader', { name: '编号' }).locator('xpath=following-sibling::td[1]').textContent()).toBe(serial);
    expect(await form.innerText()).not.toMatch(/1[3-9]\d{9}/);
    await browser.shot('print-register');
    expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true })).pages).toBe(1);
  });

  it('the office prints the 转办单 of a forwarded letter: lead department, the leader’s 批示, the writer withheld (PV7, PR2)', async () => {
    await page.goto(`${browser.origin}/`);
    await page.getByRole('heading', { name: '欢迎使用联络' }).waitFor();
    await page.getByRole('menuitem', { name: '来信', exact: true }).click();
    await page.getByRole('tab', { name: '全部' }).click();
    await page.getByRole('tab', { name: '全部', selected: true }).waitFor();
    await page.getByRole('button', { name: '已转办', exact: true }).click();
    const rows = page.locator('tbody tr');
    await expect.poll(async () => { const all = await rows.allInnerTexts(); return all.length > 0 && all.every((r) => r.includes('已转办')); }).toBe(true);
    await rows.first().locator('td').first().click();
    await page.getByTestId('letter-status').getByText('已转办', { exact: true }).waitFor();
    await page.getByRole('button', { name: '打印文书' }).click();
    const offered = await page.getByRole('menu').getByRole('menuitem').allTextContents();
    // not replied yet: no 答复意见书
    expect(offered).not.toContain('答复意见书（信访处理意见书）');
    await page.getByRole('menuitem', { name: '转办单' }).click();
    await page.getByRole('heading', { name: '信访事项转办单', level: 1 }).waitFor();
    const slip = page.getByRole('article', { name: '信访事项转办单' });
    const cell = (label: string) => slip.getByRole('rowheader', { name: label, exact: true }).locator('xpath=following-sibling::td[1]').innerText();
    expect(await cell('主办单位')).not.toBe('');
    expect(await cell('领导批示')).toMatch(/（\S+　\d{4}年\d{1,2}月\d{1,2}日）$/);
    expect(await cell('转办日期')).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await browser.shot('print-forward');
    expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true })).pages).toBe(1);
  });

  it('the page threw no errors', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
