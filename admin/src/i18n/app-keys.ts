import { MENU_GROUPS, MENU_PAGES } from '../layout/menuGroups';

/**
 * The console's own words beyond the schema, in both languages: menu sections and pages, the letter
 * workflow's steps and the server's error codes. Chinese of the menu comes from menuGroups.ts.
 */

/** `app.pages.<key>` of a custom page: its path without the slash. */
export const pageKey = (path: string) => path.replace(/^\//, '');

/** The steps' Chinese names, as the server's ACTION_LABELS gives them in myActions (a test compares). */
export const ZH_VERBS: Record<string, string> = {
  registerLetter: '登记',
  updateLetter: '修改登记信息',
  setLetterHigherOfficeDeadline: '登记上级机关时限',
  handOverLetter: '移交',
  acceptLetter: '受理',
  declineLetter: '不予受理',
  proposeHandling: '拟办',
  decideLetter: '领导批示',
  forwardLetter: '转办',
  recordHandlingResult: '登记办理结果',
  recordInvestigation: '登记调查核实情况',
  confirmInvestigation: '分管领导签字确认',
  concludeLetter: '办结',
  replyToLetter: '答复来信人',
  approveHigherOfficeReport: '领导审核同意上报',
  reportToHigherOffice: '向上级机关报告办理结果',
  requestReview: '申请复查',
  requestReReview: '申请复核',
  closeLetter: '归档',
  handleLetter: '委员办理',
  escalateLetter: '逐级上报',
  answerOnTheSpot: '当场答复',
  classifyLetter: '梳理分类',
  assignLetter: '签字交办',
  followUpLetter: '协调督办',
  reportResultToStation: '结果反馈联络站',
  extendDeadline: '延长办理期限',
  reopenLetter: '重新办理',
  mergeLetters: '合并重复件',
  convertLetter: '转为提案/社情民意/建议/调研课题',
  voidLetter: '作废',
  escalateAfterRating: '再次不满意，上报领导',
};


/** Every `extensions.code` the server gives (server/src/common/errors.ts, format-error.ts, GraphQL's own). */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'TRANSITION_NOT_ALLOWED',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
] as const;

export const ZH_ERRORS = {
  BAD_USER_INPUT: '输入有误',
  NOT_FOUND: '找不到记录',
  FORBIDDEN: '无权执行此操作',
  UNAUTHENTICATED: '未登录或会话已结束',
  CONFLICT: '与现有记录冲突',
  TRANSITION_NOT_ALLOWED: '当前状态下不能执行此步骤',
  RATE_LIMITED: '尝试过于频繁，请稍后再试',
  INTERNAL_SERVER_ERROR: '服务器内部错误，请稍后重试',
  GRAPHQL_VALIDATION_FAILED: '请求不符合接口定义',
  GRAPHQL_PARSE_FAILED: '请求格式错误',
  // CONFLICT on `version`: the optimistic lock
  VERSION: '记录已被他人修改，请刷新后重试',
  UNKNOWN: '请求失败',
  with_field: '%{error}（字段：%{field}）',
  with_detail: '%{error}：%{detail}',
};






export const ZH_NOTIFICATIONS = {
  mine: '我的通知',
  for_me: '只看发给我的',
  unread_only: '只看未读',
  time: '时间',
  kind: '类别',
  title: '标题',
  body: '内容',
  status: '状态',
  read: '已读',
  unread: '未读',
  none_unread: '没有未读通知。',
  bell: '我的通知，%{count} 条未读',
};

export const ZH_EXPORT = { busy: '正在导出…', failed: '导出失败（%{status}）', network: '导出失败：网络错误，请稍后重试' };

/** One language's words (the English in app-keys.en.ts, loaded with English only). */
export interface AppWords {
  menu: Record<string, string>;
  pages: Record<string, string>;
  verbs: Record<string, string>;
  done: string;
  /** The hint of the reason a forward to a unit the letter names asks for (PV5). */
  confirmNamed: string;
  errors: typeof ZH_ERRORS;
  notifications: typeof ZH_NOTIFICATIONS;
  export: typeof ZH_EXPORT;
}

export const ZH_WORDS: AppWords = {
  menu: Object.fromEntries(MENU_GROUPS.map((g) => [g.id, g.label])),
  pages: Object.fromEntries(MENU_PAGES.map((p) => [pageKey(p.path), p.label])),
  verbs: ZH_VERBS,
  done: '%{label}：已完成',
  confirmNamed: '来信内容提到了所选单位，但未列为涉及（被反映）的单位。确需转其办理的，请填写理由后再次提交，理由记入办理记录',
  errors: ZH_ERRORS,
  notifications: ZH_NOTIFICATIONS,
  export: ZH_EXPORT,
};

/** The `app.*` keys of one language: a menu section or page without a word is left out (the parity test names it). */
export function appKeys(w: AppWords) {
  const menu = Object.fromEntries(MENU_GROUPS.map((g) => [g.id, w.menu[g.id]]).filter(([, v]) => v));
  const pages = Object.fromEntries(MENU_PAGES.map((p) => [pageKey(p.path), w.pages[pageKey(p.path)]]).filter(([, v]) => v));
  return { menu, pages, verbs: { ...w.verbs, done: w.done, confirmNamed: w.confirmNamed }, errors: w.errors, notifications: w.notifications, export: w.export };
}
