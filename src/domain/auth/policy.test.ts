import { describe, expect, it } from 'vitest';
import { retryAfterMs, sessionExpired, signInThrottle, throttleDelayMs } from './policy';

describe('sign-in backoff', () => {
  it('is free for five failures, then doubles from one second up to fifteen minutes', () => {
    const delays = [0, 4, 5, 6, 10, 14, 15, 30].map((n) => throttleDelayMs(n, signInThrottle.account));
    expect(delays).toEqual([0, 0, 1000, 2000, 32_000, 512_000, 900_000, 900_000]);
  });

  it('counts the wait from the last failure', () => {
    const last = new Date('2025-12-01T00:00:00Z');
    const history = { failures: 10, lastFailureAt: last };
    expect(retryAfterMs(history, signInThrottle.account, new Date(last.getTime() + 2000))).toBe(30_000);
    expect(retryAfterMs(history, signInThrottle.account, new Date(last.getTime() + 40_000))).toBe(0);
    expect(retryAfterMs({ failures: 0, lastFailureAt: null }, signInThrottle.account, last)).toBe(0);
  });

  it('gives a shared office address twenty failures first', () => {
    expect(throttleDelayMs(19, signInThrottle.address)).toBe(0);
    expect(throttleDelayMs(20, signInThrottle.address)).toBe(1000);
  });
});

describe('session expiry', () => {
  const created = new Date('2025-12-01T00:00:00Z');
  const expiresAt = new Date('2025-12-08T00:00:00Z');
  it('ends after eight idle hours', () => {
    const s = { createdAt: created, lastSeenAt: created, expiresAt };
    expect(sessionExpired(s, new Date('2025-12-01T07:59:59Z'))).toBe(false);
    expect(sessionExpired(s, new Date('2025-12-01T08:00:00Z'))).toBe(true);
  });
  it('ends at its absolute expiry however recent the last request', () => {
    const s = { createdAt: created, lastSeenAt: new Date('2025-12-07T23:59:00Z'), expiresAt };
    expect(sessionExpired(s, new Date('2025-12-08T00:00:00Z'))).toBe(true);
  });
});
