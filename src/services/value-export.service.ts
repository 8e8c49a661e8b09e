/**
 * Figures out, in DHIS2's `dataValueSets` JSON mapped by codes (see
 * contracts/exchange-dhis2.ts): what an import of the same file stored
 * comes back the same, so a ministry's DHIS2 and Nhịp Số can exchange
 * figures both ways. Only figures the caller may read are exported; demo
 * figures only when asked for (`demo=true`), as they are not real.
 */
import {
  DHIS2_DEFAULT_COMBO_UID,
  type Dhis2DataValueSetOut,
  dataElementsOf,
  fromDhis2Period,
  pillarOfDataSet,
  toDhis2Period,
} from '../contracts/exchange-dhis2';
import { AppError, type ErrorDetail } from '../domain/errors';
import {
  type DataValueRecord,
  findValues,
  personNames,
  type ValueStatus,
} from '../repositories/data-value.repository';
import { unitsByCodes } from '../repositories/exchange.repository';
import { findIndicators } from '../repositories/indicator.repository';
import { unitsByIds } from '../repositories/round.repository';
import { subtreeIds } from '../repositories/unit-scope.repository';
import { permittedUnitIds, requirePermission, requireSignedIn } from './authorize';
import type { ServiceContext } from './context';

/** What to export, in DHIS2's terms. */
export interface Dhis2ExportQuery {
  /** One or more DHIS2 periods, comma-separated: `2025`, `2025Q3`, `202509`. */
  period: string;
  /** Unit codes, comma-separated; absent: every unit the caller may read. */
  orgUnit?: string | undefined;
  /** A pillar's data set (`NHS_GOV`…); absent: every indicator. */
  dataSet?: string | undefined;
  /** Include the units below (DHIS2's `children=true`). */
  children?: boolean | undefined;
  /** Report states, comma-separated (`draft,submitted,approved`); absent: all. */
  status?: string | undefined;
  idScheme?: string | undefined;
  /** Include demo figures. */
  demo?: boolean | undefined;
}

const STATUSES: readonly ValueStatus[] = ['draft', 'submitted', 'approved'];

/** A number as DHIS2 writes it (a decimal point, no grouping). */
function dhis2Text(kind: string, n: number): string {
  if (kind === 'boolean') return n === 1 ? 'true' : 'false';
  return String(n);
}

/**
 * Exports figures as a DHIS2 data value set.
 * @throws AppError `dhis2.period_unsupported` (400), `dhis2.org_unit_not_found` / `dhis2.data_set_not_found` (404),
 *   `auth.forbidden` (403) for an org unit the caller may not read
 */
export async function exportDataValueSet(
  ctx: ServiceContext,
  q: Dhis2ExportQuery,
): Promise<Dhis2DataValueSetOut> {
  requireSignedIn(ctx);
  if (q.idScheme !== undefined && q.idScheme.toUpperCase() !== 'CODE')
    throw new AppError('dhis2.id_scheme_unsupported', { status: 400, params: { scheme: q.idScheme } });
  const details: ErrorDetail[] = [];
  const periodTexts = q.period
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const periodIds: string[] = [];
  for (const p of periodTexts) {
    const id = fromDhis2Period(p);
    if (id) periodIds.push(id);
    else details.push({ path: 'query.period', code: 'dhis2.period_unsupported', params: { period: p } });
  }
  const statuses = q.status ? q.status.split(',').map((s) => s.trim().toLowerCase()) : [...STATUSES];
  for (const s of statuses)
    if (!(STATUSES as readonly string[]).includes(s))
      details.push({ path: 'query.status', code: 'dhis2.status_unknown', params: { status: s } });
  if (details.length || periodIds.length === 0)
    throw new AppError('request.invalid', {
      status: 400,
      details: details.length ? details : [{ path: 'query.period', code: 'validation.required' }],
    });

  const catalog = await findIndicators(ctx.db);
  let indicators = catalog;
  if (q.dataSet) {
    const pillar = pillarOfDataSet(q.dataSet);
    if (!pillar) throw new AppError('dhis2.data_set_not_found', { status: 404, params: { code: q.dataSet } });
    indicators = catalog.filter((i) => i.pillar === pillar);
  }

  let unitIds: number[] | undefined;
  const readable = await permittedUnitIds(ctx, 'figures.read');
  if (q.orgUnit) {
    const codes = q.orgUnit
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const found = await unitsByCodes(ctx.db, codes);
    const missing = codes.filter((c) => !found.some((u) => u.code === c));
    if (missing.length)
      throw new AppError('dhis2.org_unit_not_found', { status: 404, params: { code: missing.join(', ') } });
    for (const u of found) await requirePermission(ctx, 'figures.read', u.id);
    const roots = found.map((u) => u.id);
    unitIds = q.children ? await subtreeIds(ctx.db, roots) : roots;
    if (readable !== 'all') unitIds = unitIds.filter((id) => readable.has(id));
  } else if (readable !== 'all') {
    unitIds = [...readable];
  }

  const values = (
    await findValues(ctx.db, {
      ...(unitIds ? { unitIds } : {}),
      periodIds,
      indicatorIds: indicators.map((i) => i.id),
      statuses: statuses as ValueStatus[],
    })
  ).filter((v) => q.demo || !v.isDemo);
  const units = await unitsByIds(
    ctx.db,
    values.map((v) => v.unitId),
  );
  const names = await personNames(
    ctx.db,
    values.flatMap((v) => (v.updatedBy ? [v.updatedBy] : [])),
  );
  const indicatorOf = new Map(catalog.map((i) => [i.id, i]));
  const dataValues: Dhis2DataValueSetOut['dataValues'] = [];
  for (const v of values) dataValues.push(...toDhis2Values(v, indicatorOf, units, names));

  const single = (xs: string[]) => (xs.length === 1 ? xs[0] : undefined);
  const orgUnits =
    q.orgUnit
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  return {
    ...(q.dataSet ? { dataSet: q.dataSet.trim().toUpperCase() } : {}),
    ...(single(periodIds) ? { period: toDhis2Period(periodIds[0]!) } : {}),
    ...(!q.children && single(orgUnits) ? { orgUnit: orgUnits[0] } : {}),
    dataValues,
  };
}

function toDhis2Values(
  v: DataValueRecord,
  indicatorOf: Map<number, { code: string; kind: 'ratio' | 'count' | 'amount' | 'rank' | 'boolean' }>,
  units: Map<number, { code: string }>,
  names: Map<number, string>,
): Dhis2DataValueSetOut['dataValues'] {
  const ind = indicatorOf.get(v.indicatorId);
  const unit = units.get(v.unitId);
  if (!ind || !unit) return [];
  const out: Dhis2DataValueSetOut['dataValues'] = [];
  let commented = false;
  for (const de of dataElementsOf(ind.code, ind.kind)) {
    const n = v[de.part];
    if (n === null) continue;
    out.push({
      dataElement: de.code,
      period: toDhis2Period(v.periodId),
      orgUnit: unit.code,
      categoryOptionCombo: DHIS2_DEFAULT_COMBO_UID,
      attributeOptionCombo: DHIS2_DEFAULT_COMBO_UID,
      value: dhis2Text(ind.kind, n),
      ...(v.updatedBy && names.get(v.updatedBy) ? { storedBy: names.get(v.updatedBy)! } : {}),
      lastUpdated: new Date(v.updatedAt).toISOString(),
      // the comment goes with the first data element of the figure (a ratio's numerator)
      ...(v.comment && !commented ? { comment: v.comment } : {}),
      followup: false,
    });
    if (v.comment) commented = true;
  }
  return out;
}
