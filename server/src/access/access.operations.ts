import { CASEWORK_ROLES, Role } from '../platform/account/role.js';

/**
 * Who may call each operation that is not part of a resource's CRUD grammar (those are in
 * access.table.ts). Checked for every root field before its resolver runs (access.middleware.ts);
 * the records an operation touches are checked against the caller's scope by its service
 * (`assertReach`). An operation missing here is refused, and the permission-matrix test fails.
 *
 * - `PUBLIC`: anyone, signed in or not (login, the online station's public operations)
 * - `SESSION`: any signed-in account, even one that must still change its password or enrol TOTP
 * - a list of roles: a full session holding one of them
 */
export type OperationAccess = 'PUBLIC' | 'SESSION' | readonly Role[];

const { OFFICE_STAFF, LEADER, MEMBER, COMMITTEE_STAFF, STATION_STAFF, DEPARTMENT_HANDLER, SYSTEM_ADMIN, SECURITY_ADMIN } = Role;
const ACCOUNT_ADMINS = [SYSTEM_ADMIN, SECURITY_ADMIN] as const;

export const OPERATIONS: Record<string, OperationAccess> = {
  // sessions
  login: 'PUBLIC',
  // answers null without a session (the console asks it to decide whether to show the login page)
  me: 'PUBLIC',
  logout: 'SESSION',
  changePassword: 'SESSION',
  beginTotpEnrollment: 'SESSION',
  confirmTotpEnrollment: 'SESSION',
  // account administration (三员: system and security administrators)
  createAccount: ACCOUNT_ADMINS,
  updateAccount: ACCOUNT_ADMINS,
  resetAccountPassword: ACCOUNT_ADMINS,
  unlockAccount: ACCOUNT_ADMINS,
  revokeSessions: ACCOUNT_ADMINS,
  // 等保 会话管理: who is signed in, for the administrators who end sessions (the accounts they read)
  activeSessions: ACCOUNT_ADMINS,
  // casework verbs
  registerLetter: [OFFICE_STAFF, STATION_STAFF, MEMBER],
  createLetter: [OFFICE_STAFF, STATION_STAFF, MEMBER],
  // descriptive fields; handlers and leaders act on letters through the workflow verbs
  updateLetter: [OFFICE_STAFF, STATION_STAFF, MEMBER],
  openMailbox: [OFFICE_STAFF, MEMBER],
  recordAttendance: [OFFICE_STAFF, STATION_STAFF, COMMITTEE_STAFF],
  markNotificationRead: CASEWORK_ROLES,
  // PR1: full personal data only for the roles that work with the person
  revealConstituent: [OFFICE_STAFF, MEMBER, COMMITTEE_STAFF],
  revealLetterWriter: [OFFICE_STAFF, MEMBER, STATION_STAFF],
  // PR2: the office decides whether a handler may know who wrote
  discloseLetterWriter: [OFFICE_STAFF],
  // duty performance
  computePerformanceScores: [OFFICE_STAFF],
  installDefaultScoringRules: [OFFICE_STAFF],
  // deadlines and mailbox register (issue 5)
  // the letters' readers (access.table.ts Letter); the lists keep to the caller's reach (PR3)
  overdueLetters: [OFFICE_STAFF, LEADER, MEMBER, STATION_STAFF, DEPARTMENT_HANDLER],
  _overdueLettersMeta: [OFFICE_STAFF, LEADER, MEMBER, STATION_STAFF, DEPARTMENT_HANDLER],
  lettersDueWithin: [OFFICE_STAFF, LEADER, MEMBER, STATION_STAFF, DEPARTMENT_HANDLER],
  _lettersDueWithinMeta: [OFFICE_STAFF, LEADER, MEMBER, STATION_STAFF, DEPARTMENT_HANDLER],
  // DL2: everyone who sees deadlines may see that they are provisional
  calendarYearsMissing: CASEWORK_ROLES,
  // PV3: the office registers a higher office's deadline
  setLetterHigherOfficeDeadline: [OFFICE_STAFF],
  // MB2: the mailboxes' readers (access.table.ts Mailbox)
  // DL2: the office keeps the working calendar (issue 12 item 9)
  calendarStatus: [OFFICE_STAFF],
  overdueMailboxes: [OFFICE_STAFF, LEADER, MEMBER, STATION_STAFF],
  _overdueMailboxesMeta: [OFFICE_STAFF, LEADER, MEMBER, STATION_STAFF],
  // MB7: the register is kept by the groups' staff and read by the office and leaders (also GET /export/mailbox-register.xlsx)
  mailboxRegisterStatistics: [OFFICE_STAFF, LEADER, STATION_STAFF],
  // letter workflow (issue 5): the union of the roles of each verb's rows in letter.workflow.ts
  // (letter.workflow.test.ts checks they agree); the service applies the row of the letter's flow
  acceptLetter: [OFFICE_STAFF],
  declineLetter: [OFFICE_STAFF],
  proposeHandling: [OFFICE_STAFF],
  decideLetter: [LEADER],
  forwardLetter: [OFFICE_STAFF, STATION_STAFF],
  recordHandlingResult: [OFFICE_STAFF, DEPARTMENT_HANDLER],
  recordInvestigation: [OFFICE_STAFF, DEPARTMENT_HANDLER],
  confirmInvestigation: [LEADER],
  concludeLetter: [OFFICE_STAFF, MEMBER, STATION_STAFF],
  replyToLetter: [OFFICE_STAFF, MEMBER, STATION_STAFF],
  // PV2: the office reports the result to the higher office that referred the letter
  reportToHigherOffice: [OFFICE_STAFF],
  // PV2 (003 §三.4): a leader reviews and approves the report before it goes up
  approveHigherOfficeReport: [LEADER],
  // PV4: the owner hands a letter on (the office any letter in its reach)
  handOverLetter: [OFFICE_STAFF, MEMBER, STATION_STAFF],
  // PV4: the hand-over's picker, for whoever may hand over
  handOverCandidates: [OFFICE_STAFF, MEMBER, STATION_STAFF],
  requestReview: [OFFICE_STAFF],
  requestReReview: [OFFICE_STAFF],
  closeLetter: [OFFICE_STAFF, MEMBER, STATION_STAFF],
  handleLetter: [MEMBER, STATION_STAFF, OFFICE_STAFF],
  escalateLetter: [MEMBER, STATION_STAFF, OFFICE_STAFF],
  answerOnTheSpot: [STATION_STAFF],
  classifyLetter: [STATION_STAFF],
  assignLetter: [STATION_STAFF],
  followUpLetter: [STATION_STAFF],
  reportResultToStation: [STATION_STAFF, DEPARTMENT_HANDLER],
  extendDeadline: [LEADER],
  reopenLetter: [OFFICE_STAFF, MEMBER, STATION_STAFF],
  mergeLetters: [OFFICE_STAFF, MEMBER, STATION_STAFF],
  convertLetter: [OFFICE_STAFF, MEMBER, STATION_STAFF],
  voidLetter: [OFFICE_STAFF, STATION_STAFF],
  // PV6: the leaders' list of urgent letters (and the office that prepares it)
  urgentLetters: [LEADER, OFFICE_STAFF],
  // receptions, satisfaction, concentrated issues (issue 5)
  // ST4, ST5: the station records what voters raise; the office may record for it
  recordReceptionIssue: [STATION_STAFF, OFFICE_STAFF],
  recordReception: [STATION_STAFF, OFFICE_STAFF],
  // ST1, ST2: compliance lists for the office and leaders (stations see their own)
  stationsWithoutRecentReception: [OFFICE_STAFF, LEADER, STATION_STAFF],
  deputiesWithoutReceptionThisYear: [OFFICE_STAFF, LEADER, STATION_STAFF],
  stationsWithTooFewDeputies: [OFFICE_STAFF, LEADER, STATION_STAFF],
  // SV1: staff record a rating of a letter (the office's satisfaction surveys) or a reception (also the station's)
  rateLetter: [OFFICE_STAFF, STATION_STAFF],
  rateReception: [OFFICE_STAFF, STATION_STAFF],
  // SV1: the writer, without signing in, with the letter's tracking code (rate-limited per IP)
  rateLetterByTrackingCode: 'PUBLIC',
  // SV3: headline figures for leaders and the office
  satisfactionRates: [LEADER, OFFICE_STAFF],
  // 000 §4: letters on the same matter from one community, for collective handling
  concentratedIssues: [OFFICE_STAFF, LEADER, STATION_STAFF, MEMBER],
};

