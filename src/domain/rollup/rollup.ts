/**
 * Rolling figures up the unit tree.
 *
 * - `ratio`: Σ numerators ÷ Σ denominators over the units, as a percentage —
 *   never the average of the units' percentages (a commune with 5 files and
 *   one with 500 do not weigh the same).
 * - `sum`, `mean`, `min`, `max` over the units' values; `none`: the figure does
 *   not add up (a province's rank) and rolls up to nothing.
 * - Missing figures are not zeros: a unit without a usable figure is left out
 *   and counted as missing; with no figure at all the result is null ("no
 *   data"), never 0.
 *
 * The maintained roll-up table keeps running sums (`RollupState`) updated in
 * the writer's transaction with `applyChange`; `ratio`, `sum` and `mean` read
 * from those sums, `min`/`max` need the units' values (`rollUp`).
 *
 * @example
 * rollUp('ratio', [
 *   { unitId: 1, numerator: 50, denominator: 100 },  // 50 %
 *   { unitId: 2, numerator: 30, denominator: 40 },   // 75 %
 * ]).value // 80 / 140 = 57.14… (not 62.5)
 */
import { AppError } from '../errors';
import type { Aggregation, IndicatorKind } from '../indicator/indicator';

/** One unit's figure for one indicator and period. */
export interface UnitFigure {
  unitId: number;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
}

/** The aggregate of many units' figures. */
export interface RollupResult {
  aggregation: Aggregation;
  /** The aggregate value (a percentage for ratios); null when there is no data or it does not add up. */
  value: number | null;
  /** Σ numerators and Σ denominators (ratios only, else null). */
  numerator: number | null;
  denominator: number | null;
  /** Units whose figure went into the value. */
  reportingUnits: number;
  /** How many units were asked, when known. */
  expectedUnits: number | null;
  /** Units asked that have no usable figure, in the order given. */
  missingUnitIds: number[];
}

const present = (v: number | null | undefined): v is number =>
  v !== null && v !== undefined && Number.isFinite(v);

/** True when a figure can take part in an aggregation (a ratio needs both parts). */
export function isUsableFigure(aggregation: Aggregation, f: UnitFigure): boolean {
  return aggregation === 'ratio' ? present(f.numerator) && present(f.denominator) : present(f.value);
}

/**
 * A single unit's own reading: the percentage of a ratio (null when its
 * denominator is 0), else its value.
 * @example unitReading('ratio', { unitId: 1, numerator: 3, denominator: 4 }) // 75
 */
export function unitReading(aggregation: Aggregation, f: UnitFigure): number | null {
  if (aggregation !== 'ratio') return present(f.value) ? f.value : null;
  if (!present(f.numerator) || !present(f.denominator) || f.denominator === 0) return null;
  return (100 * f.numerator) / f.denominator;
}

/**
 * Aggregates the figures of many units.
 * @param options.expectedUnitIds the units asked; figures of other units are ignored and the
 *   asked ones without a usable figure are listed as missing
 * @throws AppError `rollup.duplicate_unit` when a unit appears twice
 */
export function rollUp(
  aggregation: Aggregation,
  figures: readonly UnitFigure[],
  options: { expectedUnitIds?: readonly number[] } = {},
): RollupResult {
  const seen = new Set<number>();
  for (const f of figures) {
    if (seen.has(f.unitId)) throw new AppError('rollup.duplicate_unit', { params: { unitId: f.unitId } });
    seen.add(f.unitId);
  }
  const expected = options.expectedUnitIds ? new Set(options.expectedUnitIds) : null;
  const inScope = expected ? figures.filter((f) => expected.has(f.unitId)) : figures;
  const usable = inScope.filter((f) => isUsableFigure(aggregation, f));
  const usableIds = new Set(usable.map((f) => f.unitId));
  const missingUnitIds = options.expectedUnitIds
    ? options.expectedUnitIds.filter((id) => !usableIds.has(id))
    : inScope.filter((f) => !usableIds.has(f.unitId)).map((f) => f.unitId);
  const base = {
    aggregation,
    reportingUnits: usable.length,
    expectedUnits: options.expectedUnitIds ? new Set(options.expectedUnitIds).size : null,
    missingUnitIds,
  };

  if (aggregation === 'ratio') {
    if (usable.length === 0) return { ...base, value: null, numerator: null, denominator: null };
    let numerator = 0;
    let denominator = 0;
    for (const f of usable) {
      numerator += f.numerator as number;
      denominator += f.denominator as number;
    }
    return {
      ...base,
      numerator,
      denominator,
      value: denominator > 0 ? (100 * numerator) / denominator : null,
    };
  }
  const values = usable.map((f) => f.value as number);
  return { ...base, numerator: null, denominator: null, value: aggregateValues(aggregation, values) };
}

function aggregateValues(aggregation: Exclude<Aggregation, 'ratio'>, values: number[]): number | null {
  if (values.length === 0 || aggregation === 'none') return null;
  switch (aggregation) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
  }
}

/** Running sums over a subtree, as the roll-up table stores them. */
export interface RollupState {
  numeratorSum: number;
  denominatorSum: number;
  valueSum: number;
  reportingUnits: number;
}

/** The state of a subtree with no figures yet. */
export function emptyRollupState(): RollupState {
  return { numeratorSum: 0, denominatorSum: 0, valueSum: 0, reportingUnits: 0 };
}

/** True when an aggregation can be read from running sums (`ratio`, `sum`, `mean`). */
export function isIncremental(aggregation: Aggregation): boolean {
  return aggregation === 'ratio' || aggregation === 'sum' || aggregation === 'mean';
}

function contribution(aggregation: Aggregation, f: UnitFigure | null): RollupState {
  if (!f || !isUsableFigure(aggregation, f)) return emptyRollupState();
  if (aggregation === 'ratio') {
    return {
      numeratorSum: f.numerator as number,
      denominatorSum: f.denominator as number,
      valueSum: 0,
      reportingUnits: 1,
    };
  }
  return { numeratorSum: 0, denominatorSum: 0, valueSum: f.value as number, reportingUnits: 1 };
}

/**
 * The running sums after one unit's figure changed from `before` to `after`
 * (null: absent). Apply it to every ancestor's state in the same transaction.
 * @example applyChange(state, 'ratio', { unitId: 7, numerator: 5, denominator: 10 }, { unitId: 7, numerator: 8, denominator: 10 })
 * // numeratorSum + 3, denominatorSum unchanged, reportingUnits unchanged
 */
export function applyChange(
  state: RollupState,
  aggregation: Aggregation,
  before: UnitFigure | null,
  after: UnitFigure | null,
): RollupState {
  const out = contribution(aggregation, before);
  const inn = contribution(aggregation, after);
  return {
    numeratorSum: state.numeratorSum - out.numeratorSum + inn.numeratorSum,
    denominatorSum: state.denominatorSum - out.denominatorSum + inn.denominatorSum,
    valueSum: state.valueSum - out.valueSum + inn.valueSum,
    reportingUnits: state.reportingUnits - out.reportingUnits + inn.reportingUnits,
  };
}

/**
 * The aggregate value held by running sums.
 * @throws AppError `rollup.not_incremental` for `min`, `max` and `none`
 */
export function readRollupState(
  state: RollupState,
  aggregation: Aggregation,
): Pick<RollupResult, 'value' | 'numerator' | 'denominator' | 'reportingUnits'> {
  if (!isIncremental(aggregation)) {
    throw new AppError('rollup.not_incremental', { params: { aggregation } });
  }
  const { reportingUnits } = state;
  if (reportingUnits === 0) return { value: null, numerator: null, denominator: null, reportingUnits };
  if (aggregation === 'ratio') {
    const { numeratorSum: numerator, denominatorSum: denominator } = state;
    return {
      numerator,
      denominator,
      reportingUnits,
      value: denominator > 0 ? (100 * numerator) / denominator : null,
    };
  }
  const value = aggregation === 'sum' ? state.valueSum : state.valueSum / reportingUnits;
  return { value, numerator: null, denominator: null, reportingUnits };
}

/** The aggregation an indicator of a kind uses unless its definition says otherwise. */
export function defaultAggregation(kind: IndicatorKind): Aggregation {
  if (kind === 'ratio') return 'ratio';
  if (kind === 'count' || kind === 'amount') return 'sum';
  return 'none';
}
