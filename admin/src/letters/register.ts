/** The registration form's layout (信访登记表, PV1). Pure data: checked against the schema in a test. */
export const REGISTER_SECTIONS = [
  { id: 'matter', title: '来信事项', fields: ['channel', 'receivedOn', 'title', 'content', 'category', 'urgency', 'isImportant', 'community'] },
  { id: 'writer', title: '来信人', fields: ['isAnonymous', 'writerName', 'writerPhone', 'writerIdNumber', 'writerUnit', 'writerAddress', 'writerCount', 'constituentId'] },
  { id: 'involved', title: '涉及（被反映）的单位和人员', fields: ['involvedDepartmentIds', 'involvedPersons'] },
  { id: 'registration', title: '登记与交办', fields: ['organizationId', 'memberId', 'higherOfficeDueOn', 'higherOfficeName'] },
] as const;

/** The fields a channel brings: a mailbox letter's mailbox and opening (MB3), a reception's issue (ST4). */
export const SOURCE_FIELDS: Record<string, readonly string[]> = {
  MAILBOX: ['mailboxId', 'mailboxOpeningId'],
  RECEPTION: ['receptionId'],
};

/** The states a clerk narrows the register to, in the order a letter passes them (PV2); the rest by search. */
export const SIDEBAR_STATUSES = ['REGISTERED', 'ACCEPTED', 'PROPOSED', 'DECIDED', 'FORWARDED', 'HANDLED', 'CONCLUDED', 'REPLIED', 'REOPENED', 'CLOSED'] as const;
