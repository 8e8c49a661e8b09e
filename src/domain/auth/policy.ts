/**
 * Time limits of sign-in: how long a session lives, how long a one-time link
 * stays valid, and how repeated wrong passwords are slowed down. Pure rules;
 * the services apply them to what the database remembers.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Sessions end after this long without a request, and in any case after `absoluteMs`. */
export const sessionPolicy = {
  idleMs: 8 * HOUR,
  absoluteMs: 7 * 24 * HOUR,
  /** `last_seen_at` is written at most this often, so reading pages does not write on every request. */
  touchEveryMs: MINUTE,
} as const;

/** How long one-time links stay valid. */
export const oneTimeTokenTtlMs = {
  bootstrap: 24 * HOUR,
  set_password: 72 * HOUR,
} as const;

/** How long an OpenID Connect sign-in may take between the redirect and the callback. */
export const oidcRequestTtlMs = 10 * MINUTE;

/** Passwords: long enough to resist guessing, short enough to hash. */
export const passwordRules = { minLength: 10, maxLength: 200 } as const;

/** A backoff rule: free failures, then a delay that doubles with each further failure. */
export interface ThrottleRule {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** The delay after the first failure beyond the free ones. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

/**
 * Per account: failures since the last successful sign-in; per address:
 * all failures from it (an office shares one address, so it gets more room).
 */
export const signInThrottle: { account: ThrottleRule; address: ThrottleRule } = {
  account: { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 15 * MINUTE, windowMs: HOUR },
  address: { freeFailures: 20, baseDelayMs: 1000, maxDelayMs: 15 * MINUTE, windowMs: 15 * MINUTE },
};

/**
 * The wait imposed after `failures` failures in a row.
 * @example throttleDelayMs(10, signInThrottle.account) // 32000: 1 s doubled five times
 */
export function throttleDelayMs(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.baseDelayMs * 2 ** (failures - rule.freeFailures), rule.maxDelayMs);
}

/** What the database remembers of recent failures for one account or one address. */
export interface FailureHistory {
  failures: number;
  lastFailureAt: Date | null;
}

/**
 * Milliseconds until the next attempt is allowed (0 = now).
 * @example retryAfterMs({ failures: 10, lastFailureAt: t }, signInThrottle.account, t) // 32000
 */
export function retryAfterMs(history: FailureHistory, rule: ThrottleRule, now: Date): number {
  if (!history.lastFailureAt) return 0;
  const allowedAt = history.lastFailureAt.getTime() + throttleDelayMs(history.failures, rule);
  return Math.max(0, allowedAt - now.getTime());
}

/** True when a session has ended, by idleness or by age. */
export function sessionExpired(
  session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date },
  now: Date,
): boolean {
  const t = now.getTime();
  return t >= session.expiresAt.getTime() || t - session.lastSeenAt.getTime() >= sessionPolicy.idleMs;
}
