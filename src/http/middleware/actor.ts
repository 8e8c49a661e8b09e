/**
 * Finds who is calling: `Authorization: Bearer nhs_…` (an API token) or the
 * `nhipso_session` cookie (a person). No credential means anonymous; a bad
 * bearer token is refused outright (a machine should hear that its token is
 * wrong), while an ended session simply makes the browser anonymous again.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { type Actor, anonymous } from '../../domain/auth/actor';
import { AppError } from '../../domain/errors';
import { resolveApiToken, resolveSession } from '../../services/auth.service';
import type { AppDeps } from '../deps';
import { SESSION_COOKIE } from './cookies';

/** Who is calling and how they proved it. */
export interface RequestAuth {
  actor: Actor;
  via: 'anonymous' | 'session' | 'token';
  /** The session's id (SHA-256 of the cookie), for "this session" in lists and sign-out. */
  sessionId: string | null;
  /** The secret of the session cookie, when one was sent. */
  sessionToken: string | null;
  /** What `X-CSRF-Token` must say on a state-changing request authenticated by the cookie. */
  csrfToken: string | null;
  /** A session cookie was sent but its session has ended: the response clears it. */
  staleCookie: boolean;
}

/** Authenticates a request. */
export async function authenticate(c: Context, deps: AppDeps, now: Date): Promise<RequestAuth> {
  const authorization = c.req.header('authorization');
  if (authorization) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m?.[1]) throw new AppError('auth.token_invalid', { status: 401 });
    const actor = await resolveApiToken(deps.db, m[1], now);
    return { actor, via: 'token', sessionId: null, sessionToken: null, csrfToken: null, staleCookie: false };
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const session = await resolveSession(deps.db, token, now);
    if (session) {
      return {
        actor: session.actor,
        via: 'session',
        sessionId: session.sessionId,
        sessionToken: token,
        csrfToken: session.csrfToken,
        staleCookie: false,
      };
    }
  }
  return {
    actor: anonymous,
    via: 'anonymous',
    sessionId: null,
    sessionToken: null,
    csrfToken: null,
    staleCookie: !!token,
  };
}

/** Resolves the actor of a request (anonymous when there is no valid credential). */
export async function resolveActor(c: Context, deps: AppDeps): Promise<Actor> {
  return (await authenticate(c, deps, (deps.now ?? (() => new Date()))())).actor;
}
