import { describe, expect, it } from 'vitest';
import { formatTarget, formatTargetValue, type TargetWording } from './target-text';

const vi: TargetWording = {
  number: (n) => new Intl.NumberFormat('vi-VN').format(n),
  t: (key, p = {}) =>
    ({
      'documents.level.province': 'cấp tỉnh',
      'documents.level.commune': 'cấp xã',
      'documents.year': `năm ${p.year}`,
      'documents.value.top': `nhóm ${p.n} dẫn đầu`,
      'documents.unit.rank': 'hạng',
      'documents.unit.amount': 'tỷ đồng',
    })[key] ?? key,
};

describe('formatTarget', () => {
  it('writes a percent target with its comparator, level and year', () => {
    expect(
      formatTarget(
        { comparator: '>=', value: 90, valueMax: null, unit: 'percent', level: 'province', year: 2025 },
        vi,
      ),
    ).toBe('≥ 90% — cấp tỉnh — năm 2025');
  });
  it('uses the decimal comma and thousands dot of vi-VN', () => {
    expect(
      formatTargetValue(
        { comparator: '>', value: 3000, valueMax: null, unit: 'count', unitLabel: 'lượt' },
        vi,
      ),
    ).toBe('> 3.000 lượt');
    expect(formatTargetValue({ comparator: '=', value: 42.5, valueMax: null, unit: 'percent' }, vi)).toBe(
      '42,5%',
    );
  });
  it('writes a range and a top-N rank', () => {
    expect(formatTargetValue({ comparator: 'range', value: 15, valueMax: 20, unit: 'percent' }, vi)).toBe(
      '15–20%',
    );
    expect(
      formatTarget(
        { comparator: 'top', value: 20, valueMax: null, unit: 'rank', level: null, year: 2025 },
        vi,
      ),
    ).toBe('nhóm 20 dẫn đầu — năm 2025');
  });
  it('leaves out a level and a year the document does not state', () => {
    expect(
      formatTarget(
        { comparator: '<', value: 5, valueMax: null, unit: 'percent', level: null, year: null },
        vi,
      ),
    ).toBe('< 5%');
  });
});
