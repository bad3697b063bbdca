import { describe, expect, it } from 'vitest';
import { buildNotice, chineseDate, noticesFor, reviewNotice, writerOf, type PrintContext, type PrintLetter } from '../../admin/src/prints/notices.js';

const LABELS: Record<string, string> = { 'LetterChannel.POST': '来信（邮寄、递交）', 'LetterOutcome.RESOLVED': '已解决', 'LetterCategory.REQUEST': '申诉求决' };
const ctx: PrintContext = {
  label: (e, v) => (v ? (LABELS[`${e}.${v}`] ?? String(v)) : ''),
  departments: { '7': '苍南县住建局', '8': '苍南县水利局' },
  leaders: { '3': '王秘书长' },
  higherOffice: '温州市政协办公室',
  today: '2026-12-02',
};

const letter = (over: Partial<PrintLetter> = {}): PrintLetter => ({
  id: '1',
  serialNumber: 'CN-2026-000042',
  title: '农贸市场周边道路积水',
  content: '每逢下雨积水没过脚踝，希望疏通排水',
  status: 'REGISTERED',
  flow: 'OFFICE',
  channel: 'POST',
  category: 'REQUEST',
  receivedOn: '2026-11-20',
  organizationName: '苍南县政协办公室',
  writerName: '林晓燕',
  writerCount: 1,
  writerPhoneMasked: '139****1234',
  ...over,
});

const replied = letter({
  status: 'REPLIED',
  writerNotifiedOn: '2026-11-21',
  decision: '请抓紧调查核实，依法依规妥善处理',
  decidedByLeaderId: '3',
  decidedOn: '2026-11-23',
  leadDepartmentId: '7',
  leadDepartmentName: '苍南县住建局',
  coHandlerDepartmentIds: ['8'],
  forwardedOn: '2026-11-24',
  investigationFindings: '经实地调查核实，情况基本属实',
  handlingResult: '已疏通排水管道',
  outcome: 'RESOLVED',
  conclusion: '问题已解决',
  repliedOn: '2026-12-01',
  replyContent: '排水管道已疏通，雨天不再积水',
});

describe('the printed documents of a letter (issue 11)', () => {
  it('writes dates as Chinese documents do, in Beijing time, a blank when there is none', () => {
    expect(chineseDate('2026-11-20')).toBe('2026年11月20日');
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(chineseDate('2026-11-19T17:30:00.000Z')).toBe('2026年11月20日');
    expect(chineseDate(null)).toBe('　　　　年　　月　　日');
  });

  it('offers only the documents that apply to the letter state (PV2)', () => {
    expect(noticesFor(letter())).toEqual(['register']);
    expect(noticesFor(letter({ status: 'DECLINED', declineReason: '属于诉讼程序解决的事项' }))).toEqual(['register', 'decline']);
    expect(noticesFor(letter({ status: 'ACCEPTED' }))).toEqual(['register', 'accept']);
    expect(noticesFor(letter({ status: 'FORWARDED', forwardedOn: '2026-11-24', leadDepartmentId: '7' }))).toEqual(['register', 'accept', 'forward']);
    expect(noticesFor(letter({ status: 'DECIDED', deadlineExtendedDays: 30 }))).toEqual(['register', 'accept', 'extension']);
    expect(noticesFor(replied)).toEqual(['register', 'accept', 'forward', 'reply']);
    // a mailbox letter is not accepted by the office (MB4); a voided one prints its register form only
    expect(noticesFor(letter({ flow: 'MAILBOX', status: 'REPLIED', repliedOn: '2026-12-01' }))).toEqual(['register', 'reply']);
    expect(noticesFor({ ...replied, status: 'VOIDED' })).toEqual(['register']);
  });

  it('gives a department handler only the 转办单 it received (PR2)', () => {
    expect(noticesFor(replied, ['DEPARTMENT_HANDLER'])).toEqual(['forward']);
    expect(noticesFor(replied, ['OFFICE_STAFF'])).toEqual(['register', 'accept', 'forward', 'reply']);
  });

  it('addresses the writer as the role reads them, never more (PR1, PR4)', () => {
    expect(writerOf(letter())).toBe('林晓燕');
    expect(writerOf(letter({ writerCount: 5 }))).toBe('林晓燕等5人');
    expect(writerOf(letter({ isAnonymous: true, writerName: null }))).toBe('匿名来信人');
    expect(writerOf(letter({ writerName: null }))).toBe('来信人');
  });

  it('replies with the facts, the handling, the basis, the outcome and 30 days to ask for 复查 (第32条, PV3 第35条)', () => {
    const doc = buildNotice('reply', replied, ctx);
    expect(doc.title).toBe('信访处理意见书');
    expect(doc.serial).toBe('CN-2026-000042');
    expect(doc.issuer).toBe('苍南县政协办公室');
    expect(doc.issuedOn).toBe('2026年12月1日');
    expect(doc.addressee).toBe('林晓燕：');
    expect(doc.paragraphs![0]).toBe('您于2026年11月20日来信反映的“农贸市场周边道路积水”一事，本机关已依法受理并办理。现将处理意见答复如下：');
    expect(doc.sections!.map((s) => s.heading)).toEqual(['一、信访事项', '二、调查核实的事实', '三、办理情况', '四、处理依据', '五、处理结果', '六、复查途径和期限']);
    const text = Object.fromEntries(doc.sections!.map((s) => [s.heading.slice(2), s.text]));
    expect(text['调查核实的事实']).toBe('经实地调查核实，情况基本属实。');
    expect(text['办理情况']).toBe('本机关受理后，于2026年11月24日转苍南县住建局主办、苍南县水利局协办。办理情况：已疏通排水管道。办结意见：问题已解决。');
    expect(text['处理依据']).toContain('《信访工作条例》第三十二条');
    expect(text['处理依据']).toContain('予以支持');
    expect(text['处理结果']).toBe('已解决。排水管道已疏通，雨天不再积水。');
    expect(text['复查途径和期限']).toBe(reviewNotice('温州市政协办公室'));
    // without an investigation the facts do not repeat the handling, nor the handling the answer
    const plain = buildNotice('reply', { ...replied, channel: 'CONTACT_VISIT', investigationFindings: null, conclusion: replied.replyContent }, ctx);
    expect(plain.paragraphs![0]).toMatch(/^您于2026年11月20日在委员联系走访中反映的/);
    expect(plain.sections![1].text).toBe('经苍南县住建局调查核实，您反映的情况已查明。');
    expect(plain.sections![2].text).not.toContain('办结意见');
    expect(text['复查途径和期限']).toBe('如您对本处理意见不服，可以自收到本意见书之日起30日内，以书面形式向本机关的上一级机关温州市政协办公室请求复查，并附本意见书（《信访工作条例》第三十五条）。');
  });

  it('tells the writer of the acceptance or the refusal, with the reason (LAW 第23条)', () => {
    const accept = buildNotice('accept', letter({ status: 'ACCEPTED', writerNotifiedOn: '2026-11-21', trackingCode: 'K7Q2-9XZP', deadlines: [{ measure: 'HANDLE', dueOn: '2027-01-19' }] }), ctx);
    expect(accept.issuedOn).toBe('2026年11月21日');
    expect(accept.paragraphs!.join('')).toContain('本机关决定予以受理');
    expect(accept.paragraphs!.join('')).toContain('并于2027年1月19日前办结');
    expect(accept.paragraphs!.join('')).toContain('查询码 K7Q2-9XZP');
    const decline = buildNotice('decline', letter({ status: 'DECLINED', declineReason: '属于应当通过诉讼程序解决的事项。', writerNotifiedOn: '2026-11-22' }), ctx);
    expect(decline.title).toBe('信访事项不予受理告知书');
    expect(decline.paragraphs![0]).toContain('经审查，属于应当通过诉讼程序解决的事项。依照《信访工作条例》第二十三条的规定，本机关决定不予受理。');
  });

  it('forwards to the lead and co-handling departments with the leader’s 批示, the writer withheld until disclosed (PV7, PR2, PV5)', () => {
    const slip = buildNotice('forward', { ...replied, deadlines: [{ measure: 'HANDLE', dueOn: '2027-01-19', ruleRef: '信访工作条例第三十四条' }] }, ctx);
    const row = (label: string) => slip.rows!.find((r) => r.label === label)?.value;
    expect(row('主办单位')).toBe('苍南县住建局');
    expect(row('协办单位')).toBe('苍南县水利局');
    expect(row('领导批示')).toBe('请抓紧调查核实，依法依规妥善处理（王秘书长　2026年11月23日）');
    expect(row('转办日期')).toBe('2026年11月24日');
    expect(row('办理时限')).toBe('2027年1月19日前（依据：信访工作条例第三十四条）');
    expect(row('来信人')).toBe('（未向承办单位披露）');
    expect(row('协调领导')).toBe('');
    expect(buildNotice('forward', { ...replied, coHandlerDepartmentIds: [] }, ctx).rows!.find((r) => r.label === '协调领导')?.value).toBe('无');
    expect(slip.notes!.join('')).toContain('第三十条');
    const disclosed = buildNotice('forward', { ...replied, writerDisclosedAt: '2026-11-24T02:00:00Z' }, ctx);
    expect(disclosed.rows!.find((r) => r.label === '来信人')?.value).toBe('林晓燕');
  });

  it('tells the writer of the one extension, who approved it and until when (PV3 第34条)', () => {
    const doc = buildNotice('extension', letter({ status: 'DECIDED', deadlineExtendedDays: 30, deadlineExtensionReason: '情况复杂，需多部门联合调查', deadlineExtensionApprovedBy: '王秘书长', deadlineExtensionNotifiedOn: '2026-12-20', deadlines: [{ measure: 'HANDLE', dueOn: '2027-02-18' }] }), ctx);
    expect(doc.issuedOn).toBe('2026年12月20日');
    expect(doc.paragraphs![1]).toBe('因情况复杂，需多部门联合调查，不能在规定期限内办结，经王秘书长批准，依照《信访工作条例》第三十四条的规定，办理期限延长30日，至2027年2月18日。办结后将书面答复您。');
  });

  it('registers the writer masked as the role reads them, never revealed (PV1, PR1)', () => {
    const form = buildNotice('register', letter({ writerAddressMasked: '灵溪镇****' }), ctx);
    const row = (label: string) => form.rows!.find((r) => r.label === label)?.value;
    expect(row('编号')).toBe('CN-2026-000042');
    expect(row('来信人')).toBe('林晓燕');
    expect(row('联系电话')).toBe('139****1234');
    expect(row('住址')).toBe('灵溪镇****');
    expect(row('收到日期')).toBe('2026年11月20日');
    expect(buildNotice('register', letter({ isAnonymous: true, writerName: null }), ctx).rows!.find((r) => r.label === '来信人')?.value).toBe('匿名');
  });
});
