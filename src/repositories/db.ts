/**
 * The database type repositories and services share, and the transaction
 * helper services use (a use case is one transaction).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the pool or an open transaction: repositories accept both. */
export type Executor = Kysely<Database>;

/**
 * Runs `fn` in a transaction; nested calls join the outer transaction.
 * (PGlite has a single connection: code inside a transaction must use `trx`.)
 */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx) => fn(trx));
}
