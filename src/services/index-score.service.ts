/**
 * Index methods as stored, versioned data, and scores computed with them
 * (issue 6, part 2). The shipped methods — the provincial DTI of Decision
 * 922/QĐ-BTTTT and the province's unit method — are rows like any other
 * version; a coordinator edits the unit method by creating a new version for
 * the province (validated by contracts/index-method.ts), which then applies
 * to the province's units from its first year.
 *
 * Scores are computed on read by the pure engine (`scoreUnits`), from:
 * catalog figures — each unit's own maintained roll-up for the year (a
 * province's with the provinces merged into it for years before the
 * merger); manual items entered with evidence (a link or a checked file);
 * and reviewers' adjustments, each with its reason and audited. Units are
 * ranked among their peers (departments with departments, communes with
 * communes; provinces nationally).
 */
import { createHash } from 'node:crypto';
import { indexMethodSchemaFor } from '../contracts/index-method';
import type {
  IndexAdjustmentInput,
  IndexInputBody,
  IndexMethodRow,
  IndexScoresReport,
  NationalIndexReport,
} from '../contracts/index-score';
import { actorUserId, systemActor } from '../domain/auth/actor';
import { AppError, type ErrorDetail, notFound } from '../domain/errors';
import {
  hasProvisionalParts,
  type IndexInput,
  type IndexMethod,
  type IndexSubIndicator,
  methodForYear,
  scoreUnits,
  type UnitIndexInput,
  type UnitIndexScore,
} from '../domain/index-method';
import { dti922Province } from '../domain/reference/dti-922';
import { unitDxIndexMethod } from '../domain/reference/unit-index-method';
import { isIncremental } from '../domain/rollup/rollup';
import { inTransaction } from '../repositories/db';
import {
  deleteIndexAdjustment,
  deleteIndexEvidence,
  findIndexAdjustments,
  findIndexEvidence,
  findIndexInputs,
  findIndexMethod,
  findPublishedScores,
  type IndexMethodRecord,
  insertIndexEvidence,
  insertIndexMethod,
  insertPublishedScores,
  listIndexMethods as listMethodRows,
  setMethodValidTo,
  updateBuiltinMethod,
  upsertIndexAdjustment,
  upsertIndexInput,
} from '../repositories/index.repository';
import { findIndicators, findIndicatorsByCodes } from '../repositories/indicator.repository';
import { findRollups } from '../repositories/rollup.repository';
import { type UnitInfo, unitsOfProvince } from '../repositories/round.repository';
import {
  latestPublication,
  ownValues,
  provincesWithDemoData,
  publishedPeriods,
} from '../repositories/status.repository';
import { findUnit, provincesAt, type UnitRecord } from '../repositories/unit.repository';
import { recordAudit } from './audit';
import { hasPermission, permittedUnitIds, requirePermission } from './authorize';
import type { ServiceContext } from './context';
import { checkEvidenceFile } from './data-value-evidence.service';
import type { Db } from './db';
import {
  canReadFiguresOf,
  contributorsOf,
  dashboardProvince,
  figureOfSums,
  loadProvince,
  type ProvinceContext,
  provinceContextOf,
  type ReadingScope,
  RollupIndex,
  statusesOf,
} from './status.service';

/** The methods the product ships, stored as rows at start and whenever they change. */
export const builtinIndexMethods: readonly IndexMethod[] = [dti922Province, unitDxIndexMethod];

const hashOf = (m: IndexMethod) => createHash('sha256').update(JSON.stringify(m)).digest('hex');

/**
 * Stores the shipped methods as rows (a version per shipped version; a
 * changed shipped definition updates its own row). Idempotent; returns the
 * line to print when something changed.
 */
export async function ensureBuiltinIndexMethods(
  ctx: ServiceContext,
  db: Db = ctx.db,
): Promise<string | undefined> {
  const stored = await listMethodRows(db);
  // the product installs its methods, whoever's request found them missing
  const sys: ServiceContext = { ...ctx, actor: systemActor('khởi động / start-up') };
  const changed: string[] = [];
  for (const m of builtinIndexMethods) {
    const row = stored.find((r) => r.isBuiltin && r.code === m.code && r.version === m.version);
    const hash = hashOf(m);
    if (row && row.builtinHash === hash) continue;
    await inTransaction(db, async (trx) => {
      if (row)
        await updateBuiltinMethod(trx, row.id, {
          validFrom: m.validFrom,
          validTo: m.validTo,
          definition: m,
          builtinHash: hash,
        });
      else
        await insertIndexMethod(trx, {
          code: m.code,
          version: m.version,
          ownerUnitId: null,
          validFrom: m.validFrom,
          validTo: m.validTo,
          definition: m,
          isBuiltin: true,
          builtinHash: hash,
          note: null,
          createdBy: null,
        });
      await recordAudit(trx, sys, {
        action: row ? 'index_method.update_builtin' : 'index_method.install',
        entityType: 'index_method',
        entityId: `${m.code} ${m.version}`,
        after: { code: m.code, version: m.version, validFrom: m.validFrom, validTo: m.validTo },
      });
    });
    changed.push(`${m.code} ${m.version}`);
  }
  return changed.length ? `Phương pháp chỉ số / index methods: ${changed.join(', ')}` : undefined;
}

function toMethodRow(r: IndexMethodRecord): IndexMethodRow {
  const d = r.definition as IndexMethod;
  return {
    id: r.id,
    code: r.code,
    version: r.version,
    name: d.name,
    ownerUnitId: r.ownerUnitId,
    validFrom: r.validFrom,
    validTo: r.validTo,
    isBuiltin: r.isBuiltin,
    provisional: hasProvisionalParts(d),
    createdBy: r.createdByName,
    createdAt: new Date(r.createdAt).toISOString(),
    note: r.note,
    definition: d,
  };
}

/** The stored methods: shipped ones and, with `provinceId`, the province's own versions. Public. */
export async function listIndexMethods(
  ctx: ServiceContext,
  q: { provinceId?: number; code?: string } = {},
): Promise<{ items: IndexMethodRow[] }> {
  await ensureBuiltinIndexMethods(ctx);
  const rows = await listMethodRows(ctx.db, {
    ownerUnitIds: q.provinceId ? [q.provinceId] : [],
    ...(q.code ? { code: q.code } : {}),
  });
  return { items: rows.map(toMethodRow) };
}

/** One stored method version. Public. */
export async function getIndexMethod(ctx: ServiceContext, id: number): Promise<IndexMethodRow> {
  const row = await findIndexMethod(ctx.db, id);
  if (!row) throw notFound('index_method', id);
  return toMethodRow(row);
}

/** The version of a method that applies to a province's units in a year: the province's own, else the shipped one. */
export async function methodInForce(
  db: Db,
  code: string,
  year: number,
  provinceId: number | null,
): Promise<{ row: IndexMethodRecord; method: IndexMethod } | null> {
  const rows = await listMethodRows(db, { ownerUnitIds: provinceId ? [provinceId] : [], code });
  const pick = (candidates: IndexMethodRecord[]) => {
    const methods = candidates.map((r) => r.definition as IndexMethod);
    const m = methodForYear(methods, code, year);
    return m ? { row: candidates[methods.indexOf(m)] as IndexMethodRecord, method: m } : null;
  };
  return (
    pick(rows.filter((r) => provinceId !== null && r.ownerUnitId === provinceId)) ??
    pick(rows.filter((r) => r.ownerUnitId === null))
  );
}

/**
 * A new version of a method for a province's units (the coordinator's edit
 * of the unit method), validated in shape and coherence against the catalog.
 * An open-ended earlier version of the province ends the year before; one
 * that starts on or after this one's start is a conflict. `program.manage`.
 */
export async function createIndexMethodVersion(
  ctx: ServiceContext,
  provinceId: number,
  input: { method: unknown; note?: string | null },
): Promise<IndexMethodRow> {
  const province = await findUnit(ctx.db, provinceId);
  if (province?.kind !== 'province') throw notFound('unit', provinceId);
  await requirePermission(ctx, 'program.manage', provinceId);
  const known = new Set((await findIndicators(ctx.db, {})).map((i) => i.code));
  const parsed = indexMethodSchemaFor(known).safeParse(input.method);
  if (!parsed.success) {
    throw new AppError('index_method.invalid', {
      status: 422,
      details: parsed.error.issues.map((i) => ({
        path: `method.${i.path.join('.')}`,
        code: /^[a-z_]+(\.[a-z_0-9]+)+$/.test(i.message) ? i.message : `validation.${i.code}`,
        params: (i as { params?: Record<string, string | number> }).params ?? {},
      })),
    });
  }
  const method = parsed.data as IndexMethod;
  // a province scores its own units; the national provincial index is the ministry's
  if (method.subjectKinds.includes('province') || method.subjectKinds.includes('nation')) {
    throw new AppError('index_method.province_subjects', {
      status: 422,
      details: [{ path: 'method.subjectKinds', code: 'index_method.province_subjects' }],
    });
  }
  return inTransaction(ctx.db, async (trx) => {
    const own = (await listMethodRows(trx, { ownerUnitIds: [provinceId], code: method.code })).filter(
      (r) => r.ownerUnitId === provinceId,
    );
    const problems: ErrorDetail[] = [];
    if (own.some((r) => r.version === method.version))
      problems.push({
        path: 'method.version',
        code: 'index_method.version_taken',
        params: { version: method.version },
      });
    const later = own.filter((r) => r.validFrom >= method.validFrom);
    for (const r of later)
      problems.push({
        path: 'method.validFrom',
        code: 'index_method.overlap',
        params: { version: r.version, from: r.validFrom },
      });
    if (problems.length) throw new AppError('index_method.conflict', { status: 409, details: problems });
    const closed: string[] = [];
    for (const r of own) {
      if (r.validFrom < method.validFrom && (r.validTo === null || r.validTo >= method.validFrom)) {
        await setMethodValidTo(trx, r.id, method.validFrom - 1);
        closed.push(r.version);
      }
    }
    const id = await insertIndexMethod(trx, {
      code: method.code,
      version: method.version,
      ownerUnitId: provinceId,
      validFrom: method.validFrom,
      validTo: method.validTo,
      definition: method,
      isBuiltin: false,
      builtinHash: null,
      note: input.note?.trim() || null,
      createdBy: actorUserId(ctx.actor),
    });
    await recordAudit(trx, ctx, {
      action: 'index_method.create_version',
      entityType: 'index_method',
      entityId: id,
      unitId: provinceId,
      after: {
        code: method.code,
        version: method.version,
        validFrom: method.validFrom,
        validTo: method.validTo,
        maxPoints: method.maxPoints,
        endedVersions: closed,
      },
    });
    return toMethodRow((await findIndexMethod(trx, id)) as IndexMethodRecord);
  });
}

// ---------------------------------------------------------------- inputs

function flatSubs(m: IndexMethod): IndexSubIndicator[] {
  return m.pillars.flatMap((p) => p.mainIndicators.flatMap((x) => x.subIndicators));
}

const periodOfYear = (year: number) => ({
  id: String(year),
  startsOn: `${year}-01-01`,
  endsOn: `${year}-12-31`,
});

/**
 * Everything the engine needs for units in a year: catalog figures from the
 * units' own roll-ups (approved), manual items with their evidence, adjustments.
 */
async function inputsFor(
  db: Db,
  method: IndexMethod,
  units: ReadonlyArray<{ unit: UnitRecord | UnitInfo; peerGroup: string; scope?: ReadingScope }>,
  year: number,
): Promise<UnitIndexInput[]> {
  const subs = flatSubs(method);
  const catalogCodes = [
    ...new Set(subs.flatMap((s) => (s.source.kind === 'catalog' ? [s.source.indicator] : []))),
  ];
  const indicators = await findIndicatorsByCodes(db, catalogCodes);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const period = periodOfYear(year);
  const contributorIds = new Map<number, number[]>();
  for (const u of units)
    contributorIds.set(u.unit.id, u.scope ? contributorsOf(u.scope, period).map((c) => c.id) : [u.unit.id]);
  const allIds = [...new Set([...contributorIds.values()].flat())];
  const rollups = new RollupIndex(
    await findRollups(db, {
      unitIds: allIds,
      periodIds: [period.id],
      indicatorIds: indicators.filter((i) => isIncremental(i.aggregation)).map((i) => i.id),
      view: 'approved',
      memberKinds: ['all'],
    }),
  );
  const own = await ownValues(db, {
    unitIds: units.map((u) => u.unit.id),
    indicatorIds: indicators.filter((i) => !isIncremental(i.aggregation)).map((i) => i.id),
    periodIds: [period.id],
    statuses: statusesOf('approved'),
  });
  const manual = await findIndexInputs(db, {
    methodCode: method.code,
    unitIds: units.map((u) => u.unit.id),
    years: [year],
  });
  const adjustments = await findIndexAdjustments(db, {
    methodCode: method.code,
    unitIds: units.map((u) => u.unit.id),
    years: [year],
  });
  return units.map(({ unit, peerGroup }) => {
    const inputs: Record<string, IndexInput> = {};
    for (const s of subs) {
      if (s.source.kind !== 'catalog') continue;
      const ind = byCode.get(s.source.indicator);
      if (!ind) continue;
      if (isIncremental(ind.aggregation)) {
        const f = figureOfSums(
          ind.aggregation,
          rollups.sum(contributorIds.get(unit.id) ?? [], period.id, ind.id, ['all']),
        );
        if (!f) continue;
        inputs[s.code] =
          ind.aggregation === 'ratio' && f.numerator !== null && f.denominator !== null
            ? { value: f.value, numerator: f.numerator, denominator: f.denominator }
            : { value: f.value };
      } else {
        const v = own.find((x) => x.unitId === unit.id && x.indicatorId === ind.id);
        if (v?.value !== null && v?.value !== undefined) inputs[s.code] = { value: v.value };
      }
    }
    for (const m of manual.filter((x) => x.unitId === unit.id)) {
      if (!subs.some((s) => s.code === m.subIndicator)) continue;
      inputs[m.subIndicator] = {
        value: m.valueBoolean ?? m.valueNumber,
        evidence: m.evidence.map((e) => ({
          ref: e.url ?? `evidence:${e.id}`,
          ...(e.fileName ? { note: e.fileName } : {}),
        })),
        ...(m.note ? { note: m.note } : {}),
      };
    }
    return {
      unit: { id: unit.id, name: unit.name, code: unit.code, kind: unit.kind, peerGroup },
      inputs,
      adjustments: adjustments
        .filter((a) => a.unitId === unit.id && subs.some((s) => s.code === a.subIndicator))
        .map((a) => ({
          subIndicator: a.subIndicator,
          points: a.points,
          reason: a.reason,
          ...(a.adjustedByName ? { by: a.adjustedByName } : {}),
          at: new Date(a.adjustedAt).toISOString(),
        })),
    };
  });
}

/** Units a unit method scores in a province for a year: its departments and communes of that year. */
async function scoredUnits(
  db: Db,
  method: IndexMethod,
  p: ProvinceContext,
  year: number,
): Promise<UnitInfo[]> {
  const kinds = method.subjectKinds.filter((k) => k !== 'province' && k !== 'nation');
  const end =
    p.unit.validTo && p.unit.validTo <= `${year}-12-31` ? dayBefore(p.unit.validTo) : `${year}-12-31`;
  return unitsOfProvince(db, p.unit.id, kinds, end);
}

const dayBefore = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/**
 * Scores a province's departments and communes with the unit method in force
 * for them, live (no authorisation here).
 */
export async function computeUnitScores(
  db: Db,
  p: ProvinceContext,
  year: number,
  methodCode = 'UNIT_DX',
): Promise<{
  row: IndexMethodRecord;
  method: IndexMethod;
  scores: UnitIndexScore[];
  unscored: UnitInfo[];
} | null> {
  const m = await methodInForce(db, methodCode, year, p.unit.id);
  if (!m) return null;
  const units = await scoredUnits(db, m.method, p, year);
  const inputs = await inputsFor(
    db,
    m.method,
    units.map((u) => ({ unit: u, peerGroup: u.kind })),
    year,
  );
  // a unit with no figure, item or adjustment is listed as such, not ranked last with zero points
  const scored = inputs.filter((i) => Object.keys(i.inputs).length > 0 || (i.adjustments?.length ?? 0) > 0);
  const unscored = units.filter((u) => !scored.some((i) => i.unit.id === u.id));
  return { ...m, scores: scoreUnits(m.method, scored, { year }), unscored };
}

/**
 * Scores every province of a year with the national method (DTI), ranked
 * nationally among those given; provinces are read with the provinces merged
 * into them for years before the merger.
 */
export async function computeProvinceScores(
  db: Db,
  year: number,
  provinces: readonly ProvinceContext[],
  methodCode = 'DTI_PROVINCE',
): Promise<{ row: IndexMethodRecord; method: IndexMethod; scores: UnitIndexScore[] } | null> {
  const m = await methodInForce(db, methodCode, year, null);
  if (!m) return null;
  const inputs = await inputsFor(
    db,
    m.method,
    provinces.map((p) => ({
      unit: p.unit,
      peerGroup: 'province',
      scope: { kind: 'today' as const, unit: p.unit, mergedFrom: p.mergedFrom },
    })),
    year,
  );
  // a province with no figure at all is not ranked: nothing was reported, not "zero points"
  const withData = inputs.filter((i) => Object.keys(i.inputs).length > 0);
  return { ...m, scores: scoreUnits(m.method, withData, { year }) };
}

/** The provinces of a year (the 63 before 1 July 2025, the 34 after), with their lineage. */
export async function provincesOfYear(db: Db, year: number): Promise<ProvinceContext[]> {
  return provincesOn(db, `${year}-12-31`);
}

/**
 * The provinces in force on a date, each with only the merged provinces that
 * no longer exist then: in 2024 Ninh Bình is Ninh Bình alone (Nam Định is
 * listed beside it); in 2025 its figures take in Nam Định's and Hà Nam's.
 */
export async function provincesOn(db: Db, on: string): Promise<ProvinceContext[]> {
  const rows = await provincesAt(db, on);
  const all = await Promise.all(rows.map((r) => provinceContextOf(db, r)));
  const listed = new Set(rows.map((r) => r.id));
  return all.map((p) => ({ ...p, mergedFrom: p.mergedFrom.filter((m) => !listed.has(m.unit.id)) }));
}

// ---------------------------------------------------------------- reading scores

/**
 * The scores of a province's departments and communes for a year, ranked
 * among their peers: live for those who may read the province's figures, as
 * published otherwise.
 */
export async function getUnitIndexScores(
  ctx: ServiceContext,
  code: string,
  q: { year?: number; method?: string; source?: 'live' | 'published' } = {},
): Promise<IndexScoresReport> {
  await ensureBuiltinIndexMethods(ctx);
  const p = await loadProvince(ctx, code);
  const canReadLive = await canReadFiguresOf(ctx, p);
  const methodCode = q.method ?? 'UNIT_DX';
  const canAdjust = await hasPermission(ctx, 'program.manage', p.unit.id);
  const isDemo =
    (
      await provincesWithDemoData(ctx.db, [
        p.unit.id,
        ...p.mergedFrom.map((m) => m.unit.id),
        ...(p.successor ? [p.successor.unit.id] : []),
      ])
    ).size > 0;
  if (canReadLive && q.source !== 'published') {
    const year = q.year ?? ctx.now().getUTCFullYear();
    const r = await computeUnitScores(ctx.db, p, year, methodCode);
    return {
      province: dashboardProvince(p),
      source: 'live',
      publication: null,
      year,
      canReadLive,
      isDemo,
      canAdjust,
      method: r ? toMethodRow(r.row) : null,
      items: r?.scores ?? [],
      withoutData: (r?.unscored ?? []).map((u) => ({
        unitId: u.id,
        code: u.code,
        name: u.name,
        kind: u.kind,
      })),
    };
  }
  const pub = await latestPublication(ctx.db, p.unit.id, q.year ? String(q.year) : null);
  const stored = pub ? await findPublishedScores(ctx.db, [pub.id], methodCode) : [];
  const method = stored[0] ? await findIndexMethod(ctx.db, stored[0].methodId) : undefined;
  return {
    province: dashboardProvince(p),
    source: 'published',
    publication: pub
      ? {
          id: pub.id,
          provinceId: pub.provinceId,
          periodId: pub.periodId,
          publishedAt: new Date(pub.publishedAt).toISOString(),
          publishedBy: pub.publishedByName,
          note: pub.note,
          isDemo: pub.isDemo,
        }
      : null,
    year: pub ? Number(pub.periodId) : (q.year ?? null),
    canReadLive,
    isDemo: isDemo || (pub?.isDemo ?? false),
    canAdjust: false,
    method: method ? toMethodRow(method) : null,
    items: stored.map((s) => s.result as UnitIndexScore),
    withoutData: [],
  };
}

/**
 * Provinces ranked nationally on the index for a year. Each province's
 * figures are used when the caller may read them or the province published
 * that year; the others are listed without a score ("not published").
 */
export async function getNationalIndex(
  ctx: ServiceContext,
  q: { year?: number; method?: string } = {},
): Promise<NationalIndexReport> {
  await ensureBuiltinIndexMethods(ctx);
  const methodCode = q.method ?? 'DTI_PROVINCE';
  const rows = (await listMethodRows(ctx.db, { code: methodCode })).filter((r) => r.ownerUnitId === null);
  const years = rows.flatMap((r) => {
    const to = r.validTo ?? ctx.now().getUTCFullYear();
    return Array.from({ length: Math.max(0, to - r.validFrom + 1) }, (_, i) => r.validFrom + i);
  });
  const year =
    q.year ?? years.filter((y) => y <= ctx.now().getUTCFullYear()).at(-1) ?? ctx.now().getUTCFullYear();
  const provinces = await provincesOfYear(ctx.db, year);
  const readable = await readableProvinces(ctx, provinces, year);
  const r = await computeProvinceScores(
    ctx.db,
    year,
    provinces.filter((p) => readable.has(p.unit.id)),
    methodCode,
  );
  const scoreOf = new Map((r?.scores ?? []).map((s) => [Number(s.unit.id), s]));
  return {
    year,
    years: [...new Set(years)].sort(),
    method: r ? toMethodRow(r.row) : null,
    items: provinces.map((p) => {
      const s = scoreOf.get(p.unit.id) ?? null;
      return {
        province: { id: p.unit.id, code: p.unit.code, name: p.unit.name },
        visible: readable.has(p.unit.id),
        total: s?.total ?? null,
        maxTotal: s?.maxTotal ?? null,
        normalized: s?.normalized ?? null,
        coverage: s?.coverage ?? null,
        rank: s?.rank ?? null,
        peers: s?.peers ?? null,
        byPillar: s?.byPillar ?? [],
      };
    }),
  };
}

/**
 * The provinces whose approved figures of a year the caller may use: those
 * where the caller may read figures (live), and those that published the year.
 */
export async function readableProvinces(
  ctx: ServiceContext,
  provinces: readonly ProvinceContext[],
  year: number,
): Promise<Set<number>> {
  const allowed = await permittedUnitIds(ctx, 'figures.read');
  const ids = provinces.map((p) => p.unit.id);
  const published = await publishedPeriods(ctx.db, ids);
  return new Set(
    provinces
      .filter(
        (p) => allowed === 'all' || allowed.has(p.unit.id) || published.get(p.unit.id)?.has(String(year)),
      )
      .map((p) => p.unit.id),
  );
}

/**
 * A province's own index score and national rank for each year a national
 * method covers (its trend), among the provinces the caller may read.
 */
export async function provinceIndexTrend(
  ctx: ServiceContext,
  p: ProvinceContext,
  methodCode = 'DTI_PROVINCE',
): Promise<
  Array<{
    year: number;
    total: number;
    maxTotal: number;
    normalized: number;
    rank: number;
    peers: number;
    coverage: number;
  }>
> {
  const rows = (await listMethodRows(ctx.db, { code: methodCode })).filter((r) => r.ownerUnitId === null);
  const thisYear = ctx.now().getUTCFullYear();
  const out = [];
  for (const row of rows) {
    for (let year = row.validFrom; year <= Math.min(row.validTo ?? thisYear, thisYear); year++) {
      const provinces = await provincesOfYear(ctx.db, year);
      const readable = await readableProvinces(ctx, provinces, year);
      // the province of the time, or the one it went into
      const mine = provinces.find(
        (x) => x.unit.id === p.unit.id || x.mergedFrom.some((m) => m.unit.id === p.unit.id),
      );
      if (!mine || !readable.has(mine.unit.id)) continue;
      const r = await computeProvinceScores(
        ctx.db,
        year,
        provinces.filter((x) => readable.has(x.unit.id)),
        methodCode,
      );
      const s = r?.scores.find((x) => Number(x.unit.id) === mine.unit.id);
      if (s)
        out.push({
          year,
          total: s.total,
          maxTotal: s.maxTotal,
          normalized: s.normalized,
          rank: s.rank,
          peers: s.peers,
          coverage: s.coverage,
        });
    }
  }
  return out;
}

// ---------------------------------------------------------------- manual items and adjustments

async function subIndicatorFor(db: Db, methodCode: string, unit: UnitRecord, year: number, code: string) {
  const provinceId = await provinceOf(db, unit);
  const m = await methodInForce(db, methodCode, year, provinceId);
  if (!m)
    throw new AppError('index.method_not_valid_for_year', {
      status: 422,
      params: { method: methodCode, year },
    });
  const sub = flatSubs(m.method).find((s) => s.code === code);
  if (!sub)
    throw new AppError('index.unknown_sub_indicator', {
      status: 422,
      params: { code },
      details: [{ path: 'subIndicator', code: 'index.unknown_sub_indicator', params: { code } }],
    });
  if (sub.appliesTo?.length && !sub.appliesTo.includes(unit.kind))
    throw new AppError('index.adjustment_not_applicable', {
      status: 422,
      params: { code },
      details: [{ path: 'subIndicator', code: 'index.adjustment_not_applicable', params: { code } }],
    });
  return { method: m, sub };
}

/** The province a unit belongs to (itself for a province). */
async function provinceOf(db: Db, unit: UnitRecord): Promise<number | null> {
  let u: UnitRecord | undefined = unit;
  for (let i = 0; i < 6 && u; i++) {
    if (u.kind === 'province') return u.id;
    u = u.parentId ? await findUnit(db, u.parentId) : undefined;
  }
  return null;
}

/**
 * Enters a manual item's value for a unit and year, optionally with a link as
 * evidence. `figures.enter` at the unit (its own reporters, or above). Audited.
 */
export async function saveIndexInput(ctx: ServiceContext, input: IndexInputBody): Promise<{ id: number }> {
  await ensureBuiltinIndexMethods(ctx);
  const unit = await findUnit(ctx.db, input.unitId);
  if (!unit) throw notFound('unit', input.unitId);
  await requirePermission(ctx, 'figures.enter', unit.id);
  const { sub } = await subIndicatorFor(ctx.db, input.methodCode, unit, input.year, input.subIndicator);
  if (sub.source.kind !== 'manual')
    throw new AppError('index.not_manual', {
      status: 422,
      details: [{ path: 'subIndicator', code: 'index.not_manual', params: { code: sub.code } }],
    });
  const isBoolean = sub.rule.kind === 'boolean';
  if (isBoolean !== (typeof input.value === 'boolean'))
    throw new AppError('index.value_kind', {
      status: 422,
      details: [{ path: 'value', code: isBoolean ? 'index.value_boolean' : 'index.value_number' }],
    });
  return inTransaction(ctx.db, async (trx) => {
    const id = await upsertIndexInput(trx, {
      methodCode: input.methodCode,
      unitId: unit.id,
      year: input.year,
      subIndicator: sub.code,
      valueNumber: typeof input.value === 'number' ? input.value : null,
      valueBoolean: typeof input.value === 'boolean' ? input.value : null,
      note: input.note?.trim() || null,
      enteredBy: actorUserId(ctx.actor),
      at: ctx.now(),
    });
    if (input.evidenceUrl)
      await insertIndexEvidence(trx, {
        inputId: id,
        url: input.evidenceUrl,
        fileName: null,
        mediaType: null,
        sizeBytes: null,
        sha256: null,
        content: null,
        uploadedBy: actorUserId(ctx.actor),
      });
    await recordAudit(trx, ctx, {
      action: 'index.input_set',
      entityType: 'index_input',
      entityId: id,
      unitId: unit.id,
      after: {
        method: input.methodCode,
        year: input.year,
        subIndicator: sub.code,
        value: input.value,
        evidenceUrl: input.evidenceUrl ?? null,
      },
    });
    return { id };
  });
}

/** Attaches a file as evidence to a manual item (created without a value if needed). Checked by content. */
export async function attachIndexEvidenceFile(
  ctx: ServiceContext,
  input: {
    methodCode: string;
    unitId: number;
    year: number;
    subIndicator: string;
    fileName: string;
    bytes: Uint8Array;
    /** The item's value, when the file comes with it (the entry form sends both). */
    value?: boolean | number;
  },
): Promise<{ id: number; inputId: number }> {
  await ensureBuiltinIndexMethods(ctx);
  if (input.value !== undefined) {
    await saveIndexInput(ctx, {
      methodCode: input.methodCode,
      unitId: input.unitId,
      year: input.year,
      subIndicator: input.subIndicator,
      value: input.value,
    });
  }
  const unit = await findUnit(ctx.db, input.unitId);
  if (!unit) throw notFound('unit', input.unitId);
  await requirePermission(ctx, 'figures.enter', unit.id);
  const { sub } = await subIndicatorFor(ctx.db, input.methodCode, unit, input.year, input.subIndicator);
  const mediaType = checkEvidenceFile(input.fileName, input.bytes);
  return inTransaction(ctx.db, async (trx) => {
    const existing = (
      await findIndexInputs(trx, { methodCode: input.methodCode, unitIds: [unit.id], years: [input.year] })
    ).find((i) => i.subIndicator === sub.code);
    if (!existing)
      throw new AppError('index.value_first', {
        status: 409,
        details: [{ path: 'subIndicator', code: 'index.value_first', params: { code: sub.code } }],
      });
    const sha256 = createHash('sha256').update(input.bytes).digest('hex');
    const id = await insertIndexEvidence(trx, {
      inputId: existing.id,
      url: null,
      fileName: input.fileName,
      mediaType,
      sizeBytes: input.bytes.byteLength,
      sha256,
      content: Buffer.from(input.bytes),
      uploadedBy: actorUserId(ctx.actor),
    });
    await recordAudit(trx, ctx, {
      action: 'index.evidence_add',
      entityType: 'index_evidence',
      entityId: id,
      unitId: unit.id,
      after: {
        subIndicator: sub.code,
        year: input.year,
        fileName: input.fileName,
        sha256,
        size: input.bytes.byteLength,
      },
    });
    return { id, inputId: existing.id };
  });
}

/** A piece of evidence: the file, or its link. `figures.read` at the unit. */
export async function downloadIndexEvidence(
  ctx: ServiceContext,
  id: number,
): Promise<{ url: string } | { fileName: string; mediaType: string; content: Buffer }> {
  const e = await findIndexEvidence(ctx.db, id, true);
  if (!e) throw notFound('index_evidence', id);
  await requirePermission(ctx, 'figures.read', e.unitId);
  if (e.url) return { url: e.url };
  return {
    fileName: e.fileName ?? 'minh-chung',
    mediaType: e.mediaType ?? 'application/octet-stream',
    content: e.content ?? Buffer.alloc(0),
  };
}

/** Removes a piece of evidence. `figures.enter` at the unit. Audited. */
export async function removeIndexEvidence(ctx: ServiceContext, id: number): Promise<void> {
  const e = await findIndexEvidence(ctx.db, id);
  if (!e) throw notFound('index_evidence', id);
  await requirePermission(ctx, 'figures.enter', e.unitId);
  await inTransaction(ctx.db, async (trx) => {
    await deleteIndexEvidence(trx, id);
    await recordAudit(trx, ctx, {
      action: 'index.evidence_remove',
      entityType: 'index_evidence',
      entityId: id,
      unitId: e.unitId,
      before: { url: e.url, fileName: e.fileName },
    });
  });
}

/**
 * A reviewer's adjustment of a sub-indicator's points, with the reason (points
 * null removes it, still with a reason). `program.manage` at the unit; a
 * province's own national score only by the ministry (the nation). Audited
 * with the points before and after.
 */
export async function adjustIndexScore(
  ctx: ServiceContext,
  input: IndexAdjustmentInput,
): Promise<{ removed: boolean }> {
  await ensureBuiltinIndexMethods(ctx);
  const unit = await findUnit(ctx.db, input.unitId);
  if (!unit) throw notFound('unit', input.unitId);
  // nobody reviews their own province's national score
  const reviewerAt = unit.kind === 'province' ? (unit.parentId ?? unit.id) : unit.id;
  await requirePermission(ctx, 'program.manage', reviewerAt);
  const { sub } = await subIndicatorFor(ctx.db, input.methodCode, unit, input.year, input.subIndicator);
  const reason = input.reason.trim();
  if (!reason)
    throw new AppError('index.adjustment_reason_required', {
      status: 422,
      details: [{ path: 'reason', code: 'index.adjustment_reason_required' }],
    });
  if (input.points !== null && !(input.points >= 0 && input.points <= sub.maxPoints))
    throw new AppError('index.adjustment_out_of_range', {
      status: 422,
      params: { max: sub.maxPoints },
      details: [{ path: 'points', code: 'index.adjustment_out_of_range', params: { max: sub.maxPoints } }],
    });
  return inTransaction(ctx.db, async (trx) => {
    const key = { methodCode: input.methodCode, unitId: unit.id, year: input.year, subIndicator: sub.code };
    const before =
      (
        await findIndexAdjustments(trx, {
          methodCode: input.methodCode,
          unitIds: [unit.id],
          years: [input.year],
        })
      ).find((a) => a.subIndicator === sub.code) ?? null;
    let removed = false;
    if (input.points === null) removed = (await deleteIndexAdjustment(trx, key)) > 0;
    else
      await upsertIndexAdjustment(trx, {
        ...key,
        points: input.points,
        reason,
        adjustedBy: actorUserId(ctx.actor),
        at: ctx.now(),
      });
    await recordAudit(trx, ctx, {
      action: input.points === null ? 'index.adjustment_remove' : 'index.adjustment_set',
      entityType: 'index_adjustment',
      entityId: `${input.methodCode}/${unit.id}/${input.year}/${sub.code}`,
      unitId: unit.id,
      before: before ? { points: before.points, reason: before.reason } : null,
      after: { points: input.points, reason },
    });
    return { removed };
  });
}

/** The manual items of a unit for a method and year (for the entry form). `figures.read`. */
export async function getIndexInputs(
  ctx: ServiceContext,
  q: { methodCode: string; unitId: number; year: number },
) {
  await requirePermission(ctx, 'figures.read', q.unitId);
  const rows = await findIndexInputs(ctx.db, {
    methodCode: q.methodCode,
    unitIds: [q.unitId],
    years: [q.year],
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      subIndicator: r.subIndicator,
      value: r.valueBoolean ?? r.valueNumber,
      note: r.note,
      enteredBy: r.enteredByName,
      enteredAt: new Date(r.enteredAt).toISOString(),
      evidence: r.evidence,
    })),
  };
}

// ---------------------------------------------------------------- publication

/**
 * Freezes a province's index scores into a publication: its units' scores with
 * the unit method, and its own national score and rank, as of the year.
 */
export async function publishIndexScores(
  trx: Db,
  p: ProvinceContext,
  year: number,
  publicationId: number,
): Promise<number> {
  const rows: Parameters<typeof insertPublishedScores>[1][number][] = [];
  const units = await computeUnitScores(trx, p, year);
  for (const s of units?.scores ?? [])
    rows.push({
      publicationId,
      methodId: units?.row.id as number,
      unitId: Number(s.unit.id),
      total: s.total,
      maxTotal: s.maxTotal,
      normalized: s.normalized,
      rank: s.rank,
      peers: s.peers,
      result: s,
    });
  // ranked among the provinces that published the year (and this one): no one's unpublished figures move a public rank
  const provinces = await provincesOfYear(trx, year);
  const published = await publishedPeriods(
    trx,
    provinces.map((x) => x.unit.id),
  );
  const peers = provinces.filter(
    (x) => x.unit.id === p.unit.id || published.get(x.unit.id)?.has(String(year)),
  );
  const national = await computeProvinceScores(trx, year, peers);
  const mine = national?.scores.find((s) => Number(s.unit.id) === p.unit.id);
  if (national && mine)
    rows.push({
      publicationId,
      methodId: national.row.id,
      unitId: p.unit.id,
      total: mine.total,
      maxTotal: mine.maxTotal,
      normalized: mine.normalized,
      rank: mine.rank,
      peers: mine.peers,
      result: mine,
    });
  await insertPublishedScores(trx, rows);
  return rows.length;
}
