/** The registration form's layout (信访登记表, PV1). Pure data: checked against the schema in a test. */
export const REGISTER_SECTIONS = [
  { id: 'matter', title: 'app.letters.sections.matter', fields: ['channel', 'receivedOn', 'title', 'content', 'category', 'urgency', 'isImportant', 'community'] },
  { id: 'writer', title: 'app.letters.sections.writer', fields: ['isAnonymous', 'writerName', 'writerPhone', 'writerIdNumber', 'writerUnit', 'writerAddress', 'writerCount', 'constituentId'] },
  { id: 'involved', title: 'app.letters.sections.involved', fields: ['involvedDepartmentIds', 'involvedPersons'] },
  { id: 'registration', title: 'app.letters.sections.registration', fields: ['organizationId', 'memberId', 'higherOfficeDueOn', 'higherOfficeName'] },
] as const;

/** The fields a channel brings: a mailbox letter's mailbox and opening (MB3), a reception's issue (ST4). */
export const SOURCE_FIELDS: Record<string, readonly string[]> = {
  MAILBOX: ['mailboxId', 'mailboxOpeningId'],
  RECEPTION: ['receptionId'],
};

/** Arguments the form sets itself: the idempotency key, one per opened form, so a resent registration registers once. */
export const FORM_SET_FIELDS = ['idempotencyKey'] as const;

/** A fresh idempotency key (getRandomValues: randomUUID needs a secure context, an office LAN may serve plain http). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `letter-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The states a clerk narrows the register to, in the order a letter passes them (PV2); the rest by search. */
export const SIDEBAR_STATUSES = ['REGISTERED', 'ACCEPTED', 'PROPOSED', 'DECIDED', 'FORWARDED', 'HANDLED', 'CONCLUDED', 'REPLIED', 'REOPENED', 'CLOSED'] as const;
