import { daysFrom } from '../letters/deadlines';
import { zhT, type Translate } from '../i18n/translate';

/**
 * The member mailboxes as their lead members and the office work them (MB1–MB3, MB7). Pure:
 * unit-tested in test/admin/mailboxes.test.ts.
 */
export interface MailboxValue {
  id: string;
  name: string;
  leadMemberId: string;
  leadMemberName?: string | null;
  rotationMemberIds: string[];
  liaisonGroupId?: string | null;
  lastOpenedOn?: string | null;
  openingDueOn: string;
}

/** 超期 5 天未开启 / 今天应开启 / 3 天后应开启 (MB2), red once passed. */
export function openingState(m: Pick<MailboxValue, 'openingDueOn'>, today: string, t: Translate = zhT): { text: string; tone: 'error' | 'warning' | 'default'; overdue: boolean } {
  const days = daysFrom(today, m.openingDueOn);
  if (days < 0) return { text: t('app.mailboxes.state.overdue', { smart_count: -days }), tone: 'error', overdue: true };
  if (days === 0) return { text: t('app.mailboxes.state.today'), tone: 'warning', overdue: false };
  return { text: t('app.mailboxes.state.in_days', { smart_count: days }), tone: days <= 3 ? 'warning' : 'default', overdue: false };
}

/** Anyone but the lead or a rotation member opens as a substitute, approved by the group leader (MB2). */
export function isSubstitute(m: Pick<MailboxValue, 'leadMemberId' | 'rotationMemberIds'>, openerId: string | null | undefined): boolean {
  if (!openerId) return false;
  return String(openerId) !== String(m.leadMemberId) && !m.rotationMemberIds.map(String).includes(String(openerId));
}

export interface FoundLetter {
  title?: string;
  content?: string;
  isAnonymous?: boolean;
  writerName?: string;
  writerPhone?: string;
  writerAddress?: string;
}

export interface OpeningValues {
  openedOn: string;
  openedByMemberId: string;
  /** the group leader's approval was given (asked only of a substitute) */
  approved?: boolean;
  notes?: string;
  letters?: FoundLetter[];
}

const blank = (v?: string | null) => (v?.trim() ? v.trim() : null);

/** The openMailbox variables of the form: each letter as typed, an anonymous one without identity (PR4). */
export function openingVariables(m: MailboxValue, values: OpeningValues, groupLeaderId: string | null | undefined) {
  const letters = (values.letters ?? []).map((l) => {
    const anonymous = !!l.isAnonymous;
    return {
      title: l.title?.trim() ?? '',
      content: l.content?.trim() ?? '',
      isAnonymous: anonymous,
      writerName: anonymous ? null : blank(l.writerName),
      writerPhone: anonymous ? null : blank(l.writerPhone),
      writerAddress: anonymous ? null : blank(l.writerAddress),
    };
  });
  const substitute = isSubstitute(m, values.openedByMemberId);
  return {
    mailboxId: m.id,
    openedOn: values.openedOn,
    openedByMemberId: values.openedByMemberId,
    approvedByMemberId: substitute && values.approved && groupLeaderId ? groupLeaderId : null,
    letterCount: letters.length,
    notes: blank(values.notes) ?? (letters.length ? `开启信箱，收到来信 ${letters.length} 封` : '开启信箱，无来信'),
    letters,
  };
}

export const OPEN_MAILBOX = `
  mutation ($mailboxId: ID!, $openedOn: LocalDate!, $openedByMemberId: ID!, $approvedByMemberId: ID, $letterCount: Int!, $notes: String, $letters: [MailboxLetterInput!]) {
    openMailbox(mailboxId: $mailboxId, openedOn: $openedOn, openedByMemberId: $openedByMemberId, approvedByMemberId: $approvedByMemberId, letterCount: $letterCount, notes: $notes, letters: $letters) { id letterCount }
  }
`;

export const OPENING_LETTERS = `query ($o: ID) { allLetters(filter: { mailboxOpeningId: $o }, sortField: "id", sortOrder: "ASC") { id serialNumber } }`;

/** What the member reads once saved: 已开启，登记来信 2 封：CN-2026-000123、CN-2026-000124. */
export function openedText(serialNumbers: string[], t: Translate = zhT): string {
  return serialNumbers.length
    ? t('app.mailboxes.opened', { smart_count: serialNumbers.length, serials: serialNumbers.join(t('app.list_separator', { _: '、' })) })
    : t('app.mailboxes.opened_none');
}

export const MAILBOX_REGISTER = `
  query ($bodyId: ID!, $year: Int!) {
    mailboxRegisterStatistics(bodyId: $bodyId, year: $year) {
      bodyName year
      rows { liaisonGroupId liaisonGroupName mailboxCount openingCount lettersFound registered handled reported fedBack fedBackOnTime }
      total { liaisonGroupName mailboxCount openingCount lettersFound registered handled reported fedBack fedBackOnTime }
    }
  }
`;

/** The register's columns (MB7), in the order of the report to the city office. */
export const REGISTER_COLUMNS = [
  'mailboxCount',
  'openingCount',
  'lettersFound',
  'registered',
  'handled',
  'reported',
  'fedBack',
  'fedBackOnTime',
] as const;

/** The register's download (server-built, MB7): GET /export/mailbox-register.xlsx?bodyId=&year=. */
export const registerXlsxUrl = (bodyId: string, year: number) => `/export/mailbox-register.xlsx?bodyId=${encodeURIComponent(bodyId)}&year=${year}`;
