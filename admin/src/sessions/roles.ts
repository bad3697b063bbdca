/** Who sees 在线会话 and ends sessions: the server's OPERATIONS.activeSessions (session-list.test.ts checks). */
export const SESSION_ADMINS: readonly string[] = ['SYSTEM_ADMIN', 'SECURITY_ADMIN'];

export const managesSessions = (permissions: unknown) => Array.isArray(permissions) && permissions.some((r) => SESSION_ADMINS.includes(r));
