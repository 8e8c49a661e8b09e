/**
 * Test support for the document area (imported by tests only): the shipped
 * reference data a document needs — the nation, the seed provinces with
 * their departments, the national indicator catalog — written straight into
 * a test database, and actors of the roles the review needs.
 */
import { sql } from 'kysely';
import type { Actor } from '../domain/auth/actor';
import { indicatorSearchText } from '../domain/indicator/search';
import { DEPARTMENTS } from '../domain/reference/departments';
import { nationalIndicators } from '../domain/reference/indicators';
import { NATION, PROVINCES_63, PROVINCES_2025_EFFECTIVE_ON } from '../domain/reference/provinces';
import { foldVietnamese } from '../domain/text';
import type { ServiceContext } from './context';

type Db = ServiceContext['db'];

/** Unit ids by code: `VN`, `36`, `40`, `49`, `40.SYT`, … */
export type ReferenceUnits = Map<string, number>;

/** Inserts the nation, the given provinces of the 63 and their departments (as shipped). */
export async function insertReferenceUnits(
  db: Db,
  provinceCodes: readonly string[] = ['36', '40', '49'],
): Promise<ReferenceUnits> {
  const ids: ReferenceUnits = new Map();
  const existing = await db.selectFrom('unit').select(['id', 'code', 'kind']).execute();
  for (const u of existing) ids.set(u.code, u.id);
  if (!ids.has(NATION.code)) {
    const nation = await db
      .insertInto('unit')
      .values({
        code: NATION.code,
        codeSystem: 'internal',
        kind: 'nation',
        name: NATION.name,
        nameEn: NATION.nameEn,
        shortName: null,
        parentId: null,
        validFrom: null,
        validTo: null,
        searchText: foldVietnamese(NATION.name),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(NATION.code, nation.id);
  }
  for (const p of PROVINCES_63.filter((x) => provinceCodes.includes(x.code))) {
    if (ids.has(p.code)) continue;
    // Nghệ An kept its borders in 2025; the others were merged away
    const validTo = p.code === '40' ? null : PROVINCES_2025_EFFECTIVE_ON;
    const r = await db
      .insertInto('unit')
      .values({
        code: p.code,
        codeSystem: 'dvhc',
        kind: 'province',
        name: p.name,
        nameEn: null,
        shortName: p.name.replace(/^(Tỉnh|Thành phố)\s+/u, ''),
        parentId: ids.get(NATION.code)!,
        validFrom: null,
        validTo,
        searchText: foldVietnamese(`${p.name} ${p.code}`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(p.code, r.id);
  }
  for (const d of DEPARTMENTS.filter((x) => provinceCodes.includes(x.provinceCode))) {
    if (ids.has(d.code)) continue;
    const r = await db
      .insertInto('unit')
      .values({
        code: d.code,
        codeSystem: 'internal',
        kind: d.kind,
        name: d.name,
        nameEn: d.nameEn,
        shortName: d.shortName,
        parentId: ids.get(d.provinceCode)!,
        validFrom: d.validFrom,
        validTo: d.validTo,
        searchText: foldVietnamese(`${d.name} ${d.code}`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(d.code, r.id);
  }
  return ids;
}

/** Inserts the national indicator catalog (skipped when indicators exist). */
export async function insertNationalIndicators(db: Db): Promise<void> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM indicator`.execute(db);
  if ((r.rows[0]?.n ?? 0) > 0) return;
  await db
    .insertInto('indicator')
    .values(
      nationalIndicators.map((d) => ({
        code: d.code,
        nameVi: d.nameVi,
        nameEn: d.nameEn,
        pillar: d.pillar,
        kind: d.kind,
        unitOfMeasure: d.unitOfMeasure.vi,
        aggregation: d.aggregation,
        direction: d.direction,
        numeratorVi: d.numerator?.vi ?? null,
        numeratorEn: d.numerator?.en ?? null,
        denominatorVi: d.denominator?.vi ?? null,
        denominatorEn: d.denominator?.en ?? null,
        definitionVi: d.definition.vi,
        definitionEn: d.definition.en,
        legalBasis: d.legalBasis.map((b) => b.vi).join('; '),
        dataSource: d.dataSource.vi,
        unitKinds: [...d.unitKinds],
        keywords: [...d.keywords],
        ownerUnitId: null,
        searchText: indicatorSearchText(d),
      })),
    )
    .execute();
}

/** A signed-in person holding one role at one unit. */
export function personWith(
  role: 'admin' | 'coordinator' | 'viewer' | 'reporter',
  unitId: number,
  userId = 7,
): Actor {
  return { kind: 'user', userId, label: `${role}@${unitId}`, grants: [{ role, unitId }] };
}

/** A service context for a test. */
export function testContext(db: Db, actor: Actor): ServiceContext {
  return { db, actor, now: () => new Date('2025-11-20T03:00:00Z'), locale: 'vi', ip: '127.0.0.1' };
}
