/**
 * What target statuses are computed from and kept in: the method settings
 * (a province default, a target's own method and stated baseline), the
 * confirmed targets of a province's program with their documents and
 * indicators, units' own figures for the share reading of level targets,
 * and publications (judgements frozen as published).
 */
import { sql } from 'kysely';
import type { Db } from './db';

export type StatusMethodName = 'linear' | 'cagr' | 'escap';

/** The province's default method and parameter overrides. */
export interface ProvinceStatusSettingRecord {
  provinceId: number;
  method: StatusMethodName;
  parameters: Record<string, Record<string, number | string>>;
  updatedBy: number | null;
  updatedAt: Date;
}

export async function findProvinceStatusSetting(
  db: Db,
  provinceId: number,
): Promise<ProvinceStatusSettingRecord | undefined> {
  const row = await db
    .selectFrom('statusSetting')
    .selectAll()
    .where('provinceId', '=', provinceId)
    .executeTakeFirst();
  return row as ProvinceStatusSettingRecord | undefined;
}

export async function upsertProvinceStatusSetting(
  db: Db,
  s: {
    provinceId: number;
    method: StatusMethodName;
    parameters: unknown;
    updatedBy: number | null;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('statusSetting')
    .values({
      provinceId: s.provinceId,
      method: s.method,
      parameters: JSON.stringify(s.parameters ?? {}),
      updatedBy: s.updatedBy,
      updatedAt: s.at,
    })
    .onConflict((oc) =>
      oc.column('provinceId').doUpdateSet({
        method: s.method,
        parameters: JSON.stringify(s.parameters ?? {}),
        updatedBy: s.updatedBy,
        updatedAt: s.at,
      }),
    )
    .execute();
}

/** A target's own method and stated baseline. */
export interface TargetStatusSettingRecord {
  targetId: number;
  method: StatusMethodName | null;
  baselineValue: number | null;
  baselineYear: number | null;
  note: string | null;
  updatedBy: number | null;
  updatedAt: Date;
}

export async function findTargetStatusSettings(
  db: Db,
  targetIds: readonly number[],
): Promise<Map<number, TargetStatusSettingRecord>> {
  if (targetIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('targetStatusSetting')
    .selectAll()
    .where('targetId', 'in', [...targetIds])
    .execute();
  return new Map(rows.map((r) => [r.targetId, r as TargetStatusSettingRecord]));
}

export async function upsertTargetStatusSetting(
  db: Db,
  s: Omit<TargetStatusSettingRecord, 'updatedAt'> & { at: Date },
): Promise<void> {
  const values = {
    method: s.method,
    baselineValue: s.baselineValue,
    baselineYear: s.baselineYear,
    note: s.note,
    updatedBy: s.updatedBy,
    updatedAt: s.at,
  };
  await db
    .insertInto('targetStatusSetting')
    .values({ targetId: s.targetId, ...values })
    .onConflict((oc) => oc.column('targetId').doUpdateSet(values))
    .execute();
}

export async function deleteTargetStatusSetting(db: Db, targetId: number): Promise<void> {
  await db.deleteFrom('targetStatusSetting').where('targetId', '=', targetId).execute();
}

/** A confirmed target with what judging it needs from its document and indicator. */
export interface ProgramTargetRecord {
  id: number;
  documentId: number;
  documentKind: string;
  documentNumber: string | null;
  documentTitle: string;
  documentIssuedOn: string | null;
  documentProvinceId: number;
  horizonYears: number[];
  sectionLabel: string | null;
  year: number | null;
  level: 'province' | 'district' | 'commune' | null;
  scopeUnitId: number | null;
  comparator: '>=' | '>' | '<=' | '<' | '=' | 'range' | 'top';
  value: number;
  valueMax: number | null;
  unit: 'percent' | 'count' | 'rank' | 'amount' | 'other';
  unitLabel: string | null;
  quote: string;
  indicatorId: number | null;
  indicatorCode: string | null;
  indicatorNameVi: string | null;
  indicatorNameEn: string | null;
  pillar: string | null;
  indicatorKind: string | null;
  aggregation: 'ratio' | 'sum' | 'mean' | 'min' | 'max' | 'none' | null;
  direction: 'higher_better' | 'lower_better' | null;
  unitOfMeasure: string | null;
  unitOfMeasureEn: string | null;
  /** The kinds of unit that report the indicator. */
  unitKinds: string[] | null;
}

/** The confirmed targets of documents (a province's program), in document and text order. */
export async function confirmedTargetsOf(
  db: Db,
  documentIds: readonly number[],
): Promise<ProgramTargetRecord[]> {
  if (documentIds.length === 0) return [];
  return (await db
    .selectFrom('target as t')
    .innerJoin('programDocument as d', 'd.id', 't.documentId')
    .leftJoin('documentSection as s', 's.id', 't.sectionId')
    .leftJoin('indicator as i', 'i.id', 't.indicatorId')
    .select([
      't.id',
      't.documentId',
      'd.kind as documentKind',
      'd.number as documentNumber',
      'd.title as documentTitle',
      'd.issuedOn as documentIssuedOn',
      'd.provinceId as documentProvinceId',
      'd.horizonYears',
      's.path as sectionLabel',
      't.year',
      't.level',
      't.scopeUnitId',
      't.comparator',
      't.value',
      't.valueMax',
      't.unit',
      't.unitLabel',
      't.quote',
      't.indicatorId',
      'i.code as indicatorCode',
      'i.nameVi as indicatorNameVi',
      'i.nameEn as indicatorNameEn',
      'i.pillar',
      'i.kind as indicatorKind',
      'i.aggregation',
      'i.direction',
      'i.unitOfMeasure',
      'i.unitOfMeasureEn',
      'i.unitKinds',
    ])
    .where('t.documentId', 'in', [...documentIds])
    .where('t.reviewState', '=', 'confirmed')
    .orderBy('t.documentId')
    .orderBy('t.spanStart')
    .orderBy('t.id')
    .execute()) as ProgramTargetRecord[];
}

/** The periods of a kind, oldest first (ids sort as time: `2021` < `2022`, `2024-01` < `2024-02`). */
export async function periodsOfKind(
  db: Db,
  kind: 'year' | 'quarter' | 'month',
): Promise<Array<{ id: string; startsOn: string; endsOn: string }>> {
  return db
    .selectFrom('period')
    .select(['id', 'startsOn', 'endsOn'])
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
}

/** A unit's own figure (not rolled up), as the share reading and `none` indicators need. */
export interface OwnValueRecord {
  unitId: number;
  indicatorId: number;
  periodId: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: 'draft' | 'submitted' | 'approved';
}

/** Units' own figures of the given statuses: a lookup by unit, indicator and period, never a GROUP BY. */
export async function ownValues(
  db: Db,
  q: {
    unitIds: readonly number[];
    indicatorIds: readonly number[];
    periodIds: readonly string[];
    statuses: readonly ('submitted' | 'approved')[];
  },
): Promise<OwnValueRecord[]> {
  if (q.unitIds.length === 0 || q.indicatorIds.length === 0 || q.periodIds.length === 0) return [];
  return (await db
    .selectFrom('dataValue')
    .select(['unitId', 'indicatorId', 'periodId', 'numerator', 'denominator', 'value', 'status'])
    .where('unitId', 'in', [...new Set(q.unitIds)])
    .where('indicatorId', 'in', [...new Set(q.indicatorIds)])
    .where('periodId', 'in', [...new Set(q.periodIds)])
    .where('status', 'in', [...q.statuses])
    .execute()) as OwnValueRecord[];
}

/** The provinces (of those given) with demo rounds: their figures are "Dữ liệu minh họa / demo data". */
export async function provincesWithDemoData(db: Db, provinceIds: readonly number[]): Promise<Set<number>> {
  if (provinceIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('reportingRound')
    .select('provinceId')
    .distinct()
    .where('provinceId', 'in', [...new Set(provinceIds)])
    .where('isDemo', '=', true)
    .execute();
  return new Set(rows.map((r) => r.provinceId));
}

// ---------------------------------------------------------------- publications

export interface PublicationRecord {
  id: number;
  provinceId: number;
  periodId: string;
  publishedAt: Date;
  publishedBy: number | null;
  publishedByName: string | null;
  note: string | null;
  isDemo: boolean;
  summary: unknown;
}

export async function insertPublication(
  db: Db,
  p: {
    provinceId: number;
    periodId: string;
    publishedAt: Date;
    publishedBy: number | null;
    note: string | null;
    isDemo: boolean;
    summary: unknown;
  },
): Promise<number> {
  const r = await db
    .insertInto('publication')
    .values({ ...p, summary: JSON.stringify(p.summary) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertPublicationTargets(
  db: Db,
  rows: ReadonlyArray<{
    publicationId: number;
    targetId: number;
    status: string;
    method: string;
    result: unknown;
  }>,
): Promise<void> {
  // a province's program has tens of targets: one statement
  if (rows.length === 0) return;
  await db
    .insertInto('publicationTarget')
    .values(
      rows.map((r) => ({
        publicationId: r.publicationId,
        targetId: r.targetId,
        status: r.status as 'met',
        method: r.method as StatusMethodName,
        result: JSON.stringify(r.result),
      })),
    )
    .execute();
}

function publicationQuery(db: Db) {
  return db
    .selectFrom('publication as p')
    .leftJoin('appUser as a', 'a.id', 'p.publishedBy')
    .select([
      'p.id',
      'p.provinceId',
      'p.periodId',
      'p.publishedAt',
      'p.publishedBy',
      'a.displayName as publishedByName',
      'p.note',
      'p.isDemo',
      'p.summary',
    ]);
}

/** The publications of provinces, newest first. */
export async function listPublications(db: Db, provinceIds: readonly number[]): Promise<PublicationRecord[]> {
  if (provinceIds.length === 0) return [];
  return (await publicationQuery(db)
    .where('p.provinceId', 'in', [...new Set(provinceIds)])
    .orderBy('p.publishedAt', 'desc')
    .orderBy('p.id', 'desc')
    .execute()) as PublicationRecord[];
}

/** The latest publication of a province (for a period, or of any period). */
export async function latestPublication(
  db: Db,
  provinceId: number,
  periodId?: string | null,
): Promise<PublicationRecord | undefined> {
  let q = publicationQuery(db).where('p.provinceId', '=', provinceId);
  if (periodId) q = q.where('p.periodId', '=', periodId);
  return (await q
    .orderBy('p.periodId', 'desc')
    .orderBy('p.publishedAt', 'desc')
    .orderBy('p.id', 'desc')
    .executeTakeFirst()) as PublicationRecord | undefined;
}

export async function findPublication(db: Db, id: number): Promise<PublicationRecord | undefined> {
  return (await publicationQuery(db).where('p.id', '=', id).executeTakeFirst()) as
    | PublicationRecord
    | undefined;
}

export async function publicationTargets(
  db: Db,
  publicationId: number,
): Promise<Array<{ targetId: number; status: string; method: string; result: unknown }>> {
  return db
    .selectFrom('publicationTarget')
    .select(['targetId', 'status', 'method', 'result'])
    .where('publicationId', '=', publicationId)
    .orderBy('targetId')
    .execute();
}

/**
 * The (province, period) pairs that are published, for the provinces given:
 * their approved figures are public.
 */
export async function publishedPeriods(
  db: Db,
  provinceIds: readonly number[],
): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  if (provinceIds.length === 0) return out;
  const r = await sql<{ provinceId: number; periodId: string }>`
    SELECT DISTINCT province_id AS "provinceId", period_id AS "periodId" FROM publication
    WHERE province_id IN (${sql.join([...new Set(provinceIds)])})`.execute(db);
  for (const row of r.rows) {
    const id = Number(row.provinceId);
    out.set(id, (out.get(id) ?? new Set()).add(row.periodId));
  }
  return out;
}
