/**
 * Cross-site request forgery defences for cookie sessions:
 * 1. a state-changing request (not GET/HEAD/OPTIONS) authenticated by the
 *    session cookie must carry `X-CSRF-Token` equal to the session's token,
 *    which the web app reads from the `nhipso_csrf` cookie (another site can
 *    neither read that cookie nor set the header);
 * 2. a state-changing request that says it comes from another origin
 *    (`Origin`, `Sec-Fetch-Site`) is refused, even without a session, so a
 *    foreign page cannot sign a browser into an account of its choosing.
 * Bearer-token requests carry no ambient credential and need neither.
 */
import type { Context } from 'hono';
import { AppError } from '../../domain/errors';
import { csrfMatches } from '../../services/auth.service';
import type { AppDeps } from '../deps';
import type { RequestAuth } from './actor';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function allowedOrigins(c: Context, deps: AppDeps): Set<string> {
  const url = new URL(c.req.url);
  const origins = new Set([url.origin]);
  const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
  if (host) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(':', '');
    origins.add(`${proto}://${host}`);
  }
  const hostHeader = c.req.header('host');
  if (hostHeader) origins.add(`${url.protocol}//${hostHeader}`);
  if (deps.publicUrl) {
    try {
      origins.add(new URL(deps.publicUrl).origin);
    } catch {
      // a malformed public URL is reported at start-up; it adds nothing here
    }
  }
  return origins;
}

/** Throws 403 when a state-changing request fails the checks above. */
export function checkCsrf(c: Context, auth: RequestAuth, deps: AppDeps): void {
  if (SAFE.has(c.req.method)) return;
  if (auth.via === 'token') return;
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  if (site === 'cross-site' || (origin && !allowedOrigins(c, deps).has(origin))) {
    throw new AppError('auth.origin_invalid', { status: 403 });
  }
  if (auth.via === 'session' && !csrfMatches(auth.csrfToken ?? '', c.req.header('x-csrf-token'))) {
    throw new AppError('auth.csrf_invalid', { status: 403 });
  }
}
