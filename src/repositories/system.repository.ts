import { sql } from 'kysely';
import type { Db } from './db';

/** A trivial round trip to the database. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
