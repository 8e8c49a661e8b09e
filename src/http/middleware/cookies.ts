/**
 * The cookies of a session: `nhipso_session` (httpOnly, the secret) and
 * `nhipso_csrf` (readable by the web app, echoed in `X-CSRF-Token`). Both
 * SameSite=Lax, Secure when the request came over HTTPS (directly or through
 * a proxy that says so in X-Forwarded-Proto). They are browser-session
 * cookies: closing the browser ends them; the server ends idle and old
 * sessions on its own.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'nhipso_session';
export const CSRF_COOKIE = 'nhipso_csrf';
/** Binds an OpenID Connect sign-in to the browser that started it. */
export const OIDC_COOKIE = 'nhipso_oidc';
const OIDC_PATH = '/api/auth/oidc';

/** True when the client reached us over HTTPS. */
export function isHttps(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === 'https';
  return new URL(c.req.url).protocol === 'https:';
}

/** Sets the two cookies of a new session. */
export function setSessionCookies(c: Context, session: { token: string; csrfToken: string }): void {
  const secure = isHttps(c);
  setCookie(c, SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'Lax', secure });
  setCookie(c, CSRF_COOKIE, session.csrfToken, { path: '/', httpOnly: false, sameSite: 'Lax', secure });
  c.header('Cache-Control', 'no-store');
}

/** Removes the session cookies (sign-out, or a session that ended). */
export function clearSessionCookies(c: Context): void {
  const secure = isHttps(c);
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure });
  deleteCookie(c, CSRF_COOKIE, { path: '/', sameSite: 'Lax', secure });
}

/** The short-lived cookie carrying the state of an OpenID Connect sign-in. */
export function setOidcCookie(c: Context, state: string, maxAgeSeconds: number): void {
  setCookie(c, OIDC_COOKIE, state, {
    path: OIDC_PATH,
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    maxAge: maxAgeSeconds,
  });
}

export function clearOidcCookie(c: Context): void {
  deleteCookie(c, OIDC_COOKIE, { path: OIDC_PATH, httpOnly: true, sameSite: 'Lax', secure: isHttps(c) });
}
