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

export const EN_VERBS: Record<string, string> = {
  registerLetter: 'Register',
  updateLetter: 'Edit registration',
  setLetterHigherOfficeDeadline: 'Record higher office deadline',
  handOverLetter: 'Hand over',
  acceptLetter: 'Accept',
  declineLetter: 'Decline',
  proposeHandling: 'Propose handling',
  decideLetter: 'Leader’s instruction',
  forwardLetter: 'Forward',
  recordHandlingResult: 'Record handling result',
  recordInvestigation: 'Record investigation',
  confirmInvestigation: 'Leader signs investigation',
  concludeLetter: 'Conclude',
  replyToLetter: 'Reply to writer',
  approveHigherOfficeReport: 'Approve report to higher office',
  reportToHigherOffice: 'Report result to higher office',
  requestReview: 'Request review',
  requestReReview: 'Request re-review',
  closeLetter: 'File',
  handleLetter: 'Handle (member)',
  escalateLetter: 'Escalate',
  answerOnTheSpot: 'Answer on the spot',
  classifyLetter: 'Classify',
  assignLetter: 'Sign and assign',
  followUpLetter: 'Coordinate and follow up',
  reportResultToStation: 'Report result to station',
  extendDeadline: 'Extend deadline',
  reopenLetter: 'Reopen',
  mergeLetters: 'Merge duplicates',
  convertLetter: 'Convert to proposal / report / suggestion / topic',
  voidLetter: 'Void',
  escalateAfterRating: 'Dissatisfied again: escalate to leader',
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

const ZH_ERRORS = {
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

const EN_ERRORS: typeof ZH_ERRORS = {
  BAD_USER_INPUT: 'Invalid input',
  NOT_FOUND: 'Record not found',
  FORBIDDEN: 'You may not do this',
  UNAUTHENTICATED: 'Not signed in, or the session has ended',
  CONFLICT: 'Conflicts with an existing record',
  TRANSITION_NOT_ALLOWED: 'This step is not allowed in the letter’s current state',
  RATE_LIMITED: 'Too many attempts; try again later',
  INTERNAL_SERVER_ERROR: 'Internal server error; try again later',
  GRAPHQL_VALIDATION_FAILED: 'The request does not match the API',
  GRAPHQL_PARSE_FAILED: 'Malformed request',
  VERSION: 'Someone else changed this record; reload and try again',
  UNKNOWN: 'The request failed',
  with_field: '%{error} (field: %{field})',
  with_detail: '%{error}: %{detail}',
};

const EN_MENU: Record<string, string> = {
  people: 'Organization and people',
  contact: 'Contact with the public',
  casework: 'Letters and receptions',
  duty: 'Duty performance',
  statistics: 'Statistics',
  system: 'System',
};

const EN_PAGES: Record<string, string> = {
  concentrated: 'Issues raised by many',
  statistics: 'Satisfaction and resolution rates',
  sessions: 'Active sessions',
  'mailbox-register': 'Member mailbox register',
  'station-compliance': 'Station receptions',
};

/** 我的通知: the inbox page and the app bar's bell. */
const ZH_NOTIFICATIONS = {
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
const EN_NOTIFICATIONS: typeof ZH_NOTIFICATIONS = {
  mine: 'My notifications',
  for_me: 'Only those for me',
  unread_only: 'Only unread',
  time: 'Time',
  kind: 'Kind',
  title: 'Title',
  body: 'Text',
  status: 'Status',
  read: 'Read',
  unread: 'Unread',
  none_unread: 'No unread notifications.',
  bell: 'My notifications, %{count} unread',
};

const ZH_EXPORT = { busy: '正在导出…', failed: '导出失败（%{status}）', network: '导出失败：网络错误，请稍后重试' };
const EN_EXPORT: typeof ZH_EXPORT = { busy: 'Exporting…', failed: 'Export failed (%{status})', network: 'Export failed: network error, try again later' };

export function appKeys(locale: 'zh-CN' | 'en') {
  const zh = locale === 'zh-CN';
  const menu = Object.fromEntries(MENU_GROUPS.map((g) => [g.id, zh ? g.label : EN_MENU[g.id]]).filter(([, v]) => v));
  const pages = Object.fromEntries(MENU_PAGES.map((p) => [pageKey(p.path), zh ? p.label : EN_PAGES[pageKey(p.path)]]).filter(([, v]) => v));
  const verbs = { ...(zh ? ZH_VERBS : EN_VERBS), done: zh ? '%{label}：已完成' : '%{label}: done' };
  return { menu, pages, verbs, errors: zh ? ZH_ERRORS : EN_ERRORS, notifications: zh ? ZH_NOTIFICATIONS : EN_NOTIFICATIONS, export: zh ? ZH_EXPORT : EN_EXPORT };
}
