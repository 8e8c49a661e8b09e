/**
 * Test fixtures of the status, index and dashboard services: a program
 * document with confirmed targets, figures inserted as approved (or
 * submitted) with the roll-ups rebuilt by the product's own rebuild, and a
 * province that ceased into another. Used by tests only.
 */
import { createHash, randomBytes } from 'node:crypto';
import { foldVietnamese } from '../domain/text';
import type { Db } from '../repositories/db';
import { rebuildRollups } from '../repositories/rollup.repository';

export interface TargetFixture {
  indicatorId: number | null;
  year: number | null;
  level?: 'province' | 'district' | 'commune' | null;
  comparator: '>=' | '>' | '<=' | '<' | '=' | 'range' | 'top';
  value: number;
  valueMax?: number | null;
  unit?: 'percent' | 'count' | 'rank' | 'amount' | 'other';
  quote?: string;
}

/** A plan of the province with confirmed targets; returns the document id and the target ids in order. */
export async function insertProgram(
  db: Db,
  provinceId: number,
  targets: readonly TargetFixture[],
  options: { horizonYears?: number[]; title?: string } = {},
): Promise<{ documentId: number; targetIds: number[] }> {
  const body = `Kế hoạch chuyển đổi số ${randomBytes(4).toString('hex')}\n${targets.map((t, i) => t.quote ?? `Chỉ tiêu ${i + 1}`).join('\n')}`;
  const doc = await db
    .insertInto('programDocument')
    .values({
      kind: 'plan',
      number: `${randomBytes(2).toString('hex')}/KH-UBND`,
      issuer: 'Ủy ban nhân dân tỉnh',
      issuedOn: '2021-06-01',
      provinceId,
      title: options.title ?? 'Kế hoạch chuyển đổi số giai đoạn 2021–2025, định hướng đến năm 2030',
      body,
      sourceFormat: 'txt',
      sha256: createHash('sha256').update(body).digest('hex'),
      horizonYears: options.horizonYears ?? [2025, 2030],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const targetIds: number[] = [];
  let at = 0;
  for (const [i, t] of targets.entries()) {
    const quote = t.quote ?? `Chỉ tiêu ${i + 1}`;
    const start = body.indexOf(quote, at);
    at = start + quote.length;
    const r = await db
      .insertInto('target')
      .values({
        documentId: doc.id,
        indicatorId: t.indicatorId,
        year: t.year,
        level: t.level ?? null,
        comparator: t.comparator,
        value: t.value,
        valueMax: t.valueMax ?? null,
        unit: t.unit ?? (t.comparator === 'top' ? 'rank' : 'percent'),
        quote,
        spanStart: start,
        spanEnd: start + quote.length,
        reviewState: 'confirmed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    targetIds.push(r.id);
  }
  return { documentId: doc.id, targetIds };
}

export interface FigureFixture {
  unitId: number;
  indicatorId: number;
  periodId: string;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  status?: 'draft' | 'submitted' | 'approved';
}

/** Ensures year periods exist. */
export async function ensureYears(db: Db, years: readonly number[]): Promise<void> {
  for (const y of years)
    await db
      .insertInto('period')
      .values({ id: String(y), kind: 'year', startsOn: `${y}-01-01`, endsOn: `${y}-12-31` })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
}

/** Inserts (or replaces) figures and rebuilds the roll-ups of their periods with the product's rebuild. */
export async function putFigures(db: Db, figures: readonly FigureFixture[]): Promise<void> {
  await ensureYears(db, [...new Set(figures.map((f) => Number(f.periodId.slice(0, 4))))]);
  await db.transaction().execute(async (trx) => {
    for (const f of figures) {
      const values = {
        numerator: f.numerator ?? null,
        denominator: f.denominator ?? null,
        value: f.value ?? null,
        status: f.status ?? 'approved',
      };
      await trx
        .insertInto('dataValue')
        .values({ unitId: f.unitId, indicatorId: f.indicatorId, periodId: f.periodId, ...values })
        .onConflict((oc) => oc.columns(['unitId', 'indicatorId', 'periodId']).doUpdateSet(values))
        .execute();
    }
    for (const periodId of new Set(figures.map((f) => f.periodId))) await rebuildRollups(trx, periodId);
  });
}

/** Adds a unit under a parent (codes unique per call). */
export async function addUnit(
  db: Db,
  u: {
    kind: 'province' | 'department' | 'district' | 'commune' | 'agency';
    name: string;
    parentId: number;
    code?: string;
    validFrom?: string | null;
    validTo?: string | null;
  },
): Promise<number> {
  const code = u.code ?? `${u.kind.slice(0, 1).toUpperCase()}${randomBytes(3).toString('hex')}`;
  const r = await db
    .insertInto('unit')
    .values({
      code,
      codeSystem: 'internal',
      kind: u.kind,
      name: u.name,
      parentId: u.parentId,
      validFrom: u.validFrom ?? null,
      validTo: u.validTo ?? null,
      searchText: foldVietnamese(`${u.name} ${code}`),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A lineage link (old → new, from a date). */
export async function addLineage(
  db: Db,
  fromUnitId: number,
  toUnitId: number,
  effectiveOn: string,
): Promise<void> {
  await db
    .insertInto('unitLineage')
    .values({ fromUnitId, toUnitId, effectiveOn, kind: 'full', share: null })
    .execute();
}
