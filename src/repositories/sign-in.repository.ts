/**
 * Sign-in attempts, kept in the database so that the backoff survives a
 * restart and holds across several app processes.
 */
import { sql } from 'kysely';
import type { FailureHistory } from '../domain/auth/policy';
import type { Db } from './db';

export async function recordSignInAttempt(
  db: Db,
  a: { email: string; ip: string; succeeded: boolean; at: Date },
): Promise<void> {
  await db.insertInto('signInAttempt').values(a).execute();
}

/** Failures for an account since its last success, within the window. */
export async function accountFailures(db: Db, email: string, since: Date): Promise<FailureHistory> {
  const r = await sql<{ n: number; last: Date | string | null }>`
    SELECT count(*)::int AS n, max(at) AS last FROM sign_in_attempt
    WHERE email = ${email} AND NOT succeeded AND at > ${since}
      AND at > coalesce((SELECT max(at) FROM sign_in_attempt WHERE email = ${email} AND succeeded), '-infinity')`.execute(
    db,
  );
  return toHistory(r.rows[0]);
}

/** Failures from an address within the window, whatever the account. */
export async function addressFailures(db: Db, ip: string, since: Date): Promise<FailureHistory> {
  const r = await sql<{ n: number; last: Date | string | null }>`
    SELECT count(*)::int AS n, max(at) AS last FROM sign_in_attempt
    WHERE ip = ${ip} AND NOT succeeded AND at > ${since}`.execute(db);
  return toHistory(r.rows[0]);
}

function toHistory(row: { n: number; last: Date | string | null } | undefined): FailureHistory {
  if (!row?.last) return { failures: 0, lastFailureAt: null };
  return { failures: Number(row.n), lastFailureAt: row.last instanceof Date ? row.last : new Date(row.last) };
}

/** Forgets attempts older than `before`. */
export async function deleteSignInAttemptsBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('signInAttempt').where('at', '<', before).execute();
}
