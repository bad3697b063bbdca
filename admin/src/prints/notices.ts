/**
 * The printed documents of a letter (issue 11): which apply to its state, and their texts. Pure: the
 * page (PrintPage.tsx) passes the letter as the signed-in role reads it and the names it looked up,
 * so a role that does not see the writer prints no writer (PR1, PR2), and nothing is ever revealed.
 */

export type NoticeKind = 'register' | 'accept' | 'decline' | 'forward' | 'extension' | 'reply';

/** The documents in the order a letter meets them. */
export const NOTICE_KINDS: readonly NoticeKind[] = ['register', 'accept', 'decline', 'forward', 'extension', 'reply'];

/** The name on the menu and the heading on the paper. */
export const NOTICE_TITLES: Record<NoticeKind, { menu: string; title: string }> = {
  register: { menu: '信访登记表', title: '信访事项登记表' },
  accept: { menu: '受理告知书', title: '信访事项受理告知书' },
  decline: { menu: '不予受理告知书', title: '信访事项不予受理告知书' },
  forward: { menu: '转办单', title: '信访事项转办单' },
  extension: { menu: '延期告知书', title: '信访事项延期办理告知书' },
  reply: { menu: '答复意见书（信访处理意见书）', title: '信访处理意见书' },
};

export const isNoticeKind = (v: unknown): v is NoticeKind => typeof v === 'string' && (NOTICE_KINDS as readonly string[]).includes(v);

/** The fields of a letter the documents read (as the API gives them to the signed-in role). */
export interface PrintLetter {
  id: string | number;
  serialNumber: string;
  title: string;
  content?: string | null;
  status: string;
  flow?: string | null;
  channel?: string | null;
  category?: string | null;
  urgency?: string | null;
  isImportant?: boolean | null;
  receivedOn: string;
  createdAt?: string | null;
  organizationName?: string | null;
  ownerName?: string | null;
  isAnonymous?: boolean | null;
  writerName?: string | null;
  writerCount?: number | null;
  writerUnit?: string | null;
  writerPhoneMasked?: string | null;
  writerAddressMasked?: string | null;
  writerIdNumberMasked?: string | null;
  writerDisclosedAt?: string | null;
  community?: string | null;
  involvedDepartmentIds?: Array<string | number> | null;
  involvedPersons?: string | null;
  trackingCode?: string | null;
  writerNotifiedOn?: string | null;
  declineReason?: string | null;
  proposedHandling?: string | null;
  proposedBy?: string | null;
  decision?: string | null;
  decidedOn?: string | null;
  decidedByLeaderId?: string | number | null;
  coordinatorLeaderId?: string | number | null;
  leadDepartmentId?: string | number | null;
  leadDepartmentName?: string | null;
  coHandlerDepartmentIds?: Array<string | number> | null;
  forwardedOn?: string | null;
  deadlineExtendedDays?: number | null;
  deadlineExtensionReason?: string | null;
  deadlineExtensionApprovedBy?: string | null;
  deadlineExtensionNotifiedOn?: string | null;
  investigationFindings?: string | null;
  handlingResult?: string | null;
  handledOn?: string | null;
  outcome?: string | null;
  conclusion?: string | null;
  concludedOn?: string | null;
  repliedOn?: string | null;
  replyContent?: string | null;
  replyMethod?: string | null;
  deadlines?: Array<{ measure: string; dueOn: string; ruleRef?: string | null; main?: boolean; extended?: boolean }> | null;
}

/** States in which a letter was never accepted, or no longer stands on its own. */
const NOT_ACCEPTED = ['REGISTERED', 'DECLINED'];
const SET_ASIDE = ['VOIDED', 'MERGED'];

/**
 * The documents that apply to the letter now: the register form always; a notice only once the step
 * it tells of was taken (受理 / 不予受理, 转办, 延期, 答复). A department handler prints only the 转办单
 * it received; the notices to the writer are the office's.
 */
export function noticesFor(letter: PrintLetter, roles: readonly string[] = []): NoticeKind[] {
  const kinds: NoticeKind[] = ['register'];
  if (SET_ASIDE.includes(letter.status)) return onlyFor(kinds, roles);
  if (letter.status === 'DECLINED') kinds.push('decline');
  else if ((letter.flow ?? 'OFFICE') === 'OFFICE' && !NOT_ACCEPTED.includes(letter.status)) kinds.push('accept');
  if (letter.forwardedOn || letter.leadDepartmentId) kinds.push('forward');
  if ((letter.deadlineExtendedDays ?? 0) > 0) kinds.push('extension');
  if (letter.repliedOn) kinds.push('reply');
  return onlyFor(kinds, roles);
}

function onlyFor(kinds: NoticeKind[], roles: readonly string[]): NoticeKind[] {
  const handlerOnly = roles.includes('DEPARTMENT_HANDLER') && !roles.some((r) => ['OFFICE_STAFF', 'LEADER', 'STATION_STAFF', 'MEMBER'].includes(r));
  return handlerOnly ? kinds.filter((k) => k === 'forward') : kinds;
}

/** 2026-11-20 (or an ISO timestamp, read in Beijing time) → 2026年11月20日; nothing → a blank to fill by hand. */
export function chineseDate(value: string | Date | null | undefined): string {
  if (!value) return '　　　　年　　月　　日';
  let day: string;
  if (value instanceof Date || /T/.test(value)) {
    const d = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(d.getTime())) return String(value);
    day = new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  } else day = value;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : String(value);
}

/** Who the notice is addressed to, as the role reads them: never more than the API gave. */
export function writerOf(letter: PrintLetter): string {
  if (letter.isAnonymous) return '匿名来信人';
  const name = letter.writerName?.trim();
  if (!name) return '来信人';
  return (letter.writerCount ?? 1) > 1 ? `${name}等${letter.writerCount}人` : name;
}

/** What the page looked up to name the letter's references. */
export interface PrintContext {
  /** The label of an enum value (the schema's Chinese descriptions). */
  label: (enumName: string, value: unknown) => string;
  departments?: Record<string, string>;
  leaders?: Record<string, string>;
  /** The office's address and telephone, when the role reads its organization. */
  officeAddress?: string | null;
  officePhone?: string | null;
  /** The office one level up, where the writer asks for 复查 (第35条). */
  higherOffice?: string | null;
  /** Today in Beijing (YYYY-MM-DD): the date of a document whose step recorded none. */
  today: string;
}

export interface PrintDoc {
  kind: NoticeKind;
  title: string;
  serial: string;
  issuer: string;
  /** The date printed above the seal (Chinese). */
  issuedOn: string;
  /** 「张三：」 for the notices to the writer. */
  addressee?: string;
  paragraphs?: string[];
  /** Numbered sections of the reply (第32条). */
  sections?: Array<{ heading: string; text: string }>;
  /** The form's cells, label and value, for the register form and the forward slip. */
  rows?: Array<{ label: string; value: string; wide?: boolean }>;
  /** Small print under the seal. */
  notes?: string[];
}

const nameOf = (map: Record<string, string> | undefined, id: unknown) => (id === null || id === undefined ? '' : (map?.[String(id)] ?? ''));
const names = (map: Record<string, string> | undefined, ids: unknown[] | null | undefined) => (ids ?? []).map((id) => nameOf(map, id)).filter(Boolean).join('、');
const dueOf = (letter: PrintLetter, measure: string) => letter.deadlines?.find((d) => d.measure === measure);

/** How a notice says the writer brought the matter in, by channel. */
export const CHANNEL_PHRASES: Record<string, string> = {
  POST: '来信',
  VISIT: '来访',
  PHONE: '来电',
  ONLINE: '通过网上信访',
  MAILBOX: '通过委员信箱来信',
  RECEPTION: '在代表接待活动中',
  CONTACT_VISIT: '在委员联系走访中',
  REFERRED: '',
};

/** 「您于2026年11月20日来信反映的“…”一事」 (the serial stands above, on its own line). */
function theMatter(letter: PrintLetter): string {
  const how = CHANNEL_PHRASES[letter.channel ?? ''] ?? '';
  return `您于${chineseDate(letter.receivedOn)}${how}反映的“${letter.title}”一事${letter.channel === 'REFERRED' ? '，经转至本机关' : ''}`;
}

const OUTCOME_BASIS: Record<string, string> = {
  RESOLVED: '经审查，您的请求事实清楚，符合法律、法规、规章及其他有关规定，依照《信访工作条例》第三十二条的规定，予以支持，并督促承办单位落实。',
  EXPLAINED: '经审查，依照《信访工作条例》第三十二条的规定，对您的请求作出解释说明。',
  NOT_RESOLVABLE: '经审查，您的请求受现行政策和客观条件所限暂不能解决，依照《信访工作条例》第三十二条的规定，已向您说明理由，并将继续关注。',
};

/** The 30 days to ask for 复查 and how (PV3, 第35条), naming the higher office when the page knows it. */
export const reviewNotice = (higherOffice?: string | null) =>
  `如您对本处理意见不服，可以自收到本意见书之日起30日内，以书面形式向${higherOffice ? `本机关的上一级机关${higherOffice}` : '本机关的上一级机关'}请求复查，并附本意见书（《信访工作条例》第三十五条）。`;

/** The document of `kind` for the letter, its texts filled from what the role reads. */
export function buildNotice(kind: NoticeKind, letter: PrintLetter, ctx: PrintContext): PrintDoc {
  const base = { kind, title: NOTICE_TITLES[kind].title, serial: letter.serialNumber, issuer: letter.organizationName || '信访工作机构' };
  const contact = [ctx.officeAddress && `地址：${ctx.officeAddress}`, ctx.officePhone && `电话：${ctx.officePhone}`].filter(Boolean).join('　');
  const notes = contact ? [`联系方式：${contact}`] : [];
  const to = `${writerOf(letter)}：`;
  switch (kind) {
    case 'register': {
      const writer = letter.isAnonymous ? '匿名' : (letter.writerName ?? '');
      const flags = [ctx.label('Urgency', letter.urgency), letter.isImportant ? '重要' : ''].filter(Boolean).join('、');
      return {
        ...base,
        issuedOn: chineseDate(letter.receivedOn),
        rows: [
          { label: '编号', value: letter.serialNumber },
          { label: '收到日期', value: chineseDate(letter.receivedOn) },
          { label: '渠道', value: ctx.label('LetterChannel', letter.channel) },
          { label: '类别', value: ctx.label('LetterCategory', letter.category) },
          { label: '来信人', value: writer },
          { label: '联名人数', value: letter.isAnonymous ? '' : String(letter.writerCount ?? 1) },
          { label: '工作单位', value: letter.writerUnit ?? '' },
          { label: '联系电话', value: letter.writerPhoneMasked ?? '' },
          { label: '住址', value: letter.writerAddressMasked ?? '' },
          { label: '身份证号', value: letter.writerIdNumberMasked ?? '' },
          { label: '所在社区', value: letter.community ?? '' },
          { label: '缓急', value: flags },
          { label: '标题', value: letter.title, wide: true },
          { label: '反映的问题和诉求', value: letter.content ?? '', wide: true },
          { label: '涉及单位', value: names(ctx.departments, letter.involvedDepartmentIds) },
          { label: '涉及人员', value: letter.involvedPersons ?? '' },
          { label: '首问责任人', value: letter.ownerName ?? '' },
          { label: '登记机构', value: letter.organizationName ?? '' },
          { label: '拟办意见', value: [letter.proposedHandling, letter.proposedBy && `（拟办人：${letter.proposedBy}）`].filter(Boolean).join(''), wide: true },
          { label: '领导批示', value: decisionText(letter, ctx), wide: true },
        ],
        notes: ['联系电话、住址、身份证号按个人信息保护要求脱敏打印。'],
      };
    }
    case 'accept': {
      const handle = dueOf(letter, 'HANDLE');
      return {
        ...base,
        addressee: to,
        issuedOn: chineseDate(letter.writerNotifiedOn ?? ctx.today),
        paragraphs: [
          `${theMatter(letter)}，经审查，属于本机关受理范围。依照《信访工作条例》第二十三条的规定，本机关决定予以受理。`,
          `本机关将依法依规办理${handle ? `，并于${chineseDate(handle.dueOn)}前办结` : ''}，办理结果将书面答复您。${letter.trackingCode ? `您可凭查询码 ${letter.trackingCode} 在网上查询办理进度。` : ''}`,
          '特此告知。',
        ],
        notes,
      };
    }
    case 'decline':
      return {
        ...base,
        addressee: to,
        issuedOn: chineseDate(letter.writerNotifiedOn ?? ctx.today),
        paragraphs: [
          `${theMatter(letter)}，经审查，${(letter.declineReason ?? '不属于本机关受理范围').replace(/[。.]$/, '')}。依照《信访工作条例》第二十三条的规定，本机关决定不予受理。`,
          '您可以依照有关法律、法规的规定，向有权处理的机关、单位提出。',
          '特此告知。',
        ],
        notes,
      };
    case 'forward': {
      const handle = dueOf(letter, 'HANDLE');
      const lead = letter.leadDepartmentName || nameOf(ctx.departments, letter.leadDepartmentId);
      // the writer's identity goes to a department only once the office disclosed it (PR2)
      const writer = letter.writerDisclosedAt ? (letter.isAnonymous ? '匿名' : (letter.writerName ?? '')) : '（未向承办单位披露）';
      return {
        ...base,
        issuedOn: chineseDate(letter.forwardedOn ?? ctx.today),
        rows: [
          { label: '编号', value: letter.serialNumber },
          { label: '收到日期', value: chineseDate(letter.receivedOn) },
          { label: '标题', value: letter.title, wide: true },
          { label: '来信人', value: writer },
          { label: '类别', value: ctx.label('LetterCategory', letter.category) },
          { label: '反映的问题和诉求', value: letter.content ?? '', wide: true },
          { label: '拟办意见', value: [letter.proposedHandling, letter.proposedBy && `（拟办人：${letter.proposedBy}）`].filter(Boolean).join(''), wide: true },
          { label: '领导批示', value: decisionText(letter, ctx), wide: true },
          { label: '主办单位', value: lead },
          { label: '协办单位', value: names(ctx.departments, letter.coHandlerDepartmentIds) || '无' },
          { label: '协调领导', value: nameOf(ctx.leaders, letter.coordinatorLeaderId) || (letter.coHandlerDepartmentIds?.length ? '' : '无') },
          { label: '转办日期', value: letter.forwardedOn ? chineseDate(letter.forwardedOn) : '' },
          { label: '办理时限', value: handle ? `${chineseDate(handle.dueOn)}前${handle.ruleRef ? `（依据：${handle.ruleRef}）` : ''}` : '', wide: true },
        ],
        notes: [
          '请主办单位会同协办单位认真办理，在办理时限内将办理结果书面反馈本机关。',
          '来信人反映的情况和个人信息不得透露给被反映的单位和人员（《信访工作条例》第三十条）。',
        ],
      };
    }
    case 'extension': {
      const handle = dueOf(letter, 'HANDLE');
      return {
        ...base,
        addressee: to,
        issuedOn: chineseDate(letter.deadlineExtensionNotifiedOn ?? ctx.today),
        paragraphs: [
          `${theMatter(letter)}，本机关已依法受理，正在办理。`,
          `因${(letter.deadlineExtensionReason ?? '情况复杂').replace(/[。.]$/, '')}，不能在规定期限内办结，${letter.deadlineExtensionApprovedBy ? `经${letter.deadlineExtensionApprovedBy}批准，` : ''}依照《信访工作条例》第三十四条的规定，办理期限延长${letter.deadlineExtendedDays}日${handle ? `，至${chineseDate(handle.dueOn)}` : ''}。办结后将书面答复您。`,
          '特此告知。',
        ],
        notes,
      };
    }
    case 'reply': {
      const lead = letter.leadDepartmentName || nameOf(ctx.departments, letter.leadDepartmentId);
      const co = names(ctx.departments, letter.coHandlerDepartmentIds);
      const handling = [
        lead ? `本机关受理后，${letter.forwardedOn ? `于${chineseDate(letter.forwardedOn)}` : ''}转${lead}主办${co ? `、${co}协办` : ''}。` : '本机关受理后，依照有关规定进行了办理。',
        letter.handlingResult ? `办理情况：${end(letter.handlingResult)}` : '',
        letter.conclusion && letter.conclusion !== letter.replyContent ? `办结意见：${end(letter.conclusion)}` : '',
      ].join('');
      const outcome = ctx.label('LetterOutcome', letter.outcome);
      return {
        ...base,
        addressee: to,
        issuedOn: chineseDate(letter.repliedOn),
        paragraphs: [`${theMatter(letter)}，本机关已依法受理并办理。现将处理意见答复如下：`],
        sections: [
          { heading: '一、信访事项', text: end(letter.content || letter.title) },
          { heading: '二、调查核实的事实', text: end(letter.investigationFindings || `经${lead ? `${lead}` : '本机关'}调查核实，您反映的情况已查明`) },
          { heading: '三、办理情况', text: handling },
          { heading: '四、处理依据', text: (letter.outcome && OUTCOME_BASIS[letter.outcome]) || '依照《信访工作条例》第三十二条及有关法律、法规、规章的规定办理。' },
          { heading: '五、处理结果', text: [outcome && `${outcome}。`, letter.replyContent && end(letter.replyContent)].filter(Boolean).join('') || '见办理情况。' },
          { heading: '六、复查途径和期限', text: reviewNotice(ctx.higherOffice) },
        ],
        notes,
      };
    }
  }
}

const end = (text: string) => (/[。！？.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}。`);

function decisionText(letter: PrintLetter, ctx: PrintContext): string {
  if (!letter.decision) return '';
  const by = nameOf(ctx.leaders, letter.decidedByLeaderId);
  const sign = [by, letter.decidedOn && chineseDate(letter.decidedOn)].filter(Boolean).join('　');
  return `${letter.decision}${sign ? `（${sign}）` : ''}`;
}

/** The CSS of a printed page: A4 with 20 mm margins, CJK serif, the on-screen buttons left off the paper. */
export const PRINT_CSS = `
@page { size: A4; margin: 20mm; }
html, body { background: #e9e9e9; margin: 0; }
.print-sheet { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 16px auto; padding: 20mm; background: #fff; color: #000;
  font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 12pt; line-height: 1.75; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
.print-bar { position: sticky; top: 0; z-index: 1; display: flex; gap: 8px; justify-content: center; padding: 8px; background: #f5f5f5; border-bottom: 1px solid #ddd; font-family: 'Noto Sans CJK SC', sans-serif; }
.print-bar button, .print-bar a { font: inherit; font-size: 14px; padding: 6px 16px; border-radius: 4px; border: 1px solid #1976d2; cursor: pointer; text-decoration: none; }
.print-bar button { background: #1976d2; color: #fff; }
.print-bar a { background: #fff; color: #1976d2; }
.print-sheet .print-issuer-head { text-align: center; text-indent: 0; font-size: 15pt; letter-spacing: 2px; margin: 0; }
.print-title { text-align: center; font-size: 20pt; font-weight: bold; letter-spacing: 4px; margin: 3mm 0 1mm; }
.print-sheet .print-serial { text-align: right; text-indent: 0; font-size: 11pt; margin: 0 0 4mm; }
.print-sheet p { margin: 0; text-indent: 2em; text-align: justify; }
.print-sheet .print-addressee { text-indent: 0; }
.print-section h3 { font-size: 12pt; margin: 2mm 0 0; font-weight: bold; }
.print-form { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 11pt; line-height: 1.6; }
.print-form th, .print-form td { border: 1px solid #000; padding: 2mm 2.5mm; vertical-align: top; text-align: left; white-space: pre-wrap; word-break: break-all; }
.print-form th { width: 24mm; font-weight: normal; background: #f4f4f4; text-align: center; vertical-align: middle; }
.print-form td.print-tall { height: 20mm; }
.print-sign { break-inside: avoid; margin-top: 8mm; margin-left: auto; width: 75mm; text-align: center; line-height: 1.8; }
.print-seal { color: #777; font-size: 10pt; }
.print-notes { break-inside: avoid; margin-top: 6mm; padding-top: 2mm; border-top: 1px solid #000; font-size: 10pt; line-height: 1.7; }
.print-notes p { text-indent: 0; }
@media print {
  html, body, #root { background: #fff; height: auto !important; min-height: 0 !important; }
  .print-bar { display: none !important; }
  .print-sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
`;
