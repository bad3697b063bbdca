import { useCallback, useEffect, useState } from 'react';
import { graphql, type ApiError } from '../providers/authProvider';

export { managesSessions, SESSION_ADMINS } from './roles';

/** One session still accepted by the server; the token never leaves it. */
export interface ActiveSession {
  id: string;
  accountId: string;
  username: string;
  displayName: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
}

export const ACTIVE_SESSIONS = `query { activeSessions { id accountId username displayName createdAt lastSeenAt expiresAt ip } }`;
export const REVOKE_SESSIONS = `mutation ($accountId: ID!) { revokeSessions(accountId: $accountId) }`;

/** The sessions now (most recently active first), and `reload` to ask again. */
export function useActiveSessions(): { sessions?: ActiveSession[]; error?: string; reload: () => void } {
  const [state, setState] = useState<{ sessions?: ActiveSession[]; error?: string }>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    graphql<{ activeSessions: ActiveSession[] }>(ACTIVE_SESSIONS).then(
      (d) => live && setState({ sessions: d.activeSessions }),
      (e: ApiError) => live && setState({ error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

/** Ends every session of the account; returns how many ended. */
export async function endSessionsOf(accountId: string): Promise<number> {
  return (await graphql<{ revokeSessions: number }>(REVOKE_SESSIONS, { accountId })).revokeSessions;
}
