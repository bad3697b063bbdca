import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { GraphQLClient } from 'graphql-request';
import { startTestApp, type TestApp } from '../support/app.js';
import { createDepartment, createOffice, REGISTER_LETTER } from '../support/casework-fixtures.js';
import { signIn, type SignedIn } from '../support/sessions.js';
import { sheetName } from '../../server/src/platform/export/export.route.js';

/**
 * Issue 11: a list exported as a workbook by the server, through the same allXs query as the console
 * (scope PR3, masking PR1, writer withheld PR2, involved units PV5), streamed in pages, audited.
 */
let t: TestApp;
let base: string;
let office: SignedIn;
let orgId: string;
let forwardedTo: string;
let complainedAbout: string;
const letters: Record<'complaint' | 'lamp' | 'noise', { id: string; serialNumber: string }> = {} as any;

const sql = async (text: string, params: unknown[] = []) => t.orm.em.getConnection().execute(text, params);

interface Sheet {
  status: number;
  type: string | null;
  disposition: string | null;
  header: string[];
  rows: Record<string, unknown>[];
  json?: any;
}

/** GET an export and read it back with exceljs: the header row and each row keyed by its header. */
async function download(path: string, token?: string): Promise<Sheet> {
  const res = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const type = res.headers.get('content-type');
  const disposition = res.headers.get('content-disposition');
  if (res.status !== 200) return { status: res.status, type, disposition, header: [], rows: [], json: await res.json() };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0];
  const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  const header = values(1) as string[];
  const rows: Record<string, unknown>[] = [];
  for (let n = 2; n <= ws.rowCount; n++) {
    const v = values(n);
    rows.push(Object.fromEntries(header.map((h, i) => [h, v[i] ?? null])));
  }
  return { status: res.status, type, disposition, header, rows };
}

const query = (p: Record<string, unknown>) =>
  new URLSearchParams(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))).toString();

async function register(client: GraphQLClient, v: Record<string, unknown>) {
  const res = await client.request<any>(REGISTER_LETTER, { organizationId: orgId, channel: 'POST', ...v });
  return res.registerLetter as { id: string; serialNumber: string };
}

beforeAll(async () => {
  t = await startTestApp();
  base = t.url.replace(/\/graphql$/, '');
  ({ organizationId: orgId } = await createOffice(t, { bodyName: '嘉兴市政协', kind: 'CPPCC', orgName: '嘉兴市政协办公室', code: 'JX' }));
  office = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: orgId, username: 'bangongshi' });
  t.client = office.client;
  forwardedTo = await createDepartment(t, { name: '嘉兴市住房和城乡建设局', code: 'JX-ZJJ', organizationId: orgId });
  complainedAbout = await createDepartment(t, { name: '嘉兴市城市管理局', code: 'JX-CGJ', organizationId: orgId });
  letters.complaint = await register(office.client, {
    title: '城管执法粗暴',
    content: '某街道城管队员执法粗暴，请求调查',
    receivedOn: '2026-03-02',
    writerName: '张伟',
    writerPhone: '13812345678',
    involvedDepartmentIds: [complainedAbout],
  });
  letters.lamp = await register(office.client, {
    title: '小区路灯不亮',
    content: '幸福小区东门路灯已坏一月有余',
    receivedOn: '2026-03-03',
    urgency: 'URGENT',
    writerName: '李娜',
    writerPhone: '13900001111',
  });
  letters.noise = await register(office.client, { title: '夜间施工噪音', content: '工地夜间施工噪音扰民', receivedOn: '2026-03-04', isAnonymous: true });
  // forwarding is a workflow verb (issue 5); here the letters are simply in the departments' hands
  await sql('update letter set lead_department_id = ? where id in (?, ?)', [complainedAbout, letters.complaint.id, letters.lamp.id]);
});
afterAll(async () => {
  await t?.close();
});

const HEADER = [
  '系统编号', '编号', '标题', '编号年度（收到日期所在年）', '登记机构名称', '渠道', '办理状态', '内容（反映的问题和诉求）', '类别', '缓急程度',
  '是否重要（报主要领导）', '是否匿名', '来信人姓名', '来信人单位', '来信人电话（脱敏）', '来信人身份证号（脱敏）', '来信人住址（脱敏）', '联名人数',
  '所在社区', '收到日期', '群众', '经办委员/代表姓名', '委员信箱', '信箱开启记录', '接待活动', '涉及（被反映）的单位', '涉及（被反映）的人员',
  '主办单位名称', '协办单位', '协调主办、协办单位的分管副秘书长', '首问责任人', '查询码（网上查询办理进度与评价用）', '告知来信人是否受理的日期',
  '不予受理的理由', '拟办意见', '拟办人', '领导批示', '批示日期（转办时限自此起算）', '批示领导', '转办日期', '办理结果', '办理（结果反馈）日期',
  '调查核实情况', '调查记录签字的承办人', '承办人签字日期', '调查记录签字的分管领导', '分管领导签字日期', '办结结果', '办结意见', '办结日期', '答复方式',
  '答复来信人日期', '答复内容', '申请复查日期', '复查理由', '复查答复日期', '复查意见', '申请复核日期', '复核理由', '复核答复日期（此后同一事项不再受理）',
  '复核意见', '归档日期', '信箱来信已上报到的层级', '最近一次上报的理由', '交办签字人', '签字交办日期', '交办给', '协调督办次数', '延长办理期限的天数',
  '延期理由', '延期批准人', '告知来信人延期的日期', '因不满意重新办理的次数', '并入的主件（重复来信合并）', '转化去向',
  '转化生成的提案/社情民意信息/代表建议的编号（其 sourceLetterId 指回本件）', '调研课题（转为小组调研课题时）', '作废理由', '向承办单位披露来信人身份的时间',
  '披露来信人身份的理由', '登记时选定的主要办理时限', '上级机关要求的办结日期', '交办并规定时限的上级机关', '向交办的上级机关报告办理结果的日期',
  '向上级机关报告的办理结果摘要', '领导审核同意向上级机关上报的日期', '审核同意上报的领导', '领导审核意见', '下一个到期日期', '下一个到期的时限事项',
  '下一个到期时限的依据', '办理流程（按渠道）', '创建时间', '更新时间',
];

/** The columns a clerk reads first, for exact comparison (the rest are pinned by HEADER). */
const pick = (r: Record<string, unknown>) => ({
  系统编号: r['系统编号'],
  编号: r['编号'],
  标题: r['标题'],
  渠道: r['渠道'],
  办理状态: r['办理状态'],
  缓急程度: r['缓急程度'],
  是否匿名: r['是否匿名'],
  来信人姓名: r['来信人姓名'],
  电话: r['来信人电话（脱敏）'],
  收到日期: r['收到日期'],
  涉及单位: r['涉及（被反映）的单位'],
  主办单位: r['主办单位名称'],
  联名人数: r['联名人数'],
});

/** A timestamp column of a letter as the workbook must show it: Beijing time, to the minute. */
async function beijing(column: string, id: string): Promise<string> {
  const [row] = await sql(`select to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as v from letter where id = ?`, [id]);
  return row.v;
}

const auditRows = async () =>
  sql(`select username, action, operation, resource, record_id, result, detail from audit_event where action in ('EXPORT', 'ACCESS_DENIED') order by id`);

describe('exporting letters (issue 11)', () => {
  const path = `/export/Letter.xlsx?${query({ filter: { receivedOn_gte: '2026-03-03' }, sort: 'receivedOn', order: 'DESC' })}`;

  it('streams the office list as a workbook: Chinese headers, enum labels, masked phone (PR1), dates and Beijing datetimes', async () => {
    const sheet = await download(path, office.token);
    expect([sheet.status, sheet.type, sheet.disposition]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `attachment; filename="Letter.xlsx"; filename*=UTF-8''${encodeURIComponent('来信.xlsx')}`,
    ]);
    expect(sheet.header).toEqual(HEADER);
    expect(sheet.rows.map(pick)).toEqual([
      {
        系统编号: letters.noise.id, 编号: letters.noise.serialNumber, 标题: '夜间施工噪音', 渠道: '来信（邮寄、递交）', 办理状态: '已登记', 缓急程度: '一般',
        是否匿名: '是', 来信人姓名: null, 电话: null, 收到日期: '2026-03-04', 涉及单位: null, 主办单位: null, 联名人数: 1,
      },
      {
        系统编号: letters.lamp.id, 编号: letters.lamp.serialNumber, 标题: '小区路灯不亮', 渠道: '来信（邮寄、递交）', 办理状态: '已登记', 缓急程度: '紧急',
        是否匿名: '否', 来信人姓名: '李娜', 电话: '139****1111', 收到日期: '2026-03-03', 涉及单位: null, 主办单位: '嘉兴市城市管理局', 联名人数: 1,
      },
    ]);
    expect(sheet.rows.map((r) => [r['创建时间'], r['下一个到期日期']])).toEqual([
      [await beijing('created_at', letters.noise.id), '2026-03-19'],
      [await beijing('created_at', letters.lamp.id), '2026-03-18'],
    ]);
    // no full phone number anywhere in the file
    expect(JSON.stringify(sheet.rows)).not.toMatch(/13900001111|13812345678/);
  });

  it('audits each export with its resource, row count and filter keys — never the values', async () => {
    const rows = await auditRows();
    expect(rows.filter((r: any) => r.action === 'EXPORT')).toEqual([
      {
        username: 'bangongshi',
        action: 'EXPORT',
        operation: 'GET /export/Letter.xlsx',
        resource: 'Letter',
        record_id: null,
        result: 'SUCCEEDED',
        detail: { rows: 2, filters: ['receivedOn_gte'], sortField: 'receivedOn' },
      },
    ]);
  });

  it('PV5, PR2: the unit a letter complains about exports without it, and without the writers', async () => {
    const handler = await signIn(t, { roles: ['DEPARTMENT_HANDLER'], organizationId: orgId, departmentId: complainedAbout, username: 'chengguan' });
    const sheet = await download(`/export/Letter.xlsx?${query({ sort: 'receivedOn', order: 'ASC' })}`, handler.token);
    expect(sheet.status).toBe(200);
    expect(sheet.header).toEqual(HEADER);
    // the complaint is in its hands as lead department, yet never reaches it (PV5); the lamp letter does, without its writer (PR2)
    expect(sheet.rows.map(pick)).toEqual([
      {
        系统编号: letters.lamp.id, 编号: letters.lamp.serialNumber, 标题: '小区路灯不亮', 渠道: '来信（邮寄、递交）', 办理状态: '已登记', 缓急程度: '紧急',
        是否匿名: '否', 来信人姓名: null, 电话: null, 收到日期: '2026-03-03', 涉及单位: null, 主办单位: '嘉兴市城市管理局', 联名人数: 1,
      },
    ]);
    // nor may it learn the writer from the order of the export (the list's own guard)
    const sorted = await download(`/export/Letter.xlsx?${query({ sort: 'writerName', order: 'ASC' })}`, handler.token);
    expect([sorted.status, sorted.json.errors[0].extensions]).toEqual([403, { code: 'FORBIDDEN', field: 'sortField', reason: 'WRITER_HIDDEN' }]);
  });

  it('answers 401 without a session, 403 to a role that may not list letters (audited), 404 to an unknown list', async () => {
    const anonymous = await download(path);
    expect([anonymous.status, anonymous.json.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const auditor = await signIn(t, { roles: ['AUDIT_ADMIN'], username: 'shenji' });
    const refused = await download(path, auditor.token);
    expect([refused.status, refused.json.errors[0].extensions]).toMatchObject([403, { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' }]);
    expect((await auditRows()).filter((r: any) => r.username === 'shenji')).toEqual([
      { username: 'shenji', action: 'ACCESS_DENIED', operation: 'allLetters', resource: null, record_id: null, result: 'DENIED', detail: expect.anything() },
    ]);
    const unknown = await download('/export/Nothing.xlsx', office.token);
    expect([unknown.status, unknown.json.errors[0].extensions]).toEqual([404, { code: 'NOT_FOUND', reason: 'UNKNOWN_RESOURCE' }]);
    const badFilter = await download('/export/Letter.xlsx?filter=%7Bnot-json', office.token);
    expect([badFilter.status, badFilter.json.errors[0].extensions]).toEqual([400, { code: 'BAD_USER_INPUT', field: 'filter' }]);
  });

  it('takes the custom filters of the list (actionableByMe, overdue with asOf) and gives exactly the rows allLetters gives', async () => {
    const ids = async (filter: Record<string, unknown>) => {
      const sheet = await download(`/export/Letter.xlsx?${query({ filter, sort: 'id', order: 'ASC' })}`, office.token);
      const listed = await office.client.request<any>(`query ($f: LetterFilter) { allLetters(filter: $f, sortField: "id", sortOrder: "ASC") { id } }`, { f: filter });
      return { exported: sheet.rows.map((r) => r['系统编号']), listed: listed.allLetters.map((l: any) => l.id) };
    };
    const all = [letters.complaint.id, letters.lamp.id, letters.noise.id];
    expect(await ids({ actionableByMe: true })).toEqual({ exported: all, listed: all });
    expect(await ids({ overdue: true, asOf: '2026-04-30' })).toEqual({ exported: all, listed: all });
    expect(await ids({ overdue: true, asOf: '2026-03-18' })).toEqual({ exported: [letters.complaint.id], listed: [letters.complaint.id] });
  });

  it('exports the audit log to the audit administrator, who may list it (same access table)', async () => {
    const auditor = await signIn(t, { roles: ['AUDIT_ADMIN'], username: 'shenji2' });
    const sheet = await download(`/export/AuditEvent.xlsx?${query({ filter: { action: 'EXPORT' }, sort: 'occurredAt', order: 'ASC' })}`, auditor.token);
    expect(sheet.status).toBe(200);
    // the exports above: the office's, the handler's, the office's three with custom filters
    const row = (username: string) => ({ 动作: 'EXPORT', 用户名: username, 资源类型: 'Letter', 结果: '成功', 操作: 'GET /export/Letter.xlsx' });
    expect(sheet.rows.map((r) => ({ 动作: r['动作'], 用户名: r['用户名（登录失败时为输入的用户名）'], 资源类型: r['资源类型'], 结果: r['结果'], 操作: r['操作（GraphQL 变更名）'] }))).toEqual([
      row('bangongshi'), row('chengguan'), row('bangongshi'), row('bangongshi'), row('bangongshi'),
    ]);
    const refused = await download('/export/AuditEvent.xlsx', office.token);
    expect([refused.status, refused.json.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('names the records a letter refers to as the list does — 涉及（被反映）的单位, 登记机构 — never by their ids', async () => {
    const sheet = await download(`/export/Letter.xlsx?${query({ filter: { receivedOn_lte: '2026-03-02' } })}`, office.token);
    expect(sheet.rows.map((r) => [r['编号'], r['涉及（被反映）的单位'], r['登记机构名称']])).toEqual([[letters.complaint.serialNumber, '嘉兴市城市管理局', '嘉兴市政协办公室']]);
    const departments = await download(`/export/Department.xlsx?${query({ sort: 'id', order: 'ASC' })}`, office.token);
    expect(departments.rows.map((r) => [r['名称'], r['列入其名录的工作机构']])).toEqual([
      ['嘉兴市住房和城乡建设局', '嘉兴市政协办公室'],
      ['嘉兴市城市管理局', '嘉兴市政协办公室'],
    ]);
  });

  it('exports 3,003 letters in pages of 500 with a bounded number of statements', async () => {
    // 3,000 copies of the anonymous letter, written straight to the table
    const columns = (await sql(`select column_name from information_schema.columns where table_name = 'letter' and column_name <> 'id' and is_generated = 'NEVER' order by ordinal_position`)).map(
      (c: any) => c.column_name as string,
    );
    const value = (c: string) => ({ serial_number: `serial_number || '-' || g`, tracking_code: `tracking_code || g`, seq: 'seq + g' } as Record<string, string>)[c] ?? c;
    await sql(`insert into letter (${columns.join(', ')}) select ${columns.map(value).join(', ')} from letter, generate_series(1, 3000) g where id = ?`, [letters.noise.id]);
    const { result: sheet, count, statements } = await t.countQueries(() => download(`/export/Letter.xlsx?${query({ sort: 'id', order: 'ASC' })}`, office.token));
    expect(sheet.status).toBe(200);
    expect(sheet.rows.length).toBe(3003);
    expect(new Set(sheet.rows.map((r) => r['系统编号'])).size).toBe(3003);
    expect(sheet.rows[3002]['编号']).toBe(`${letters.noise.serialNumber}-3000`);
    // the session, the scope and one transaction; per page of 500 the list and its batched links
    // (involved and co-handling units, organizations): a constant per page, never per row
    const pages = statements.filter((q) => /select "l0"\."id", "l0"\."version"/.test(q)).length;
    expect(pages).toBe(7);
    expect(count).toBeLessThanOrEqual(5 + 5 * pages);
  }, 120_000); // a generous ceiling for a loaded machine, not a timing goal (those live in benchmarks)
});

describe('the sheet of an export', () => {
  it('is named as Excel accepts: no * ? : \\ / [ ], at most 31 characters', () => {
    expect(sheetName('委员/代表')).toBe('委员、代表');
    expect(sheetName('a*b?c:d\\e[f]g')).toBe('a、b、c、d、e、f、g');
    expect(sheetName('一'.repeat(40))).toBe('一'.repeat(31));
  });
});
