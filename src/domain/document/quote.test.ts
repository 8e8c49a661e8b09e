import { describe, expect, it } from 'vitest';
import { findQuote, findQuoteAll, normalizeQuote, overlapLength, spansOverlap } from './quote';

describe('normalizeQuote', () => {
  it('ignores diacritics, case, Markdown marks, trailing punctuation and spacing', () => {
    expect(normalizeQuote('**90%** hồ sơ  công việc;')).toBe('90% ho so cong viec');
    expect(normalizeQuote('90% Hồ sơ công\nviệc')).toBe('90% ho so cong viec');
  });
  it('keeps the numbers that make two targets different', () => {
    expect(normalizeQuote('trên 50% dân số')).not.toBe(normalizeQuote('trên 40% dân số'));
    expect(normalizeQuote('42,5%')).toBe('42,5%');
  });
  it('drops a leading bullet', () => {
    expect(normalizeQuote('- 100% xã có cáp quang')).toBe('100% xa co cap quang');
  });
});

describe('findQuote', () => {
  const text = 'Mục tiêu:\n- **90%** hồ sơ công việc tại cấp tỉnh;\n- 80%  hồ sơ\ncông việc tại cấp huyện.';
  it('finds the exact words with their JavaScript offsets', () => {
    const span = findQuote(text, 'hồ sơ công việc tại cấp tỉnh');
    expect(span).toEqual([20, 48]);
    expect(text.slice(20, 48)).toBe('hồ sơ công việc tại cấp tỉnh');
  });
  it('finds the same words across line breaks, doubled spaces and Markdown marks', () => {
    const span = findQuote(text, '80% hồ sơ công việc tại cấp huyện');
    expect(span).not.toBeNull();
    expect(text.slice(span![0], span![1])).toBe('80%  hồ sơ\ncông việc tại cấp huyện');
    const bold = findQuote(text, '90% hồ sơ');
    expect(text.slice(bold![0], bold![1])).toBe('90%** hồ sơ');
  });
  it('returns null when the words are not there', () => {
    expect(findQuote(text, '70% hồ sơ')).toBeNull();
    expect(findQuote(text, '   ')).toBeNull();
  });
  it('lists every occurrence in order', () => {
    expect(findQuoteAll('ab ab ab', 'ab')).toEqual([
      [0, 2],
      [3, 5],
      [6, 8],
    ]);
  });
});

describe('spans', () => {
  it('overlap only when they share a character', () => {
    expect(spansOverlap([0, 5], [4, 8])).toBe(true);
    expect(spansOverlap([0, 5], [5, 8])).toBe(false);
    expect(overlapLength([0, 10], [4, 20])).toBe(6);
    expect(overlapLength([0, 3], [4, 20])).toBe(0);
  });
});
