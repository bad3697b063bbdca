/** The roles that record a reception with its issues (recordReception, ST4) and read station compliance (ST1, ST2), as the server's access table. */
export const RECORDS_RECEPTIONS = ['STATION_STAFF', 'OFFICE_STAFF'] as const;
export const READS_COMPLIANCE = ['OFFICE_STAFF', 'LEADER', 'STATION_STAFF'] as const;
