/**
 * Consistency rules between figures, written as data: a rule is a short
 * expression over indicator codes and their parts, read by a small engine
 * (`parseRule`, `evaluateRules`), so a rule is added as a line of data, not
 * as code. Today the rules are the built-in list below (`builtInConsistencyRules`),
 * the same in the browser and on the server; storing a province's own rules
 * (and a page to edit them) is still to come.
 *
 * Grammar: `sum op sum`, where a sum is terms joined by `+` or `-`, a term is
 * `[number *] CODE.part` or a number, `part` is `numerator`, `denominator` or
 * `value`, and `op` is one of `<=`, `>=`, `=`, `<`, `>`.
 *
 * @example
 * parseRule('GOV.DVC_ONLINE_PAYMENT.denominator <= GOV.TTHC_FILES_ONLINE.denominator')
 * // { left: [{ indicator: 'GOV.DVC_ONLINE_PAYMENT', part: 'denominator', factor: 1 }], op: '<=', right: […] }
 */
import { AppError } from '../errors';

/** The parts of a reported figure a rule can name. */
export const valueParts = ['numerator', 'denominator', 'value'] as const;
export type ValuePart = (typeof valueParts)[number];

/** One term of a sum: `factor × indicator.part`, or a constant when `indicator` is null. */
export interface RuleTerm {
  indicator: string | null;
  part: ValuePart | null;
  factor: number;
}

export type RuleOperator = '<=' | '>=' | '=' | '<' | '>';

/** A parsed rule. */
export interface ParsedRule {
  left: RuleTerm[];
  op: RuleOperator;
  right: RuleTerm[];
}

/** A consistency rule as stored: its message key, expression and how serious a breach is. */
export interface ConsistencyRule {
  /** The i18n key of its message (params: `left`, `right`), also the issue code. */
  code: string;
  expression: string;
  /** `error` blocks submission; `warning` is shown and kept with the report. */
  severity: 'error' | 'warning';
  /** For `=`: the relative difference still accepted (0.01 = 1 %). */
  tolerance?: number;
}

const TERM =
  /^(?:(\d+(?:\.\d+)?)\s*\*\s*)?([A-Z0-9][A-Z0-9._-]*)\.(numerator|denominator|value)$|^(\d+(?:\.\d+)?)$/;

function parseSum(text: string, expression: string): RuleTerm[] {
  const terms: RuleTerm[] = [];
  // split on + and - that stand between terms (codes contain no spaces around them)
  const pieces = text.trim().split(/\s+([+-])\s+/);
  let sign = 1;
  for (let i = 0; i < pieces.length; i++) {
    const piece = (pieces[i] as string).trim();
    if (i % 2 === 1) {
      sign = piece === '-' ? -1 : 1;
      continue;
    }
    const m = TERM.exec(piece);
    if (!m) throw new AppError('rule.invalid_expression', { params: { expression, term: piece } });
    if (m[4] !== undefined) terms.push({ indicator: null, part: null, factor: sign * Number(m[4]) });
    else
      terms.push({
        indicator: m[2] as string,
        part: m[3] as ValuePart,
        factor: sign * (m[1] !== undefined ? Number(m[1]) : 1),
      });
  }
  return terms;
}

/**
 * Parses a rule expression.
 * @throws AppError `rule.invalid_expression` naming the part it could not read
 */
export function parseRule(expression: string): ParsedRule {
  const m = /^(.+?)\s*(<=|>=|=|<|>)\s*(.+)$/.exec(expression.trim());
  if (!m) throw new AppError('rule.invalid_expression', { params: { expression, term: expression } });
  return {
    left: parseSum(m[1] as string, expression),
    op: m[2] as RuleOperator,
    right: parseSum(m[3] as string, expression),
  };
}

/** The indicator codes a rule reads. */
export function ruleIndicators(rule: ParsedRule): string[] {
  return [...new Set([...rule.left, ...rule.right].flatMap((t) => (t.indicator ? [t.indicator] : [])))];
}

/**
 * The rules the product ships. Each is a fact of the indicators' definitions
 * (the same population counted by two indicators, a subset never larger than
 * its whole). Figures from different systems may legitimately differ a
 * little, so "the same population" rules only warn.
 */
export const builtInConsistencyRules: readonly ConsistencyRule[] = [
  {
    code: 'rule.paid_files_within_files',
    expression: 'GOV.DVC_ONLINE_PAYMENT.denominator <= GOV.TTHC_FILES_ONLINE.denominator',
    severity: 'error',
  },
  {
    code: 'rule.adults_within_population',
    expression: 'SOC.SMARTPHONE_ADULTS.denominator <= SOC.HEALTH_RECORDS.denominator',
    severity: 'error',
  },
  {
    code: 'rule.over15_within_population',
    expression: 'SOC.EPAYMENT_ACCOUNTS.denominator <= SOC.HEALTH_RECORDS.denominator',
    severity: 'error',
  },
  {
    code: 'rule.eid_eligible_within_population',
    expression: 'SOC.DIGITAL_ID.denominator <= SOC.HEALTH_RECORDS.denominator',
    severity: 'error',
  },
  {
    code: 'rule.it_staff_within_staff',
    expression: 'FND.IT_STAFF.value <= FND.STAFF_DIGITAL_TRAINED.denominator',
    severity: 'error',
  },
  {
    code: 'rule.same_adult_population',
    expression: 'SOC.EPAYMENT_USERS.denominator = SOC.SMARTPHONE_ADULTS.denominator',
    severity: 'warning',
    tolerance: 0.02,
  },
  {
    code: 'rule.same_adult_population_skills',
    expression: 'SOC.DIGITAL_SKILLS.denominator = SOC.SMARTPHONE_ADULTS.denominator',
    severity: 'warning',
    tolerance: 0.02,
  },
  {
    code: 'rule.same_over15_population',
    expression: 'SOC.BANK_ACCOUNTS.denominator = SOC.EPAYMENT_ACCOUNTS.denominator',
    severity: 'warning',
    tolerance: 0.02,
  },
  {
    code: 'rule.same_schools',
    expression: 'SOC.SCHOOLS_ONLINE.denominator = SOC.SCHOOLS_DIGITAL_MGMT.denominator',
    severity: 'warning',
    tolerance: 0.05,
  },
  {
    code: 'rule.same_population_coverage',
    expression: 'SOC.MOBILE_BROADBAND.denominator = SOC.HEALTH_RECORDS.denominator',
    severity: 'warning',
    tolerance: 0.02,
  },
];

/**
 * When a change from the last period is large enough to need a comment:
 * a rate moving by more than `ratioPoints` percentage points, or another
 * figure changing by more than `relative` (0.5 = 50 %) of the last value and
 * by more than `minAbsolute`. Per-indicator overrides by code.
 */
export interface OutlierThresholds {
  ratioPoints: number;
  relative: number;
  minAbsolute: number;
  byIndicator?: Readonly<Record<string, Partial<Omit<OutlierThresholds, 'byIndicator'>>>>;
}

export const defaultOutlierThresholds: OutlierThresholds = {
  ratioPoints: 25,
  relative: 0.5,
  minAbsolute: 5,
};
