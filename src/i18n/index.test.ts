import { describe, expect, it } from 'vitest';
import { t } from './index';

describe('t', () => {
  it('prints quantities in the reader’s number format', () => {
    const params = { rate: 109.5, numerator: 1095, denominator: 1000 };
    expect(t('vi', 'validation.rate_over_100', params)).toContain('Tỷ lệ 109,5%');
    expect(t('vi', 'validation.rate_over_100', params)).toContain('(1.095)');
    expect(t('en', 'validation.rate_over_100', params)).toContain('109.5%');
    expect(t('en', 'validation.rate_over_100', params)).toContain('1,095');
  });

  it('prints identifiers as they are: years, ids and rows are not quantities', () => {
    expect(t('vi', 'period.year_out_of_range', { id: '1999', minYear: 2000, maxYear: 2100 })).toBe(
      'Kỳ “1999”: năm phải từ 2000 đến 2100',
    );
    expect(t('vi', 'dashboard.index_rank', { year: 2025, rank: 12, peers: 34 })).toContain('năm 2025');
  });

  it('keeps a placeholder it has no value for, so a missing parameter shows', () => {
    expect(t('vi', 'dashboard.n_targets', {})).toBe('{n} chỉ tiêu');
  });
});
