import type { AppWords, ZH_ERRORS, ZH_EXPORT, ZH_NOTIFICATIONS } from './app-keys';

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

export const EN_ERRORS: typeof ZH_ERRORS = {
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

export const EN_MENU: Record<string, string> = {
  people: 'Organization and people',
  contact: 'Contact with the public',
  casework: 'Letters and receptions',
  duty: 'Duty performance',
  statistics: 'Statistics',
  system: 'System',
};

export const EN_PAGES: Record<string, string> = {
  concentrated: 'Issues raised by many',
  statistics: 'Satisfaction and resolution rates',
  sessions: 'Active sessions',
  'mailbox-register': 'Member mailbox register',
  'station-compliance': 'Station receptions',
};

export const EN_NOTIFICATIONS: typeof ZH_NOTIFICATIONS = {
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

export const EN_EXPORT: typeof ZH_EXPORT = { busy: 'Exporting…', failed: 'Export failed (%{status})', network: 'Export failed: network error, try again later' };

export const EN_WORDS: AppWords = { menu: EN_MENU, pages: EN_PAGES, verbs: EN_VERBS, done: '%{label}: done', confirmNamed: 'The letter names the chosen unit without listing it as involved (complained about). To forward it anyway, give the reason and submit again; the reason goes into the handling record', errors: EN_ERRORS, notifications: EN_NOTIFICATIONS, export: EN_EXPORT };
