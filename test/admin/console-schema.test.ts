import fs from 'node:fs';
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { buildSchemaModel, introspectionFromSdl, orderFields, referenceFor, represent, shortLabel } from '../../admin/src/providers/schema.js';
import { chineseMessages } from '../../admin/src/i18n/zh-CN.js';

const SDL = `
"""政协或人大（某一级）"""
type Body { id: ID!  """名称，如 嘉兴市政协""" name: String!  """类别""" kind: BodyKind!  """上级机构""" parentId: ID  """版本号：更新时原样回传""" version: Int!  createdAt: DateTimeISO! }
"""机构类别"""
enum BodyKind { """政协""" CPPCC  """人大（常委会）""" CONGRESS }
"""委员信箱"""
type Mailbox { id: ID!  name: String  leadMemberId: ID  rotationMemberIds: [ID!]!  openedOn: LocalDate  phoneMasked: String }
"""委员/代表"""
type Member { id: ID!  """姓名""" name: String! }
"""办理记录"""
type LetterEvent { id: ID!  """动作""" action: String!  """备注""" note: String }
type ListMetadata { count: Int! }
input BodyFilter { q: String  kind: BodyKind  parentId: ID  ids: [ID!] }
scalar DateTimeISO
scalar LocalDate
type Query {
  """按编号读取机构""" Body(id: ID!): Body
  """机构列表（page 从 0 开始）""" allBodies(filter: BodyFilter, page: Int): [Body!]!
  _allBodiesMeta(filter: BodyFilter): ListMetadata!
  """按编号读取委员信箱""" Mailbox(id: ID!): Mailbox
  allMailboxes(page: Int): [Mailbox!]!
  _allMailboxesMeta: ListMetadata!
  Member(id: ID!): Member
  """委员/代表列表""" allMembers(page: Int): [Member!]!
  _allMembersMeta: ListMetadata!
  LetterEvent(id: ID!): LetterEvent
  allLetterEvents(page: Int): [LetterEvent!]!
  _allLetterEventsMeta: ListMetadata!
}
type Mutation {
  """新建机构""" createBody("""名称""" name: String!, """类别""" kind: BodyKind!, """上级机构""" parentId: ID): Body!
  """修改机构""" updateBody(id: ID!, name: String, kind: BodyKind, parentId: ID, version: Int): Body!
  deleteBody(id: ID!): Body!
  createMailbox(name: String, leadMemberId: ID, rotationMemberIds: [ID!], phone: String): Mailbox!
  updateMailbox(id: ID!, phone: String, version: Int): Mailbox!
}
`;

const model = buildSchemaModel(introspectionFromSdl(SDL));
const byName = (n: string) => model.resources.find((r) => r.name === n)!;

describe('the console reads the committed schema', () => {
  it('finds a resource for each type with all<Plural>, _all<Plural>Meta and <Type>(id), with the plural the server chose', () => {
    expect(model.resources.map((r) => r.name).sort()).toEqual(['Body', 'LetterEvent', 'Mailbox', 'Member']);
  });

  it('names resources in Chinese from the operation descriptions, falling back to the type description', () => {
    expect(model.resources.map((r) => [r.name, r.label]).sort()).toEqual([
      ['Body', '机构'],
      ['LetterEvent', '办理记录'],
      ['Mailbox', '委员信箱'],
      ['Member', '委员/代表'],
    ]);
  });

  it('labels fields with the description up to its first comma or colon', () => {
    expect(byName('Body').fields.map((f) => [f.name, f.label])).toEqual([
      ['id', '编号'],
      ['name', '名称'],
      ['kind', '类别'],
      ['parentId', '上级机构'],
      ['createdAt', 'createdAt'],
      ['version', '版本号'],
    ]);
    expect(shortLabel('信箱开启周期（天），默认半个月（MB2）', 'x')).toBe('信箱开启周期（天）');
    expect(shortLabel(null, 'fallback')).toBe('fallback');
  });

  it('gives a create form only with create<Type>, an edit form only with update<Type>, delete only with delete<Type>', () => {
    expect(byName('Body').createArgs?.map((a) => a.name)).toEqual(['name', 'kind', 'parentId']);
    expect(byName('Body').updateArgs?.map((a) => a.name)).toEqual(['name', 'kind', 'parentId']);
    expect(byName('Body').canDelete).toBe(true);
    expect(byName('Mailbox').canDelete).toBe(false);
    expect(byName('LetterEvent')).toMatchObject({ createArgs: undefined, updateArgs: undefined, canDelete: false });
  });

  it('types values: enums with their Chinese value names, links with the resource they point to', () => {
    expect(byName('Body').fields.find((f) => f.name === 'kind')).toMatchObject({ kind: 'enum', enumName: 'BodyKind', required: true });
    expect(model.enums.BodyKind).toEqual({
      label: '机构类别',
      choices: [
        { id: 'CPPCC', label: '政协' },
        { id: 'CONGRESS', label: '人大（常委会）' },
      ],
    });
    const mailbox = Object.fromEntries(byName('Mailbox').fields.map((f) => [f.name, [f.kind, f.reference ?? null]]));
    expect(mailbox).toEqual({
      id: ['id', null],
      name: ['string', null],
      leadMemberId: ['ref', 'Member'],
      rotationMemberIds: ['refs', 'Member'],
      openedOn: ['date', null],
      phoneMasked: ['string', null],
    });
    expect(byName('Body').fields.find((f) => f.name === 'parentId')?.reference).toBe('Body');
  });

  it('resolves link names to resources, including glossary words that are not type names', () => {
    const names = new Set(['Body', 'Member', 'StationStaff', 'Department']);
    expect(referenceFor('bodyId', 'Member', names)).toBe('Body');
    expect(referenceFor('parentId', 'Department', names)).toBe('Department');
    expect(referenceFor('leaderMemberId', 'Mailbox', names)).toBe('Member');
    expect(referenceFor('deputyIds', 'Reception', names)).toBe('Member');
    expect(referenceFor('deputyInChargeId', 'LiaisonStation', names)).toBe('Member');
    expect(referenceFor('liaisonOfficerId', 'Reception', names)).toBe('StationStaff');
    expect(referenceFor('coHandlerIds', 'Letter', names)).toBe(null);
    expect(referenceFor('name', 'Body', names)).toBe(null);
  });

  it('sorts only on fields the server can sort (id, timestamps, written or filtered fields)', () => {
    expect([...byName('Body').sortable].sort()).toEqual(['createdAt', 'id', 'kind', 'name', 'parentId']);
  });

  it('names a record by its first non-empty name-like field, else by its id', () => {
    expect(byName('Mailbox').representation).toEqual(['name', 'phoneMasked']);
    expect(represent(byName('Mailbox'), { id: 3, name: '', phoneMasked: '138****0000' })).toBe('138****0000');
    expect(represent(byName('LetterEvent'), { id: 7, action: null, note: null })).toBe('#7');
  });

  it('orders name-like fields first and timestamps last', () => {
    expect(orderFields([{ name: 'version' }, { name: 'kind' }, { name: 'name' }, { name: 'id' }, { name: 'createdAt' }]).map((f) => f.name)).toEqual([
      'id',
      'name',
      'kind',
      'createdAt',
      'version',
    ]);
  });

  it('reads the committed schema/schema.graphql with Body and Organization as resources', () => {
    const committed = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));
    const labels = Object.fromEntries(committed.resources.map((r) => [r.name, r.label]));
    expect(labels).toMatchObject({ Body: '机构', Organization: '工作机构' });
  });
});

describe('the console speaks Chinese first', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it('translates every react-admin message key of ra-language-english', () => {
    expect(keys(chineseMessages).sort()).toEqual(keys(englishMessages).sort());
  });

  it('keeps every %{placeholder} of the English message in its translation', () => {
    const en = Object.fromEntries(keys(englishMessages).map((k) => [k, k.split('.').reduce((o: any, p) => o[p], englishMessages) as string]));
    const zh = Object.fromEntries(keys(chineseMessages).map((k) => [k, k.split('.').reduce((o: any, p) => o[p], chineseMessages) as string]));
    const placeholders = (s: string) => [...new Set(s.match(/%\{\w+\}/g) ?? [])].filter((p) => p !== '%{smart_count}').sort();
    const missing = Object.keys(en).filter((k) => placeholders(en[k]).join() !== placeholders(zh[k]).join());
    expect(missing).toEqual([]);
  });
});
