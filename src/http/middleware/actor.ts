/**
 * Finds who is calling: a session cookie or a bearer API token. Until a
 * credential is recognised the caller is anonymous.
 */
import type { Context } from 'hono';
import { type Actor, anonymous } from '../../domain/auth/actor';
import type { AppDeps } from '../deps';

/** Resolves the actor of a request (anonymous when there is no valid credential). */
export async function resolveActor(_c: Context, _deps: AppDeps): Promise<Actor> {
  return anonymous;
}
