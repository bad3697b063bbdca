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
