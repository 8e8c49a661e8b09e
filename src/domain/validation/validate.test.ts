import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { formatForInput, parseDecimal, splitPastedCells } from './number';
import { builtInConsistencyRules, parseRule } from './rules';
import { evaluateRules, isOutlier, validateReport, validateTaskUpdate, validateValue } from './validate';

const fibre = { code: 'SOC.FIBRE_HOUSEHOLDS', kind: 'ratio' as const, required: true };
const openData = { code: 'GOV.OPEN_DATA', kind: 'count' as const, required: true };
const codes = (issues: { path: string; code: string }[]) => issues.map((i) => `${i.path} ${i.code}`);

describe('reading typed and pasted numbers', () => {
  it('reads the Vietnamese decimal comma and dots between thousands', () => {
    expect(parseDecimal('1.234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseDecimal('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(parseDecimal('1.500')).toEqual({ ok: true, value: 1500 });
    expect(parseDecimal('12.345.678')).toEqual({ ok: true, value: 12345678 });
  });

  it('reads a decimal point from a spreadsheet in another locale, spaces and a percent sign', () => {
    expect(parseDecimal('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseDecimal(' 3 000 ')).toEqual({ ok: true, value: 3000 });
    expect(parseDecimal('87,5%')).toEqual({ ok: true, value: 87.5 });
  });

  it('gives null for a blank cell and refuses what is not a number', () => {
    expect(parseDecimal('')).toEqual({ ok: true, value: null });
    expect(parseDecimal('  ')).toEqual({ ok: true, value: null });
    expect(parseDecimal('12,3,4').ok).toBe(false);
    expect(parseDecimal('mười').ok).toBe(false);
    expect(parseDecimal('1.23.4').ok).toBe(false);
  });

  it('splits a block pasted from Excel into rows and columns, dropping the trailing newline', () => {
    expect(splitPastedCells('12\t5\r\n7\t3\r\n')).toEqual([
      ['12', '5'],
      ['7', '3'],
    ]);
    expect(splitPastedCells('45,5\n60')).toEqual([['45,5'], ['60']]);
  });

  it('shows numbers in inputs with a decimal comma', () => {
    expect(formatForInput(1234.5)).toBe('1234,5');
    expect(formatForInput(null)).toBe('');
  });
});

describe('validating one figure', () => {
  it('stops a rate above 100 % at the numerator, saying the rate', () => {
    const issues = validateValue(fibre, { numerator: 1200, denominator: 1000 }, { mode: 'draft' });
    expect(issues).toEqual([
      {
        path: 'values.SOC.FIBRE_HOUSEHOLDS.numerator',
        code: 'validation.rate_over_100',
        severity: 'error',
        params: { rate: 120, numerator: 1200, denominator: 1000 },
      },
    ]);
  });

  it('accepts blanks in a draft but requires both parts on submit', () => {
    expect(validateValue(fibre, { numerator: 10 }, { mode: 'draft' })).toEqual([]);
    expect(codes(validateValue(fibre, { numerator: 10 }, { mode: 'submit' }))).toEqual([
      'values.SOC.FIBRE_HOUSEHOLDS.denominator validation.required',
    ]);
    expect(codes(validateValue(fibre, {}, { mode: 'submit' }))).toEqual([
      'values.SOC.FIBRE_HOUSEHOLDS.numerator validation.required',
      'values.SOC.FIBRE_HOUSEHOLDS.denominator validation.required',
    ]);
  });

  it('lets an optional indicator stay empty, but not half filled, on submit', () => {
    const optional = { ...fibre, required: false };
    expect(validateValue(optional, {}, { mode: 'submit' })).toEqual([]);
    expect(codes(validateValue(optional, { denominator: 50 }, { mode: 'submit' }))).toEqual([
      'values.SOC.FIBRE_HOUSEHOLDS.numerator validation.required',
    ]);
  });

  it('wants counts whole and not negative, ranks from 1, yes/no as 0 or 1', () => {
    expect(codes(validateValue(openData, { value: 2.5 }, { mode: 'draft' }))).toEqual([
      'values.GOV.OPEN_DATA.value validation.not_a_count',
    ]);
    expect(codes(validateValue(openData, { value: -1 }, { mode: 'draft' }))).toEqual([
      'values.GOV.OPEN_DATA.value validation.not_a_count',
    ]);
    expect(
      validateValue({ code: 'R', kind: 'rank', required: true }, { value: 0 }, { mode: 'draft' })[0]?.code,
    ).toBe('validation.not_a_rank');
    expect(
      validateValue({ code: 'B', kind: 'boolean', required: true }, { value: 2 }, { mode: 'draft' })[0]?.code,
    ).toBe('validation.not_a_boolean');
    expect(validateValue(openData, { value: 12 }, { mode: 'submit' })).toEqual([]);
  });

  it('refuses negative parts and a value given to a ratio', () => {
    expect(
      codes(validateValue(fibre, { numerator: -3, denominator: 10, value: 4 }, { mode: 'draft' })),
    ).toEqual([
      'values.SOC.FIBRE_HOUSEHOLDS.numerator validation.negative',
      'values.SOC.FIBRE_HOUSEHOLDS.value validation.ratio_takes_parts',
    ]);
  });

  it('flags a large change from last period: a warning while typing, an error on submit without a comment', () => {
    const previous = { numerator: 400, denominator: 1000 }; // 40 %
    const now = { numerator: 900, denominator: 1000 }; // 90 %: +50 points
    const draft = validateValue(fibre, now, { mode: 'draft', previous });
    expect(draft).toEqual([
      {
        path: 'values.SOC.FIBRE_HOUSEHOLDS.comment',
        code: 'validation.outlier_rate_needs_comment',
        severity: 'warning',
        params: { previous: 40, current: 90 },
      },
    ]);
    expect(validateValue(fibre, now, { mode: 'submit', previous })[0]?.severity).toBe('error');
    expect(
      validateValue(
        fibre,
        { ...now, comment: 'Dự án cáp quang VNPT hoàn thành' },
        { mode: 'submit', previous },
      ),
    ).toEqual([]);
  });

  it('judges counts by relative change with a floor, rates by percentage points', () => {
    expect(isOutlier('count', { value: 4 }, { value: 2 })).toBe(false); // +100 % but only 2 more
    expect(isOutlier('count', { value: 40 }, { value: 20 })).toBe(true);
    expect(isOutlier('count', { value: 26 }, { value: 20 })).toBe(false);
    expect(isOutlier('ratio', { numerator: 60, denominator: 100 }, { numerator: 40, denominator: 100 })).toBe(
      false,
    );
    expect(isOutlier('ratio', { numerator: 70, denominator: 100 }, { numerator: 40, denominator: 100 })).toBe(
      true,
    );
    expect(isOutlier('ratio', { numerator: 70, denominator: 100 }, null)).toBe(false);
  });
});

describe('validating task progress', () => {
  it('wants a status on submit, a percent within 0–100 that matches the status, and a reason to cancel', () => {
    expect(codes(validateTaskUpdate(5, {}, { mode: 'submit' }))).toEqual([
      'tasks.5.status validation.required',
    ]);
    expect(validateTaskUpdate(5, {}, { mode: 'draft' })).toEqual([]);
    expect(codes(validateTaskUpdate(5, { status: 'in_progress', percent: 140 }, { mode: 'draft' }))).toEqual([
      'tasks.5.percent validation.percent_range',
    ]);
    expect(codes(validateTaskUpdate(5, { status: 'done', percent: 80 }, { mode: 'draft' }))).toEqual([
      'tasks.5.percent validation.done_is_100',
    ]);
    expect(codes(validateTaskUpdate(5, { status: 'cancelled' }, { mode: 'draft' }))).toEqual([
      'tasks.5.note validation.cancel_needs_note',
    ]);
    expect(
      validateTaskUpdate(
        5,
        { status: 'in_progress', percent: 60, note: 'Đang triển khai' },
        { mode: 'submit' },
      ),
    ).toEqual([]);
  });
});

describe('consistency rules written as data', () => {
  it('parses sums with factors and constants', () => {
    expect(parseRule('2 * A.B.value + C.D.numerator - 5 <= E.F.denominator')).toEqual({
      left: [
        { indicator: 'A.B', part: 'value', factor: 2 },
        { indicator: 'C.D', part: 'numerator', factor: 1 },
        { indicator: null, part: null, factor: -5 },
      ],
      op: '<=',
      right: [{ indicator: 'E.F', part: 'denominator', factor: 1 }],
    });
  });

  it('names the term it cannot read', () => {
    try {
      parseRule('A.B.value <= C.D.percent');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('rule.invalid_expression');
      expect(isAppError(e) && e.params.term).toBe('C.D.percent');
    }
  });

  it('reports a breach at the first field of the rule with both sides, and skips rules with blanks', () => {
    const rule = {
      code: 'rule.fibre_communes',
      expression: 'X.FIBRE.value <= X.COMMUNES.value',
      severity: 'error' as const,
    };
    expect(evaluateRules([rule], { 'X.FIBRE': { value: 12 }, 'X.COMMUNES': { value: 10 } })).toEqual([
      {
        path: 'values.X.FIBRE.value',
        code: 'rule.fibre_communes',
        severity: 'error',
        params: { left: 12, right: 10 },
      },
    ]);
    expect(evaluateRules([rule], { 'X.FIBRE': { value: 9 }, 'X.COMMUNES': { value: 10 } })).toEqual([]);
    expect(evaluateRules([rule], { 'X.FIBRE': { value: 12 } })).toEqual([]);
  });

  it('accepts "the same population" within its tolerance', () => {
    const same = builtInConsistencyRules.find((r) => r.code === 'rule.same_adult_population')!;
    const within = {
      'SOC.EPAYMENT_USERS': { denominator: 10_100 },
      'SOC.SMARTPHONE_ADULTS': { denominator: 10_000 },
    };
    expect(evaluateRules([same], within)).toEqual([]);
    const off = {
      'SOC.EPAYMENT_USERS': { denominator: 12_000 },
      'SOC.SMARTPHONE_ADULTS': { denominator: 10_000 },
    };
    expect(evaluateRules([same], off)[0]?.severity).toBe('warning');
  });

  it('ships rules that all parse', () => {
    for (const r of builtInConsistencyRules) expect(() => parseRule(r.expression)).not.toThrow();
  });
});

describe('validating a whole report', () => {
  it('lists every problem of every field at once and says whether anything blocks', () => {
    const r = validateReport(
      {
        indicators: [
          { code: 'GOV.TTHC_FILES_ONLINE', kind: 'ratio', required: true },
          { code: 'GOV.DVC_ONLINE_PAYMENT', kind: 'ratio', required: true },
          openData,
        ],
        values: {
          'GOV.TTHC_FILES_ONLINE': { numerator: 500, denominator: 1000 },
          'GOV.DVC_ONLINE_PAYMENT': { numerator: 100, denominator: 1500 },
        },
        tasks: [{ id: 3 }],
        taskUpdates: {},
        rules: builtInConsistencyRules,
      },
      'submit',
    );
    expect(codes(r.issues)).toEqual([
      'values.GOV.OPEN_DATA.value validation.required',
      'tasks.3.status validation.required',
      // 1,500 files with fees cannot exceed the 1,000 files received
      'values.GOV.DVC_ONLINE_PAYMENT.denominator rule.paid_files_within_files',
    ]);
    expect(r.ok).toBe(false);
  });

  it('skips rules over indicators the form does not ask', () => {
    const r = validateReport(
      {
        indicators: [{ code: 'SOC.SMARTPHONE_ADULTS', kind: 'ratio', required: false }],
        values: {
          'SOC.SMARTPHONE_ADULTS': { numerator: 5, denominator: 50 },
          'SOC.HEALTH_RECORDS': { denominator: 10 },
        },
        rules: builtInConsistencyRules,
      },
      'submit',
    );
    expect(r).toEqual({ issues: [], outliers: [], ok: true });
  });

  it('lists outliers even when they are explained', () => {
    const r = validateReport(
      {
        indicators: [fibre],
        values: { [fibre.code]: { numerator: 90, denominator: 100, comment: 'Phủ cáp quang toàn xã' } },
        previous: { [fibre.code]: { numerator: 20, denominator: 100 } },
      },
      'submit',
    );
    expect(r.outliers).toEqual(['SOC.FIBRE_HOUSEHOLDS']);
    expect(r.ok).toBe(true);
  });
});
