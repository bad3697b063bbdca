import type { AuthProvider, UserIdentity } from 'react-admin';
import { isAdmin } from './access.js';
import { localizeError } from '../i18n/i18nProvider';

/**
 * Sign-in against the API's own verbs: `login` sets the httpOnly cookie `lianluo_session`, which the
 * browser then sends with every request (`credentials: 'include'`, same origin); the console never
 * sees or stores the token. `me` tells who is signed in (null when nobody is).
 */
export const GRAPHQL_URI = '/graphql';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  organizationId: string;
  memberId?: string | null;
  liaisonStationId?: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
}

/** What a signed-in session must still do before the console opens (the server refuses the rest). */
export type PendingStep = 'CHANGE_PASSWORD' | 'TOTP';

export function pendingSteps(me: Pick<Me, 'roles' | 'mustChangePassword' | 'totpEnabled'>): PendingStep[] {
  const steps: PendingStep[] = [];
  if (me.mustChangePassword) steps.push('CHANGE_PASSWORD');
  // admins must enrol; anyone enrolled gave a code at sign-in, so their session is verified
  if (isAdmin(me.roles) && !me.totpEnabled) steps.push('TOTP');
  return steps;
}

export interface Identity extends UserIdentity {
  username: string;
  roles: string[];
  organizationId: string;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  pending: PendingStep[];
}

/** A GraphQL error as the API gives it: a message, `extensions.code`, and often a reason or field. */
export class ApiError extends Error {
  code?: string;
  reason?: string;
  field?: string;
  constructor(message: string, extensions: Record<string, any> = {}) {
    super(message);
    this.code = extensions.code;
    this.reason = extensions.reason;
    this.field = extensions.field;
  }
}

/** One GraphQL request as JSON POST (passes Apollo's CSRF prevention), with the session cookie. */
export async function graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(GRAPHQL_URI, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body: any;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`HTTP ${res.status}`, { code: res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR' });
  }
  if (body?.errors?.length) throw new ApiError(localizeError(body.errors[0].message, body.errors[0].extensions), body.errors[0].extensions);
  return body.data as T;
}

/** `field：message` → `message` (the form shows the field already). */
export const withoutField = (message: string) => message.replace(/^[A-Za-z.]+：/, '');

const ME = `{ me { id username displayName roles organizationId memberId liaisonStationId mustChangePassword totpEnabled } }`;

// checkAuth, getIdentity and getPermissions all ask `me`; one answer serves the calls of a moment
let cached: { at: number; me: Promise<Me | null> } | null = null;
const CACHE_MS = 2_000;

export function fetchMe(fresh = false): Promise<Me | null> {
  if (!fresh && cached && Date.now() - cached.at < CACHE_MS) return cached.me;
  const me = graphql<{ me: Me | null }>(ME).then((d) => d.me);
  cached = { at: Date.now(), me };
  me.catch(() => {
    cached = null;
  });
  return me;
}

export const forgetMe = () => {
  cached = null;
};

/** The code of an error from the data provider (ra-data-graphql wraps Apollo's error in an HttpError). */
export function errorCode(error: any): string | undefined {
  if (!error) return undefined;
  const gqlErrors = error.body?.graphQLErrors ?? error.graphQLErrors ?? error.body?.errors ?? error.errors;
  const code = Array.isArray(gqlErrors) ? gqlErrors[0]?.extensions?.code : undefined;
  if (code) return code;
  if (error.status === 401 || error.body?.networkError?.statusCode === 401) return 'UNAUTHENTICATED';
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * i18n keys for the sign-in refusals the console explains itself; others (a lock with the time it
 * ends, the rate limit) show the server's message.
 */
const LOGIN_MESSAGES: Record<string, string> = {
  TOTP_REQUIRED: 'app.auth.totp_required',
  TOTP_INVALID: 'app.auth.totp_invalid',
  ACCOUNT_DISABLED: 'app.auth.disabled',
};

export const authProvider: AuthProvider = {
  async login({ username, password, totpCode }: { username: string; password: string; totpCode?: string }) {
    forgetMe();
    try {
      await graphql(
        `mutation ($username: String!, $password: String!, $totpCode: String) {
          login(username: $username, password: $password, totpCode: $totpCode) { mustChangePassword totpRequired }
        }`,
        { username: (username ?? '').trim(), password: password ?? '', totpCode: totpCode?.trim() || null },
      );
    } catch (e) {
      if (e instanceof ApiError) {
        const key = (e.reason ? LOGIN_MESSAGES[e.reason] : undefined) ?? (e.code === 'UNAUTHENTICATED' && !e.reason ? 'app.auth.invalid_credentials' : undefined);
        throw new ApiError(key ?? withoutField(e.message), { code: e.code, reason: e.reason, field: e.field });
      }
      throw e;
    }
    // the session lives in an httpOnly cookie: a browser that did not keep it (a Secure cookie over
    // plain HTTP in production, cookies blocked) would otherwise fall back to this page in silence
    if (!(await fetchMe(true).catch(() => null))) throw new ApiError('app.auth.cookie_refused', { code: 'UNAUTHENTICATED' });
  },

  async logout() {
    forgetMe();
    try {
      await graphql('mutation { logout }');
    } catch {
      // already signed out (expired session): nothing to end
    }
  },

  async checkAuth() {
    const me = await fetchMe().catch(() => null);
    // no notification on the way to the login page: it explains itself
    if (!me) throw { message: false };
  },

  async checkError(error: any) {
    if (errorCode(error) === 'UNAUTHENTICATED') {
      forgetMe();
      throw { message: 'app.auth.session_ended' };
    }
  },

  async getIdentity(): Promise<Identity> {
    const me = await fetchMe();
    if (!me) throw new Error('app.auth.signed_out');
    return {
      id: me.id,
      fullName: me.displayName,
      username: me.username,
      roles: me.roles,
      organizationId: me.organizationId,
      // the member a MEMBER account acts as (the opener of its mailbox, MB3); a station account's station
      memberId: me.memberId ?? null,
      liaisonStationId: me.liaisonStationId ?? null,
      mustChangePassword: me.mustChangePassword,
      totpEnabled: me.totpEnabled,
      pending: pendingSteps(me),
    };
  },

  async getPermissions() {
    const me = await fetchMe().catch(() => null);
    return me?.roles ?? [];
  },
};
