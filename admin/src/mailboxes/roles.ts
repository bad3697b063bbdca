/** The roles that record an opening (openMailbox, MB3) and read the yearly register (MB7), as the server's access table. */
export const OPENS_MAILBOXES = ['OFFICE_STAFF', 'MEMBER'] as const;
export const READS_MAILBOX_REGISTER = ['OFFICE_STAFF', 'LEADER', 'STATION_STAFF'] as const;
