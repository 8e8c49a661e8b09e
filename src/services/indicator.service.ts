/**
 * The indicator catalog: searching and reading it (public reference data, so
 * no scope check), and installing the national catalog the product ships at
 * every start — by code, only what changed, never touching a province's own
 * indicators.
 */
import type { Indicator, IndicatorList, IndicatorListQuery } from '../contracts/indicator';
import { notFound } from '../domain/errors';
import type { IndicatorDefinition, Pillar, ReportingUnitKind } from '../domain/indicator/indicator';
import { indicatorSearchText, searchScore, searchTerms } from '../domain/indicator/search';
import { nationalIndicators } from '../domain/reference/indicators';
import { inTransaction } from '../repositories/db';
import {
  countIndicators,
  findIndicatorByCode,
  findIndicators,
  findIndicatorsByCodes,
  type IndicatorRow,
  type IndicatorRowUpdate,
  insertIndicators,
  type NewIndicatorRow,
  updateIndicator,
} from '../repositories/indicator.repository';
import { recordAudit } from './audit';
import type { ServiceContext } from './context';

const splitLines = (text: string | null): string[] =>
  text
    ? text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    : [];

/** The API view of a stored indicator. */
export function toIndicator(row: IndicatorRow): Indicator {
  const pair = (vi: string | null, en: string | null) => (vi === null ? null : { vi, en });
  const legalVi = splitLines(row.legalBasis);
  const legalEn = splitLines(row.legalBasisEn);
  return {
    id: row.id,
    code: row.code,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    pillar: row.pillar,
    kind: row.kind,
    unitOfMeasure: { vi: row.unitOfMeasure, en: row.unitOfMeasureEn },
    aggregation: row.aggregation,
    direction: row.direction,
    numerator: pair(row.numeratorVi, row.numeratorEn),
    denominator: pair(row.denominatorVi, row.denominatorEn),
    definition: pair(row.definitionVi, row.definitionEn),
    legalBasis: legalVi.map((vi, i) => ({ vi, en: legalEn[i] ?? null })),
    dataSource: pair(row.dataSource, row.dataSourceEn),
    unitKinds: row.unitKinds as ReportingUnitKind[],
    keywords: row.keywords,
    national: row.ownerUnitId === null,
    ownerUnitId: row.ownerUnitId,
  };
}

/**
 * Searches the catalog. Words match without diacritics or case; results come
 * best first (exact code, phrase in the name …), then in catalog order.
 * Pillar counts are over the search and kind filter, so tabs can show them.
 */
export async function listIndicators(ctx: ServiceContext, query: IndicatorListQuery): Promise<IndicatorList> {
  const terms = searchTerms(query.search);
  const rows = await findIndicators(ctx.db, { terms, kind: query.kind });
  const pillarCounts: Record<Pillar, number> = { government: 0, economy: 0, society: 0, foundation: 0 };
  for (const r of rows) pillarCounts[r.pillar] += 1;
  const inPillar = query.pillar ? rows.filter((r) => r.pillar === query.pillar) : rows;
  // Array.sort is stable: equal scores keep the catalog order of the query
  const ranked = terms.phrase
    ? inPillar
        .map((r) => ({ r, score: searchScore(r, terms) }))
        .sort((a, b) => b.score - a.score)
        .map((x) => x.r)
    : inPillar;
  return { items: ranked.map(toIndicator), pillarCounts, catalogSize: await countIndicators(ctx.db) };
}

/** One indicator by code; 404 `indicator.not_found`. */
export async function getIndicator(ctx: ServiceContext, code: string): Promise<Indicator> {
  const row = await findIndicatorByCode(ctx.db, code);
  if (!row) throw notFound('indicator', code);
  return toIndicator(row);
}

/** The stored form of a catalog definition. */
export function toIndicatorRow(def: IndicatorDefinition, position: number): NewIndicatorRow {
  return {
    code: def.code,
    nameVi: def.nameVi,
    nameEn: def.nameEn,
    pillar: def.pillar,
    kind: def.kind,
    unitOfMeasure: def.unitOfMeasure.vi,
    unitOfMeasureEn: def.unitOfMeasure.en,
    aggregation: def.aggregation,
    direction: def.direction,
    numeratorVi: def.numerator?.vi ?? null,
    numeratorEn: def.numerator?.en ?? null,
    denominatorVi: def.denominator?.vi ?? null,
    denominatorEn: def.denominator?.en ?? null,
    definitionVi: def.definition.vi,
    definitionEn: def.definition.en,
    legalBasis: def.legalBasis.map((d) => d.vi).join('\n'),
    legalBasisEn: def.legalBasis.map((d) => d.en).join('\n'),
    dataSource: def.dataSource.vi,
    dataSourceEn: def.dataSource.en,
    unitKinds: [...def.unitKinds],
    keywords: [...def.keywords],
    ownerUnitId: null,
    searchText: indicatorSearchText(def),
    position,
  };
}

/** The columns the shipped catalog owns (everything but ids, owner and timestamps). */
const catalogColumns = [
  'nameVi',
  'nameEn',
  'pillar',
  'kind',
  'unitOfMeasure',
  'unitOfMeasureEn',
  'aggregation',
  'direction',
  'numeratorVi',
  'numeratorEn',
  'denominatorVi',
  'denominatorEn',
  'definitionVi',
  'definitionEn',
  'legalBasis',
  'legalBasisEn',
  'dataSource',
  'dataSourceEn',
  'unitKinds',
  'keywords',
  'searchText',
  'position',
] as const;

type CatalogColumn = (typeof catalogColumns)[number];

function changedColumns(stored: IndicatorRow, wanted: NewIndicatorRow): IndicatorRowUpdate {
  const changes: Record<string, unknown> = {};
  for (const col of catalogColumns) {
    const b = wanted[col];
    if (JSON.stringify(stored[col] ?? null) !== JSON.stringify(b ?? null)) changes[col] = b;
  }
  return changes as IndicatorRowUpdate;
}

export interface CatalogSyncResult {
  inserted: string[];
  updated: string[];
  /** Shipped codes already used by a province's own indicator: left as they are. */
  conflicts: string[];
  unchanged: number;
}

/**
 * Brings the stored national catalog in line with the shipped one: inserts
 * new codes, updates changed definitions, leaves equal ones alone (a start
 * with nothing to do only reads). One transaction; every change audited.
 */
export async function syncNationalIndicatorCatalog(
  ctx: ServiceContext,
  catalog: readonly IndicatorDefinition[] = nationalIndicators,
): Promise<CatalogSyncResult> {
  const wanted = catalog.map((def, i) => toIndicatorRow(def, i + 1));
  return inTransaction(ctx.db, async (trx) => {
    const stored = new Map(
      (
        await findIndicatorsByCodes(
          trx,
          wanted.map((w) => w.code),
        )
      ).map((r) => [r.code, r]),
    );
    const result: CatalogSyncResult = { inserted: [], updated: [], conflicts: [], unchanged: 0 };
    const toInsert: NewIndicatorRow[] = [];
    for (const row of wanted) {
      const current = stored.get(row.code);
      if (!current) {
        toInsert.push(row);
        continue;
      }
      if (current.ownerUnitId !== null) {
        result.conflicts.push(row.code);
        continue;
      }
      const changes = changedColumns(current, row);
      if (Object.keys(changes).length === 0) {
        result.unchanged += 1;
        continue;
      }
      await updateIndicator(trx, current.id, { ...changes, updatedAt: ctx.now() });
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, current[k as CatalogColumn]]));
      await recordAudit(trx, ctx, {
        action: 'indicator.catalog_update',
        entityType: 'indicator',
        entityId: row.code,
        before,
        after: changes,
      });
      result.updated.push(row.code);
    }
    if (toInsert.length > 0) {
      const ids = await insertIndicators(trx, toInsert);
      result.inserted = toInsert.map((r) => r.code);
      // one entry for the batch: the definitions are the shipped catalog, named by code and id
      await recordAudit(trx, ctx, {
        action: 'indicator.catalog_add',
        entityType: 'indicator',
        entityId: toInsert.length === 1 ? toInsert[0]?.code : null,
        after: { added: toInsert.map((r) => ({ id: ids.get(r.code), code: r.code, nameVi: r.nameVi })) },
      });
    }
    return result;
  });
}

/**
 * The start-up step: syncs the catalog and says what it did, or nothing when
 * the catalog was already current.
 */
export async function syncIndicatorCatalogAtStart(ctx: ServiceContext): Promise<string | undefined> {
  const r = await syncNationalIndicatorCatalog(ctx);
  const parts: string[] = [];
  if (r.inserted.length) parts.push(`thêm / added ${r.inserted.length}`);
  if (r.updated.length) parts.push(`cập nhật / updated ${r.updated.length}`);
  if (r.conflicts.length) {
    parts.push(
      `bỏ qua vì trùng mã chỉ tiêu riêng / skipped, code used by a province: ${r.conflicts.join(', ')}`,
    );
  }
  if (parts.length === 0) return undefined;
  return `Danh mục chỉ tiêu / Indicator catalog: ${parts.join('; ')}`;
}
