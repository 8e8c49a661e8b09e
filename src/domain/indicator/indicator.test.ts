import { describe, expect, it } from 'vitest';
import { checkReportedValue, type IndicatorDefinition, validateIndicator } from './indicator';

const workfiles: IndicatorDefinition = {
  code: 'GOV.TEST_RATIO',
  nameVi: 'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng',
  nameEn: 'Share of work files processed online',
  pillar: 'government',
  kind: 'ratio',
  unitOfMeasure: { vi: '%', en: '%' },
  aggregation: 'ratio',
  direction: 'higher_better',
  numerator: { vi: 'Số hồ sơ xử lý trên mạng', en: 'Files processed online' },
  denominator: { vi: 'Tổng số hồ sơ', en: 'All files' },
  definition: { vi: 'Định nghĩa', en: 'Definition' },
  legalBasis: [{ vi: 'Quyết định 749/QĐ-TTg', en: 'Decision 749/QĐ-TTg' }],
  dataSource: { vi: 'Các đơn vị', en: 'Units' },
  unitKinds: ['commune'],
  keywords: [],
};

describe('validating an indicator definition', () => {
  it('accepts a sound ratio', () => {
    expect(validateIndicator(workfiles)).toEqual([]);
  });

  it('requires a ratio to aggregate as Σ numerators ÷ Σ denominators, with both parts named', () => {
    expect(validateIndicator({ ...workfiles, aggregation: 'mean', numerator: null })).toEqual([
      { path: 'aggregation', code: 'indicator.ratio_needs_ratio_aggregation' },
      { path: 'numerator', code: 'indicator.ratio_needs_numerator' },
    ]);
  });

  it('keeps ratio aggregation and numerators to ratios', () => {
    expect(
      validateIndicator({ ...workfiles, kind: 'count', unitOfMeasure: { vi: 'hồ sơ', en: 'files' } }),
    ).toEqual([
      { path: 'aggregation', code: 'indicator.ratio_aggregation_needs_ratio' },
      { path: 'numerator', code: 'indicator.only_ratio_has_numerator' },
    ]);
  });

  it('makes ranks lower-better and not aggregating', () => {
    const rank: IndicatorDefinition = {
      ...workfiles,
      kind: 'rank',
      aggregation: 'sum',
      numerator: null,
      denominator: null,
    };
    expect(validateIndicator(rank)).toEqual([
      { path: 'direction', code: 'indicator.rank_is_lower_better' },
      { path: 'aggregation', code: 'indicator.rank_does_not_aggregate' },
    ]);
  });

  it('lists every missing field at once', () => {
    const issues = validateIndicator({
      ...workfiles,
      code: 'gov lower',
      nameEn: ' ',
      legalBasis: [],
      unitKinds: ['commune', 'commune'],
    });
    expect(issues.map((i) => i.path)).toEqual(['code', 'nameEn', 'legalBasis', 'unitKinds']);
  });
});

describe('checking a reported value', () => {
  it('needs both parts of a ratio, not above each other', () => {
    expect(checkReportedValue(workfiles, { numerator: 40, denominator: 50 })).toEqual([]);
    expect(checkReportedValue(workfiles, { numerator: 60, denominator: 50 })).toEqual([
      { path: 'numerator', code: 'value.numerator_above_denominator' },
    ]);
    expect(checkReportedValue(workfiles, { numerator: 4 })).toEqual([
      { path: 'denominator', code: 'validation.required' },
    ]);
    expect(checkReportedValue(workfiles, { numerator: -1, denominator: 5, value: 3 })).toEqual([
      { path: 'numerator', code: 'value.negative' },
      { path: 'value', code: 'value.ratio_takes_numerator_denominator' },
    ]);
  });

  it('needs whole counts, ranks from 1 and booleans as 0 or 1', () => {
    expect(checkReportedValue({ kind: 'count' }, { value: 2.5 })).toEqual([
      { path: 'value', code: 'value.not_a_count' },
    ]);
    expect(checkReportedValue({ kind: 'rank' }, { value: 0 })).toEqual([
      { path: 'value', code: 'value.not_a_rank' },
    ]);
    expect(checkReportedValue({ kind: 'boolean' }, { value: 2 })).toEqual([
      { path: 'value', code: 'value.not_a_boolean' },
    ]);
    expect(checkReportedValue({ kind: 'amount' }, { value: 6.8 })).toEqual([]);
    expect(checkReportedValue({ kind: 'amount' }, {})).toEqual([
      { path: 'value', code: 'validation.required' },
    ]);
  });
});
