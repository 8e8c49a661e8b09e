/**
 * An indicator says what is measured, once: its kind, unit of measure, how
 * it aggregates up the unit tree and which way is better. A *target* is a
 * value for an indicator, a scope and a year (see domain/target/); the two
 * are kept apart.
 *
 * Rules every definition obeys (checked by `validateIndicator`, and by the
 * database's CHECK constraints):
 * - a `ratio` indicator aggregates as `ratio` — Σ numerators ÷ Σ denominators,
 *   never an average of percentages — and only a ratio does;
 * - a ratio states its numerator and denominator, in Vietnamese and English;
 * - a `rank` is better when lower (1 is best) and does not add up (`none`);
 * - codes are upper-case, dotted by pillar (`GOV.`, `ECO.`, `SOC.`, `FND.`).
 *
 * @example
 * validateIndicator({ ...def, kind: 'ratio', aggregation: 'mean' })
 * // [{ path: 'aggregation', code: 'indicator.ratio_needs_ratio_aggregation' }]
 */
import type { ErrorDetail } from '../errors';

/** Every pillar, in display order. */
export const pillars = ['government', 'economy', 'society', 'foundation'] as const;
/** The three DX pillars plus the foundations (awareness, institutions, infrastructure, people, security). */
export type Pillar = (typeof pillars)[number];

/** Every kind of indicator. */
export const indicatorKinds = ['ratio', 'count', 'amount', 'rank', 'boolean'] as const;
/**
 * What sort of number an indicator is: `ratio` (numerator ÷ denominator,
 * shown as a percentage), `count` (whole things: files, enterprises),
 * `amount` (a measured quantity: money, a growth rate), `rank` (1 = best),
 * `boolean` (yes = 1 / no = 0).
 */
export type IndicatorKind = (typeof indicatorKinds)[number];

/** Every way of aggregating. */
export const aggregations = ['ratio', 'sum', 'mean', 'min', 'max', 'none'] as const;
/** How values of several units combine into one for the unit above them. */
export type Aggregation = (typeof aggregations)[number];

/** Both directions. */
export const directions = ['higher_better', 'lower_better'] as const;
/** Which way an indicator improves. */
export type Direction = (typeof directions)[number];

/** Every kind of reporting unit. */
export const reportingUnitKinds = ['province', 'department', 'district', 'commune', 'agency'] as const;
/** Kinds of units that report an indicator (districts: only for periods before 1 July 2025). */
export type ReportingUnitKind = (typeof reportingUnitKinds)[number];

/** A text in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** The full definition of an indicator, as shipped in the catalog or added by a province. */
export interface IndicatorDefinition {
  /** Upper-case dotted code, e.g. `GOV.WORKFILE_ONLINE`. */
  code: string;
  nameVi: string;
  nameEn: string;
  pillar: Pillar;
  kind: IndicatorKind;
  /** e.g. "%" / "%", "hồ sơ" / "files", "hạng" / "rank". */
  unitOfMeasure: Bilingual;
  aggregation: Aggregation;
  direction: Direction;
  /** What is counted on top (ratios only). */
  numerator: Bilingual | null;
  /** What it is divided by (ratios only). */
  denominator: Bilingual | null;
  definition: Bilingual;
  /** Citations of the documents the indicator comes from. */
  legalBasis: Bilingual[];
  /** Which agency reports or holds the figure. */
  dataSource: Bilingual;
  /** Which kinds of units report it. */
  unitKinds: ReportingUnitKind[];
  /** Extra search words, Vietnamese folded (no diacritics, lower case). */
  keywords: string[];
}

/** The shape of an indicator code. */
export const INDICATOR_CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]*$/;

/** True when the kind's values are percentages computed from a numerator and a denominator. */
export function isRatio(def: Pick<IndicatorDefinition, 'kind'>): boolean {
  return def.kind === 'ratio';
}

/**
 * Every inconsistency of a definition, each with the field it concerns;
 * an empty list means the definition is sound.
 */
export function validateIndicator(def: IndicatorDefinition): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  const need = (ok: boolean, path: string, code: string) => {
    if (!ok) issues.push({ path, code });
  };
  const filled = (t: Bilingual | null | undefined) => !!t && t.vi.trim() !== '' && t.en.trim() !== '';
  need(INDICATOR_CODE_PATTERN.test(def.code), 'code', 'indicator.invalid_code');
  need(def.nameVi.trim() !== '', 'nameVi', 'validation.required');
  need(def.nameEn.trim() !== '', 'nameEn', 'validation.required');
  need((pillars as readonly string[]).includes(def.pillar), 'pillar', 'validation.invalid_value');
  need((indicatorKinds as readonly string[]).includes(def.kind), 'kind', 'validation.invalid_value');
  need(
    (aggregations as readonly string[]).includes(def.aggregation),
    'aggregation',
    'validation.invalid_value',
  );
  need((directions as readonly string[]).includes(def.direction), 'direction', 'validation.invalid_value');
  need(filled(def.unitOfMeasure), 'unitOfMeasure', 'validation.required');
  if (def.kind === 'ratio') {
    need(def.aggregation === 'ratio', 'aggregation', 'indicator.ratio_needs_ratio_aggregation');
    need(filled(def.numerator), 'numerator', 'indicator.ratio_needs_numerator');
    need(filled(def.denominator), 'denominator', 'indicator.ratio_needs_denominator');
  } else {
    need(def.aggregation !== 'ratio', 'aggregation', 'indicator.ratio_aggregation_needs_ratio');
    need(
      def.numerator === null && def.denominator === null,
      'numerator',
      'indicator.only_ratio_has_numerator',
    );
  }
  if (def.kind === 'rank') {
    need(def.direction === 'lower_better', 'direction', 'indicator.rank_is_lower_better');
    need(def.aggregation === 'none', 'aggregation', 'indicator.rank_does_not_aggregate');
  }
  need(filled(def.definition), 'definition', 'validation.required');
  need(def.legalBasis.length > 0 && def.legalBasis.every(filled), 'legalBasis', 'validation.required');
  need(filled(def.dataSource), 'dataSource', 'validation.required');
  need(def.unitKinds.length > 0, 'unitKinds', 'validation.required');
  need(
    def.unitKinds.every((k) => (reportingUnitKinds as readonly string[]).includes(k)),
    'unitKinds',
    'validation.invalid_value',
  );
  need(new Set(def.unitKinds).size === def.unitKinds.length, 'unitKinds', 'indicator.duplicate_unit_kind');
  return issues;
}

/** A value as a unit reports it: numerator and denominator for a ratio, else a value. */
export interface ReportedValue {
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
}

/**
 * Every problem of a reported value for an indicator, each with its field.
 * A ratio needs a numerator and a positive-or-zero denominator, with the
 * numerator not above it (shares cannot pass 100%); a count is a whole
 * number ≥ 0; a rank a whole number ≥ 1; a boolean 0 or 1.
 * @example checkReportedValue(workfiles, { numerator: 120, denominator: 100 })
 * // [{ path: 'numerator', code: 'value.numerator_above_denominator' }]
 */
export function checkReportedValue(
  def: Pick<IndicatorDefinition, 'kind'>,
  reported: ReportedValue,
): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  const present = (v: number | null | undefined): v is number => v !== null && v !== undefined;
  const finite = (path: string, v: number) => {
    if (!Number.isFinite(v)) issues.push({ path, code: 'value.not_a_number' });
    return Number.isFinite(v);
  };
  if (def.kind === 'ratio') {
    const { numerator: n, denominator: d } = reported;
    if (!present(n)) issues.push({ path: 'numerator', code: 'validation.required' });
    if (!present(d)) issues.push({ path: 'denominator', code: 'validation.required' });
    if (present(n) && finite('numerator', n) && n < 0)
      issues.push({ path: 'numerator', code: 'value.negative' });
    if (present(d) && finite('denominator', d) && d < 0)
      issues.push({ path: 'denominator', code: 'value.negative' });
    if (present(n) && present(d) && Number.isFinite(n) && Number.isFinite(d) && n > d && d >= 0) {
      issues.push({ path: 'numerator', code: 'value.numerator_above_denominator' });
    }
    if (present(reported.value))
      issues.push({ path: 'value', code: 'value.ratio_takes_numerator_denominator' });
    return issues;
  }
  const v = reported.value;
  if (!present(v)) return [{ path: 'value', code: 'validation.required' }];
  if (present(reported.numerator) || present(reported.denominator)) {
    issues.push({ path: 'numerator', code: 'value.only_ratio_has_numerator' });
  }
  if (!finite('value', v)) return issues;
  if (def.kind === 'count' && (!Number.isInteger(v) || v < 0))
    issues.push({ path: 'value', code: 'value.not_a_count' });
  if (def.kind === 'rank' && (!Number.isInteger(v) || v < 1))
    issues.push({ path: 'value', code: 'value.not_a_rank' });
  if (def.kind === 'boolean' && v !== 0 && v !== 1)
    issues.push({ path: 'value', code: 'value.not_a_boolean' });
  return issues;
}
