import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelForRoles } from '../../admin/src/providers/access.js';
import { buildSchemaModel, introspectionFromSdl, nameFieldFor, represent, shortLabel, stripRuleCodes } from '../../admin/src/providers/schema.js';
import { LIST_COLUMNS, VIRTUAL_COLUMNS, columnLabel, columnName, listColumns } from '../../admin/src/schema-ui/columns.js';

/** The console's model of the committed schema, as the browser builds it. */
const model = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));
const resource = (name: string, m = model) => m.resources.find((r) => r.name === name)!;
const shown = (name: string, m = model) => {
  const { columns, hidden } = listColumns(resource(name, m));
  return columns.map(columnName).filter((c) => !hidden.includes(c));
};

describe('the generic lists show the columns a clerk reads', () => {
  it('shows a pairing by its kind and its two sides, never four link columns of which two are empty', () => {
    expect(shown('ContactPairing')).toEqual(['kind', 'pairedFrom', 'pairedWith', 'startDate', 'endDate']);
    const row = { kind: 'MEMBER_CONSTITUENT', memberName: '麦浩然', constituentName: '魏晨阳', leaderName: null, committeeName: null };
    expect([VIRTUAL_COLUMNS.pairedFrom.text(row), VIRTUAL_COLUMNS.pairedWith.text(row)]).toEqual(['麦浩然', '魏晨阳']);
    const standing = { kind: 'LEADER_STANDING', leaderName: '尹鹤轩', memberName: '麦浩然', constituentName: null };
    expect([VIRTUAL_COLUMNS.pairedFrom.text(standing), VIRTUAL_COLUMNS.pairedWith.text(standing)]).toEqual(['尹鹤轩', '麦浩然']);
  });

  it('shows an account by username, name, roles, organization, lock and last sign-in', () => {
    expect(shown('Account')).toEqual(['username', 'displayName', 'roles', 'organizationId', 'isActive', 'lockedUntil', 'lastLoginAt']);
    expect(resource('Account').fields.find((f) => f.name === 'roles')).toMatchObject({ kind: 'list', enumName: 'Role' });
  });

  it('shows the audit log by time, username, action, resource, record, result and reason', () => {
    expect(shown('AuditEvent')).toEqual(['occurredAt', 'username', 'action', 'resource', 'recordId', 'result', 'reason']);
  });

  it('shows a reception by date and station, a member by name, kind, organization and sector', () => {
    expect(shown('Reception')).toEqual(['heldOn', 'liaisonStationId', 'form', 'topic', 'deputyIds', 'visitorCount']);
    expect(shown('Member').slice(0, 4)).toEqual(['name', 'kind', 'organizationId', 'sectorId']);
  });

  it('keeps the other readable fields one click away, and never a name twin beside its link', () => {
    const { columns, hidden } = listColumns(resource('ContactPairing'));
    expect(hidden).toEqual(['id', 'committeeId', 'constituentId', 'leaderId', 'memberId', 'note', 'createdAt', 'updatedAt', 'version']);
    expect(columns.map(columnName)).not.toContain('memberName');
  });

  it('names only fields the schema has (a renamed field fails here, not as an empty column)', () => {
    const missing = Object.entries(LIST_COLUMNS).flatMap(([name, cols]) =>
      cols.filter((c) => !VIRTUAL_COLUMNS[c] && !resource(name)?.fields.some((f) => f.name === c)).map((c) => `${name}.${c}`),
    );
    expect(missing).toEqual([]);
  });

  it('falls back to the first 7 readable fields for a resource without a chosen list', () => {
    const fake = { name: 'Unlisted', fields: resource('Body').fields };
    const { columns, hidden } = listColumns(fake);
    expect(columns.map(columnName).filter((c) => !hidden.includes(c))).toEqual(['id', 'name', 'kind', 'level', 'parentId', 'region', 'createdAt']);
  });
});

describe('references name the record and what tells it apart, never a raw id', () => {
  it('names a reception by station and date, a pairing by its sides, a letter by serial number and title, an account by name and username', () => {
    expect(represent(resource('Reception'), { id: 4, liaisonStationName: '城东联络站', heldOn: '2026-05-18' })).toBe('城东联络站 · 2026-05-18');
    expect(represent(resource('ContactPairing'), { id: 9, memberName: '麦浩然', constituentName: '魏晨阳' })).toBe('麦浩然 联系 魏晨阳');
    expect(represent(resource('ContactPairing'), { id: 9, leaderName: '尹鹤轩', memberName: '麦浩然' })).toBe('尹鹤轩 联系 麦浩然');
    expect(represent(resource('Letter'), { id: 1, serialNumber: 'CN-2026-0007', title: '路灯不亮' })).toBe('CN-2026-0007 路灯不亮');
    expect(represent(resource('Account'), { id: 3, displayName: '演示·审计管理员', username: 'auditor' })).toBe('演示·审计管理员（auditor）');
    expect(represent(resource('Account'), { id: 7, displayName: '麦浩然（演示·委员）', username: 'member' })).toBe('麦浩然（演示·委员） · member');
    expect(represent(resource('Member'), { id: 2, name: '麦浩然' })).toBe('麦浩然');
  });

  it('shows a link the role may not read by the name the API gives beside it', () => {
    expect(nameFieldFor('memberId', new Set(['memberName']))).toBe('memberName');
    expect(nameFieldFor('ownerAccountId', new Set(['ownerName']))).toBe('ownerName');
    expect(nameFieldFor('leaderMemberId', new Set(['leaderMemberName']))).toBe('leaderMemberName');
    expect(nameFieldFor('bodyId', new Set(['name']))).toBeUndefined();
    // a department handler may not read Member or Account: the letter's 经办委员 and 首问责任人 show their names
    const handler = modelForRoles(model, ['DEPARTMENT_HANDLER']);
    expect(resource('Letter', handler).fields.find((f) => f.name === 'memberId')).toMatchObject({ reference: null, nameField: 'memberName' });
    expect(resource('Letter', handler).fields.find((f) => f.name === 'ownerAccountId')).toMatchObject({ reference: null, nameField: 'ownerName' });
  });
});

describe('labels read as the clerk’s words', () => {
  it('drops rule codes, （只读） and a bracket the cut left open, keeping units', () => {
    expect(shortLabel('所属工作机构（PR3）', 'x')).toBe('所属工作机构');
    expect(shortLabel('委员/代表姓名（只读）', 'x')).toBe('委员/代表姓名');
    expect(shortLabel('联系电话（脱敏，如 138****1234）', 'x')).toBe('联系电话');
    expect(shortLabel('ST1：至少 2 名进站代表且已指定负责代表（仅提示，不拒绝）', 'x')).toBe('至少 2 名进站代表且已指定负责代表');
    expect(shortLabel('告知来信人是否受理的日期（LAW 第23条，15 日内）', 'x')).toBe('告知来信人是否受理的日期');
    expect(shortLabel('信箱开启周期（天），默认半个月（MB2）', 'x')).toBe('信箱开启周期（天）');
    expect(stripRuleCodes('委员/代表联系群众（CT3）')).toBe('委员/代表联系群众');
  });

  it('heads a column with the label short of its explanation, keeping a unit', () => {
    expect(['用户名（3–32 位小写字母、数字、下划线或点）', '锁定至（连续失败过多时）', '显示名称（姓名）', '信箱开启周期（天）'].map(columnLabel)).toEqual([
      '用户名',
      '锁定至',
      '显示名称（姓名）',
      '信箱开启周期（天）',
    ]);
  });

  it('leaves no rule code in any label of the committed schema', () => {
    const labels = model.resources.flatMap((r) => [...r.fields, ...(r.createArgs ?? []), ...r.filters].map((f) => `${r.name}.${f.name}: ${f.label}`));
    const enumLabels = Object.entries(model.enums).flatMap(([e, v]) => v.choices.map((c) => `${e}.${c.id}: ${c.label}`));
    expect([...labels, ...enumLabels].filter((l) => /\b[A-Z]{2,3}\d+\b|（[^）]*$/.test(l.split(': ')[1]))).toEqual([]);
  });
});
