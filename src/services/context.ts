/**
 * What every use case receives: the database, who is acting, the clock and
 * the language of the messages it may produce.
 */
import type { Actor } from '../domain/auth/actor';
import type { Locale } from '../i18n';
import type { Db } from '../repositories/db';

export interface ServiceContext {
  db: Db;
  actor: Actor;
  now: () => Date;
  locale: Locale;
  /** The client's address, recorded in the audit trail. */
  ip?: string | null;
}

/** A context for start-up work and operator commands. */
export function systemContext(db: Db, actor: Actor, locale: Locale = 'vi'): ServiceContext {
  return { db, actor, now: () => new Date(), locale, ip: null };
}
