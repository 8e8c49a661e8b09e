/**
 * Imported unit lists (dated snapshots and lineage lists) and the batch
 * writes that turn them into unit rows and lineage links.
 */
import { sql } from 'kysely';
import type { LineageEntry, SnapshotEntry, SnapshotLayout, UnitSnapshot } from '../domain/unit/reconcile';
import type { AdministrativeKind } from '../domain/unit/unit';
import type { Db } from './db';
import type { UnitRecord } from './unit.repository';

/** The layouts stored in unit_list. */
export type StoredLayout = SnapshotLayout | 'lineage';

/** Names of lists the product ships start with this prefix. */
export const BUILTIN_PREFIX = 'builtin:';

export interface UnitListRecord {
  id: number;
  layout: StoredLayout;
  effectiveOn: string | null;
  fileName: string;
  sha256: string;
  rowCount: number;
  importedAt: Date;
  importedBy: number | null;
}

/** Every stored list, newest import first. */
export async function listUnitLists(db: Db): Promise<UnitListRecord[]> {
  return db
    .selectFrom('unitList')
    .select(['id', 'layout', 'effectiveOn', 'fileName', 'sha256', 'rowCount', 'importedAt', 'importedBy'])
    .orderBy('id', 'desc')
    .execute();
}

/** Lists of a layout describing the same date (`null` = since before our records). */
export async function findListsAt(
  db: Db,
  layout: StoredLayout,
  effectiveOn: string | null,
): Promise<UnitListRecord[]> {
  let q = db
    .selectFrom('unitList')
    .select(['id', 'layout', 'effectiveOn', 'fileName', 'sha256', 'rowCount', 'importedAt', 'importedBy'])
    .where('layout', '=', layout);
  q = effectiveOn === null ? q.where('effectiveOn', 'is', null) : q.where('effectiveOn', '=', effectiveOn);
  return q.orderBy('id').execute();
}

/** Deletes lists with their entries and links. */
export async function deleteLists(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('unitList').where('id', 'in', ids).execute();
}

/** Stores a list's header; returns its id. */
export async function insertList(
  db: Db,
  list: {
    layout: StoredLayout;
    effectiveOn: string | null;
    fileName: string;
    sha256: string;
    rowCount: number;
    importedBy: number | null;
  },
): Promise<number> {
  const row = await db.insertInto('unitList').values(list).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  fn: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

/** Stores the entries of a snapshot. */
export async function insertListEntries(
  db: Db,
  listId: number,
  entries: readonly SnapshotEntry[],
): Promise<void> {
  await inBatches(entries, 2000, (batch) =>
    db
      .insertInto('unitListEntry')
      .values(
        batch.map((e) => ({
          listId,
          kind: e.kind,
          code: e.code,
          name: e.name,
          subkind: e.subkind,
          parentCode: e.parentCode,
        })),
      )
      .execute(),
  );
}

/** One stored link of a lineage list. */
export interface StoredListLink {
  rowNumber: number;
  fromKind: AdministrativeKind;
  fromCode: string;
  fromName: string;
  toKind: AdministrativeKind;
  toCode: string;
  toName: string;
  kind: 'full' | 'partial' | 'rename';
}

/** Stores the links of a lineage list. */
export async function insertListLinks(
  db: Db,
  listId: number,
  links: readonly StoredListLink[],
): Promise<void> {
  await inBatches(links, 1000, (batch) =>
    db
      .insertInto('unitListLink')
      .values(batch.map((l) => ({ listId, ...l })))
      .execute(),
  );
}

/**
 * Every stored snapshot with its entries. Priority: a shipped list lowest, then
 * imports in the order they were made (a later import wins at the same date).
 */
export async function loadSnapshots(db: Db): Promise<UnitSnapshot[]> {
  const lists = await db
    .selectFrom('unitList')
    .select(['id', 'layout', 'effectiveOn', 'fileName'])
    .where('layout', '<>', 'lineage')
    .execute();
  if (lists.length === 0) return [];
  const entries = await db
    .selectFrom('unitListEntry')
    .select(['listId', 'kind', 'code', 'name', 'subkind', 'parentCode'])
    .where(
      'listId',
      'in',
      lists.map((l) => l.id),
    )
    .execute();
  const byList = new Map<number, SnapshotEntry[]>();
  for (const e of entries) {
    const id = Number(e.listId);
    const list = byList.get(id);
    const entry: SnapshotEntry = {
      kind: e.kind,
      code: e.code,
      name: e.name,
      subkind: e.subkind,
      parentCode: e.parentCode,
    };
    if (list) list.push(entry);
    else byList.set(id, [entry]);
  }
  return lists.map((l) => ({
    id: Number(l.id),
    layout: l.layout as SnapshotLayout,
    effectiveOn: l.effectiveOn,
    priority: l.fileName.startsWith(BUILTIN_PREFIX) ? 0 : Number(l.id),
    entries: byList.get(Number(l.id)) ?? [],
  }));
}

/**
 * Every link of every lineage list, shipped lists first, then imported ones
 * (newest first); `source` is the list's file name (or `builtinSource` for a shipped list).
 */
export async function loadLineageEntries(db: Db, builtinSource: string): Promise<LineageEntry[]> {
  const rows = await db
    .selectFrom('unitListLink as k')
    .innerJoin('unitList as l', 'l.id', 'k.listId')
    .select([
      'l.id as listId',
      'l.fileName',
      'l.effectiveOn',
      'k.rowNumber',
      'k.fromKind',
      'k.fromCode',
      'k.toKind',
      'k.toCode',
      'k.kind',
    ])
    .where('l.layout', '=', 'lineage')
    .execute();
  // shipped lists first: their links carry the legal basis (a resolution) rather than a file name
  const rank = (fileName: string, id: number) =>
    fileName.startsWith(BUILTIN_PREFIX) ? Number.MAX_SAFE_INTEGER : id;
  rows.sort(
    (a, b) =>
      rank(b.fileName, Number(b.listId)) - rank(a.fileName, Number(a.listId)) || a.rowNumber - b.rowNumber,
  );
  return rows
    .filter((r) => r.effectiveOn !== null)
    .map((r) => ({
      fromKind: r.fromKind,
      fromCode: r.fromCode,
      toKind: r.toKind,
      toCode: r.toCode,
      kind: r.kind,
      effectiveOn: r.effectiveOn as string,
      source: r.fileName.startsWith(BUILTIN_PREFIX) ? builtinSource : r.fileName,
    }));
}

/** A unit row as reconciliation reads and writes it. */
export interface StoredUnit extends UnitRecord {
  searchText: string;
}

const storedColumns = [
  'id',
  'code',
  'codeSystem',
  'kind',
  'subkind',
  'name',
  'nameEn',
  'shortName',
  'parentId',
  'validFrom',
  'validTo',
  'searchText',
] as const;

/** Every unit with an official code. */
export async function loadOfficialUnits(db: Db): Promise<StoredUnit[]> {
  return db.selectFrom('unit').select(storedColumns).where('codeSystem', '=', 'dvhc').execute();
}

/** Units with internal codes, of the given codes. */
export async function loadInternalUnits(db: Db, codes: readonly string[]): Promise<StoredUnit[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('unit')
    .select(storedColumns)
    .where('codeSystem', '=', 'internal')
    .where('code', 'in', [...codes])
    .execute();
}

/** The nation (the root), if present. */
export async function findNation(db: Db): Promise<StoredUnit | undefined> {
  return db
    .selectFrom('unit')
    .select(storedColumns)
    .where('kind', '=', 'nation')
    .orderBy('id')
    .executeTakeFirst();
}

/** A unit row to insert. */
export type NewStoredUnit = Omit<StoredUnit, 'id'>;

/** Inserts units; returns their ids in the order given. */
export async function insertUnits(db: Db, rows: readonly NewStoredUnit[]): Promise<number[]> {
  const ids: number[] = [];
  await inBatches(rows, 1000, async (batch) => {
    const r = await db.insertInto('unit').values(batch).returning('id').execute();
    // PostgreSQL returns the rows of a multi-row VALUES insert in order
    for (const x of r) ids.push(Number(x.id));
  });
  return ids;
}

/** Updates every field of the given units at once (by id). */
export async function updateUnits(db: Db, rows: readonly StoredUnit[]): Promise<void> {
  await inBatches(rows, 500, async (batch) => {
    const values = sql.join(
      batch.map(
        (u) =>
          sql`(${u.id}::bigint, ${u.name}::text, ${u.nameEn}::text, ${u.shortName}::text, ${u.subkind}::text, ${u.parentId}::bigint, ${u.validFrom}::date, ${u.validTo}::date, ${u.searchText}::text)`,
      ),
    );
    await sql`
      UPDATE unit SET name = v.name, name_en = v.name_en, short_name = v.short_name, subkind = v.subkind,
        parent_id = v.parent_id, valid_from = v.valid_from, valid_to = v.valid_to, search_text = v.search_text,
        updated_at = now()
      FROM (VALUES ${values}) AS v(id, name, name_en, short_name, subkind, parent_id, valid_from, valid_to, search_text)
      WHERE unit.id = v.id`.execute(db);
  });
}

/**
 * Moves the start of units out of the way before an update that gives another
 * row of the same code that start (the start is part of a row's identity):
 * each gets a distinct placeholder date far in the past.
 */
export async function parkUnitStarts(db: Db, ids: readonly number[]): Promise<void> {
  await inBatches(ids, 1000, async (batch) => {
    await sql`
      UPDATE unit SET valid_from = DATE '0002-01-01' + (id % 700000)::int
      WHERE id IN (${sql.join(batch)})`.execute(db);
  });
}

/** Deletes units (children first is the caller's job). */
export async function deleteUnits(db: Db, ids: readonly number[]): Promise<void> {
  await inBatches(ids, 1000, (batch) => db.deleteFrom('unit').where('id', 'in', batch).execute());
}

/** A stored lineage link. */
export interface StoredLineage {
  id: number;
  fromUnitId: number;
  toUnitId: number;
  effectiveOn: string;
  kind: 'full' | 'partial' | 'rename';
  source: string | null;
}

/** Lineage links between units of a code system (both ends). */
export async function loadLineageBetween(db: Db, codeSystem: 'dvhc' | 'internal'): Promise<StoredLineage[]> {
  return db
    .selectFrom('unitLineage as l')
    .innerJoin('unit as f', 'f.id', 'l.fromUnitId')
    .innerJoin('unit as t', 't.id', 'l.toUnitId')
    .select(['l.id', 'l.fromUnitId', 'l.toUnitId', 'l.effectiveOn', 'l.kind', 'l.source'])
    .where('f.codeSystem', '=', codeSystem)
    .where('t.codeSystem', '=', codeSystem)
    .execute();
}

/** Inserts lineage links. */
export async function insertLineage(db: Db, links: ReadonlyArray<Omit<StoredLineage, 'id'>>): Promise<void> {
  await inBatches(links, 1000, (batch) =>
    db
      .insertInto('unitLineage')
      .values(batch.map((l) => ({ ...l, share: null })))
      .execute(),
  );
}

/** Sets kind and source of lineage links. */
export async function updateLineage(
  db: Db,
  links: ReadonlyArray<Pick<StoredLineage, 'id' | 'kind' | 'source'>>,
): Promise<void> {
  for (const l of links)
    await db
      .updateTable('unitLineage')
      .set({ kind: l.kind, source: l.source })
      .where('id', '=', l.id)
      .execute();
}

/** Deletes lineage links by id. */
export async function deleteLineage(db: Db, ids: readonly number[]): Promise<void> {
  await inBatches(ids, 1000, (batch) => db.deleteFrom('unitLineage').where('id', 'in', batch).execute());
}

/** Deletes every lineage link touching the given units. */
export async function deleteLineageOf(db: Db, unitIds: readonly number[]): Promise<void> {
  await inBatches(unitIds, 1000, (batch) =>
    db
      .deleteFrom('unitLineage')
      .where((eb) => eb.or([eb('fromUnitId', 'in', batch), eb('toUnitId', 'in', batch)]))
      .execute(),
  );
}

/** A setting's value, or undefined. */
export async function getSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('appSetting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Writes a setting. */
export async function putSetting(db: Db, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('appSetting')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updatedAt: new Date() }))
    .execute();
}
