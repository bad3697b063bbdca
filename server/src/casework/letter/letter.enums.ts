import { registerEnumType } from 'type-graphql';

export enum LetterChannel {
  MAILBOX = 'MAILBOX',
  POST = 'POST',
  VISIT = 'VISIT',
  PHONE = 'PHONE',
  ONLINE = 'ONLINE',
  RECEPTION = 'RECEPTION',
  CONTACT_VISIT = 'CONTACT_VISIT',
  REFERRED = 'REFERRED',
}
registerEnumType(LetterChannel, {
  name: 'LetterChannel',
  description: '来信来访渠道',
  valuesConfig: {
    MAILBOX: { description: '委员信箱' },
    POST: { description: '来信（邮寄、递交）' },
    VISIT: { description: '来访' },
    PHONE: { description: '来电' },
    ONLINE: { description: '网上来信' },
    RECEPTION: { description: '代表接待活动' },
    CONTACT_VISIT: { description: '联系走访中反映' },
    REFERRED: { description: '上级或他处转来' },
  },
});

export enum LetterStatus {
  REGISTERED = 'REGISTERED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  PROPOSED = 'PROPOSED',
  DECIDED = 'DECIDED',
  FORWARDED = 'FORWARDED',
  HANDLED = 'HANDLED',
  CONCLUDED = 'CONCLUDED',
  REPLIED = 'REPLIED',
  CLOSED = 'CLOSED',
  ESCALATED = 'ESCALATED',
  REOPENED = 'REOPENED',
  MERGED = 'MERGED',
  VOIDED = 'VOIDED',
  // issue 5: the steps the three flows need beyond the first list (letter.workflow.ts)
  INVESTIGATED = 'INVESTIGATED',
  REVIEWING = 'REVIEWING',
  REVIEWED = 'REVIEWED',
  RE_REVIEWING = 'RE_REVIEWING',
  RE_REVIEWED = 'RE_REVIEWED',
  CLASSIFIED = 'CLASSIFIED',
  ASSIGNED = 'ASSIGNED',
  CONVERTED = 'CONVERTED',
}
registerEnumType(LetterStatus, {
  name: 'LetterStatus',
  description: '办理状态',
  valuesConfig: {
    REGISTERED: { description: '已登记' },
    ACCEPTED: { description: '已受理' },
    DECLINED: { description: '不予受理' },
    PROPOSED: { description: '已拟办' },
    DECIDED: { description: '已批示' },
    FORWARDED: { description: '已转办' },
    HANDLED: { description: '已办理' },
    CONCLUDED: { description: '已办结' },
    REPLIED: { description: '已答复' },
    CLOSED: { description: '已归档' },
    ESCALATED: { description: '已上报' },
    REOPENED: { description: '重新办理' },
    MERGED: { description: '已合并' },
    VOIDED: { description: '已作废' },
    INVESTIGATED: { description: '已调查核实' },
    REVIEWING: { description: '复查中' },
    REVIEWED: { description: '已复查答复' },
    RE_REVIEWING: { description: '复核中' },
    RE_REVIEWED: { description: '已复核答复（不再受理）' },
    CLASSIFIED: { description: '已梳理分类' },
    ASSIGNED: { description: '已签字交办' },
    CONVERTED: { description: '已转为提案/社情民意/建议/调研课题' },
  },
});

export enum LetterCategory {
  CONSULTATION = 'CONSULTATION',
  SUGGESTION = 'SUGGESTION',
  COMPLAINT = 'COMPLAINT',
  REQUEST = 'REQUEST',
  REPORT = 'REPORT',
  OTHER = 'OTHER',
}
registerEnumType(LetterCategory, {
  name: 'LetterCategory',
  description: '来信类别',
  valuesConfig: {
    CONSULTATION: { description: '咨询' },
    SUGGESTION: { description: '建议' },
    COMPLAINT: { description: '投诉' },
    REQUEST: { description: '申诉求决' },
    REPORT: { description: '检举' },
    OTHER: { description: '其他' },
  },
});

export enum Urgency {
  NORMAL = 'NORMAL',
  URGENT = 'URGENT',
}
registerEnumType(Urgency, {
  name: 'Urgency',
  description: '缓急程度（PV6）',
  valuesConfig: { NORMAL: { description: '一般' }, URGENT: { description: '紧急' } },
});

/** 办结结果 (concludeLetter). */
export enum LetterOutcome {
  RESOLVED = 'RESOLVED',
  EXPLAINED = 'EXPLAINED',
  NOT_RESOLVABLE = 'NOT_RESOLVABLE',
}
registerEnumType(LetterOutcome, {
  name: 'LetterOutcome',
  description: '办结结果',
  valuesConfig: {
    RESOLVED: { description: '已解决' },
    EXPLAINED: { description: '已解释说明' },
    NOT_RESOLVABLE: { description: '暂不能解决' },
  },
});

/** How the writer was told (replyToLetter, answerOnTheSpot). */
export enum ReplyMethod {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  WRITTEN = 'WRITTEN',
  SMS = 'SMS',
  ONLINE = 'ONLINE',
}
registerEnumType(ReplyMethod, {
  name: 'ReplyMethod',
  description: '答复方式',
  valuesConfig: {
    IN_PERSON: { description: '当面答复' },
    PHONE: { description: '电话答复' },
    WRITTEN: { description: '书面答复' },
    SMS: { description: '短信答复' },
    ONLINE: { description: '网上答复（查询码可见）' },
  },
});

/** The mailbox escalation ladder (MB4): the member → the group → the county office → the city office. */
export enum EscalationLevel {
  MEMBER = 'MEMBER',
  LIAISON_GROUP = 'LIAISON_GROUP',
  COUNTY_OFFICE = 'COUNTY_OFFICE',
  CITY_OFFICE = 'CITY_OFFICE',
}
registerEnumType(EscalationLevel, {
  name: 'EscalationLevel',
  description: '信箱来信办理层级（MB4）',
  valuesConfig: {
    MEMBER: { description: '委员自行办理' },
    LIAISON_GROUP: { description: '委员活动小组（联络组）集体办理' },
    COUNTY_OFFICE: { description: '县（市、区）政协研究办理' },
    CITY_OFFICE: { description: '市政协研究决定' },
  },
});

/** What a letter was turned into (MB6, CT5, ST5). */
export enum LetterConversion {
  PROPOSAL = 'PROPOSAL',
  OPINION_REPORT = 'OPINION_REPORT',
  SUGGESTION = 'SUGGESTION',
  RESEARCH_TOPIC = 'RESEARCH_TOPIC',
}
registerEnumType(LetterConversion, {
  name: 'LetterConversion',
  description: '来信转化去向（MB6）',
  valuesConfig: {
    PROPOSAL: { description: '提案（报提案委）' },
    OPINION_REPORT: { description: '社情民意信息（报研究室）' },
    SUGGESTION: { description: '代表建议（ST5）' },
    RESEARCH_TOPIC: { description: '小组调研课题' },
  },
});
