/** Access settings, read at call time so operators (and tests) can change them without a rebuild. */
export interface AccessSettings {
  /** Failures of one username from one address before its sign-ins there are delayed. */
  loginMaxFailures: number;
  /** Failures of one username from addresses it never signed in from before those are delayed. */
  loginAccountMaxFailures: number;
  /** The longest delay, in minutes (the delay doubles from 30 s up to this). */
  lockMinutes: number;
  /** Login attempts per IP per window. */
  loginRateLimit: number;
  loginRateWindowSeconds: number;
  /** A session ends after this many idle minutes. */
  sessionIdleMinutes: number;
  /** …and at the latest this many hours after sign-in. */
  sessionMaxHours: number;
  production: boolean;
}

const num = (value: string | undefined, fallback: number, min: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= min ? n : fallback;
};

export function accessSettings(env: NodeJS.ProcessEnv = process.env): AccessSettings {
  return {
    loginMaxFailures: num(env.LOGIN_MAX_FAILURES, 5, 1),
    loginAccountMaxFailures: num(env.LOGIN_ACCOUNT_MAX_FAILURES, 20, 1),
    lockMinutes: num(env.LOGIN_LOCK_MINUTES, 15, 0),
    loginRateLimit: num(env.LOGIN_RATE_LIMIT, 20, 1),
    loginRateWindowSeconds: num(env.LOGIN_RATE_WINDOW_SECONDS, 300, 1),
    sessionIdleMinutes: num(env.SESSION_IDLE_MINUTES, 30, 1),
    sessionMaxHours: num(env.SESSION_MAX_HOURS, 12, 1),
    production: env.NODE_ENV === 'production',
  };
}
