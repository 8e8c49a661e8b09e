/**
 * DHIS2 `dataValueSets` at the boundary, and how Nhịp Số's figures map onto
 * DHIS2's by code (the sender exports with `idScheme=CODE`):
 *
 * - **data element** = indicator code; a ratio is two data elements,
 *   `CODE.NUM` (numerator) and `CODE.DEN` (denominator) — in DHIS2 a ratio
 *   is an *indicator* computed from two data elements, and category option
 *   combos disaggregate one quantity (by sex, by age), they do not hold the
 *   two sides of a fraction;
 * - **org unit** = unit code (official ĐVHC code, or internal code such as
 *   `40.STTTT` for a department);
 * - **period**: `2025` ⇄ `2025`, `2025Q3` ⇄ `2025Q3`, `2025-09` ⇄ `202509`;
 * - **category option combo** and **attribute option combo**: only the
 *   default (absent, `default` or DHIS2's default uid `HllvX50cXC0`);
 * - **data set** = a pillar: `NHS_GOV`, `NHS_ECO`, `NHS_SOC`, `NHS_FND`.
 */
import { z } from 'zod';
import type { IndicatorKind, Pillar } from '../domain/indicator/indicator';
import { tryParsePeriod } from '../domain/period/period';

/** One DHIS2 data value. DHIS2 sends values as strings; numbers are accepted too. */
export const dhis2DataValueSchema = z
  .object({
    dataElement: z.string().optional(),
    period: z.string().optional(),
    orgUnit: z.string().optional(),
    categoryOptionCombo: z.string().optional(),
    attributeOptionCombo: z.string().optional(),
    value: z.union([z.string(), z.number(), z.boolean()]).nullable().optional(),
    comment: z.string().max(2000).nullable().optional(),
    storedBy: z.string().optional(),
    created: z.string().optional(),
    lastUpdated: z.string().optional(),
    followup: z.boolean().optional(),
    deleted: z.boolean().optional(),
  })
  .meta({ id: 'Dhis2DataValue' });
/** One DHIS2 data value. */
export type Dhis2DataValue = z.infer<typeof dhis2DataValueSchema>;

/**
 * A DHIS2 data value set. Top-level `period`, `orgUnit` and
 * `attributeOptionCombo` apply to values that do not name their own.
 */
export const dhis2DataValueSetSchema = z
  .object({
    dataSet: z.string().optional(),
    completeDate: z.string().optional(),
    period: z.string().optional(),
    orgUnit: z.string().optional(),
    attributeOptionCombo: z.string().optional(),
    dataValues: z.array(z.unknown()).max(100_000).default([]),
  })
  .meta({ id: 'Dhis2DataValueSet' });

/** A data value set as exported. */
export interface Dhis2DataValueSetOut {
  dataSet?: string;
  period?: string;
  orgUnit?: string;
  dataValues: Array<{
    dataElement: string;
    period: string;
    orgUnit: string;
    categoryOptionCombo: string;
    attributeOptionCombo: string;
    value: string;
    storedBy?: string;
    lastUpdated: string;
    comment?: string;
    followup: boolean;
  }>;
}

/** One conflict of a DHIS2 import summary: `object` is what was not accepted, `value` why. */
export const dhis2ConflictSchema = z.object({
  object: z.string(),
  value: z.string(),
  /** Nhịp Số's stable code of the reason. */
  errorCode: z.string(),
  property: z.string().optional(),
  /** Positions in `dataValues` (0-based). */
  indexes: z.array(z.number().int()),
});

/** DHIS2's ImportSummary for a data value set. Counts are of DHIS2 data values (a ratio is two). */
export const dhis2ImportSummarySchema = z
  .object({
    responseType: z.literal('ImportSummary'),
    status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
    description: z.string(),
    importOptions: z.object({
      dryRun: z.boolean(),
      atomicMode: z.enum(['ALL', 'NONE']),
      importStrategy: z.literal('CREATE_AND_UPDATE'),
      idSchemes: z.object({ idScheme: z.literal('CODE') }),
    }),
    importCount: z.object({
      imported: z.number().int(),
      updated: z.number().int(),
      ignored: z.number().int(),
      deleted: z.number().int(),
    }),
    conflicts: z.array(dhis2ConflictSchema),
    dataSetComplete: z.string(),
  })
  .meta({ id: 'Dhis2ImportSummary' });
/** DHIS2's ImportSummary. */
export type Dhis2ImportSummary = z.infer<typeof dhis2ImportSummarySchema>;

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((s) => s === 'true' || s === '1')
  .optional();

/** Options of a DHIS2 import, as DHIS2 names them. Only the CODE id scheme is served. */
export const dhis2ImportQuerySchema = z.object({
  dryRun: flag,
  atomicMode: z.enum(['ALL', 'NONE']).optional(),
  idScheme: z.string().optional(),
  dataElementIdScheme: z.string().optional(),
  orgUnitIdScheme: z.string().optional(),
  /** Only figures of this unit's subtree (Nhịp Số's own option). */
  unitId: z.coerce.number().int().positive().optional(),
});

/** What to export: periods and org units comma-separated (DHIS2 format), optionally a data set. */
export const dhis2ExportQuerySchema = z.object({
  period: z.string().min(4).max(400),
  orgUnit: z.string().max(2000).optional(),
  dataSet: z.string().max(200).optional(),
  /** Include the org units' subtrees (DHIS2's `children=true`). */
  children: flag,
  /** Only figures in these report states (default: every state the caller may read). */
  status: z.string().max(40).optional(),
  idScheme: z.string().optional(),
});

/** DHIS2's uid of the default category option combo. */
export const DHIS2_DEFAULT_COMBO_UID = 'HllvX50cXC0';

/** True for an absent or default category / attribute option combo. */
export function isDefaultCombo(combo: string | null | undefined): boolean {
  if (combo === undefined || combo === null || combo.trim() === '') return true;
  const c = combo.trim();
  return c === DHIS2_DEFAULT_COMBO_UID || c.toLowerCase() === 'default';
}

/** The data set of each pillar. */
export const dhis2DataSets: Record<Pillar, { code: string; vi: string; en: string }> = {
  government: { code: 'NHS_GOV', vi: 'Chính quyền số', en: 'Digital government' },
  economy: { code: 'NHS_ECO', vi: 'Kinh tế số', en: 'Digital economy' },
  society: { code: 'NHS_SOC', vi: 'Xã hội số', en: 'Digital society' },
  foundation: { code: 'NHS_FND', vi: 'Nền tảng chuyển đổi số', en: 'DX foundations' },
};

/** The pillar of a data set code, or null. */
export function pillarOfDataSet(code: string): Pillar | null {
  const hit = Object.entries(dhis2DataSets).find(([, d]) => d.code === code.trim().toUpperCase());
  return hit ? (hit[0] as Pillar) : null;
}

/** Which part of a figure a data element carries. */
export type Dhis2Part = 'numerator' | 'denominator' | 'value';

/** Suffix of a ratio's numerator data element. */
export const DHIS2_NUMERATOR_SUFFIX = '.NUM';
/** Suffix of a ratio's denominator data element. */
export const DHIS2_DENOMINATOR_SUFFIX = '.DEN';

/**
 * The data element codes of an indicator.
 * @example dataElementsOf('SOC.FIBRE_HOUSEHOLDS', 'ratio') // [{ code: 'SOC.FIBRE_HOUSEHOLDS.NUM', part: 'numerator' }, { code: 'SOC.FIBRE_HOUSEHOLDS.DEN', part: 'denominator' }]
 * @example dataElementsOf('GOV.OPEN_DATA', 'count') // [{ code: 'GOV.OPEN_DATA', part: 'value' }]
 */
export function dataElementsOf(
  indicatorCode: string,
  kind: IndicatorKind,
): Array<{ code: string; part: Dhis2Part }> {
  if (kind === 'ratio') {
    return [
      { code: `${indicatorCode}${DHIS2_NUMERATOR_SUFFIX}`, part: 'numerator' },
      { code: `${indicatorCode}${DHIS2_DENOMINATOR_SUFFIX}`, part: 'denominator' },
    ];
  }
  return [{ code: indicatorCode, part: 'value' }];
}

/**
 * Splits a data element code into the indicator code and the part, by the
 * suffix alone (whether the indicator is a ratio is checked against the catalog).
 * @example splitDataElement('SOC.FIBRE_HOUSEHOLDS.DEN') // { indicatorCode: 'SOC.FIBRE_HOUSEHOLDS', part: 'denominator' }
 */
export function splitDataElement(code: string): { indicatorCode: string; part: Dhis2Part } {
  const c = code.trim();
  if (c.toUpperCase().endsWith(DHIS2_NUMERATOR_SUFFIX))
    return { indicatorCode: c.slice(0, -DHIS2_NUMERATOR_SUFFIX.length), part: 'numerator' };
  if (c.toUpperCase().endsWith(DHIS2_DENOMINATOR_SUFFIX))
    return { indicatorCode: c.slice(0, -DHIS2_DENOMINATOR_SUFFIX.length), part: 'denominator' };
  return { indicatorCode: c, part: 'value' };
}

/**
 * A DHIS2 period in Nhịp Số's form, or null for a period type Nhịp Số does not
 * keep (days, weeks, two months, six months, financial years).
 * @example fromDhis2Period('202509') // '2025-09'
 * @example fromDhis2Period('2025Q3') // '2025Q3'
 * @example fromDhis2Period('2025W12') // null
 */
export function fromDhis2Period(text: string): string | null {
  const s = text.trim();
  const month = /^(\d{4})(\d{2})$/.exec(s);
  const candidate = month ? `${month[1]}-${month[2]}` : s;
  const p = tryParsePeriod(candidate);
  return p && /^(\d{4}|\d{4}Q[1-4]|\d{4}-\d{2})$/.test(candidate.toUpperCase()) ? p.id : null;
}

/**
 * A Nhịp Số period in DHIS2's form.
 * @example toDhis2Period('2025-09') // '202509'
 */
export function toDhis2Period(periodId: string): string {
  return periodId.replace(/^(\d{4})-(\d{2})$/, '$1$2');
}

/** DHIS2's value type of each kind of figure. */
export function dhis2ValueType(kind: IndicatorKind, part: Dhis2Part): string {
  if (part !== 'value') return 'NUMBER';
  if (kind === 'count') return 'INTEGER_ZERO_OR_POSITIVE';
  if (kind === 'rank') return 'INTEGER_POSITIVE';
  if (kind === 'boolean') return 'BOOLEAN';
  return 'NUMBER';
}

/** DHIS2's aggregation type of a data element, from the indicator's aggregation. */
export function dhis2AggregationType(aggregation: string, part: Dhis2Part): string {
  if (part !== 'value') return 'SUM';
  return (
    { sum: 'SUM', mean: 'AVERAGE', min: 'MIN', max: 'MAX', none: 'NONE', ratio: 'SUM' }[aggregation] ?? 'NONE'
  );
}

/** One line of the mapping table an administrator reads. */
export const dhis2MappingRowSchema = z.object({
  indicatorCode: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  unitOfMeasure: z.string(),
  dataSet: z.string(),
  dataElements: z.array(
    z.object({
      code: z.string(),
      part: z.enum(['numerator', 'denominator', 'value']),
      valueType: z.string(),
      aggregationType: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
    }),
  ),
  /** For a ratio: DHIS2's indicator formula over the two data elements. */
  indicatorFormula: z.string().nullable(),
});
/** One line of the mapping table. */
export type Dhis2MappingRow = z.infer<typeof dhis2MappingRowSchema>;

/** The mapping table: period formats, data sets, and every indicator's data elements. */
export const dhis2MappingSchema = z
  .object({
    periods: z.array(z.object({ nhipSo: z.string(), dhis2: z.string(), kind: z.string() })),
    dataSets: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
    items: z.array(dhis2MappingRowSchema),
  })
  .meta({ id: 'Dhis2Mapping' });
/** The mapping table. */
export type Dhis2Mapping = z.infer<typeof dhis2MappingSchema>;
