/**
 * The `indicator` table: the national catalog (owner_unit_id NULL) and the
 * provinces' own indicators. Search is a filter on the folded `search_text`
 * with the same whole-word rule as `domain/indicator/search.ts`.
 */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { IndicatorTable } from '../db/schema';
import type { IndicatorKind, Pillar } from '../domain/indicator/indicator';
import type { SearchTerms } from '../domain/indicator/search';
import type { Db } from './db';

export type IndicatorRow = Selectable<IndicatorTable>;
export type NewIndicatorRow = Insertable<IndicatorTable>;
export type IndicatorRowUpdate = Updateable<IndicatorTable>;

export interface IndicatorFilter {
  terms?: SearchTerms;
  pillar?: Pillar;
  kind?: IndicatorKind;
}

// words are [a-z0-9]+ (see searchTerms), so they are safe inside a regular expression
const wordRegex = (word: string, whole: boolean) => `(^|[^a-z0-9])${word}${whole ? '($|[^a-z0-9])' : ''}`;

/** Indicators matching the filter, national ones first in catalog order, then the provinces' by code. */
export async function findIndicators(db: Db, filter: IndicatorFilter = {}): Promise<IndicatorRow[]> {
  let q = db.selectFrom('indicator').selectAll();
  if (filter.pillar) q = q.where('pillar', '=', filter.pillar);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  const terms = filter.terms;
  if (terms?.prefix) {
    for (const w of terms.words) q = q.where(sql<boolean>`search_text ~ ${wordRegex(w, true)}`);
    q = q.where(sql<boolean>`search_text ~ ${wordRegex(terms.prefix, false)}`);
  }
  return q.orderBy(sql`owner_unit_id IS NOT NULL`).orderBy('position').orderBy('code').execute();
}

/** One indicator by its code, or undefined. */
export async function findIndicatorByCode(db: Db, code: string): Promise<IndicatorRow | undefined> {
  return db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();
}

/** How many indicators the catalog holds. */
export async function countIndicators(db: Db): Promise<number> {
  const row = await db
    .selectFrom('indicator')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every row whose code is in the list (for comparing with the shipped catalog). */
export async function findIndicatorsByCodes(db: Db, codes: readonly string[]): Promise<IndicatorRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('indicator').selectAll().where('code', 'in', codes).execute();
}

/** Inserts rows; returns their ids by code. */
export async function insertIndicators(
  db: Db,
  rows: readonly NewIndicatorRow[],
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const inserted = await db
    .insertInto('indicator')
    .values([...rows])
    .returning(['id', 'code'])
    .execute();
  return new Map(inserted.map((r) => [r.code, r.id]));
}

/** Updates one indicator by id. */
export async function updateIndicator(db: Db, id: number, changes: IndicatorRowUpdate): Promise<void> {
  await db.updateTable('indicator').set(changes).where('id', '=', id).execute();
}
