import { describe, expect, it } from 'vitest';
import { keptValueMax } from './value-max';

describe('keptValueMax', () => {
  it('keeps the upper value of a range and of a rank band', () => {
    expect(keptValueMax('range', 20)).toBe(20);
    expect(keptValueMax('top', 30)).toBe(30);
  });
  it('drops it for the other comparators and when absent', () => {
    expect(keptValueMax('>=', 20)).toBeNull();
    expect(keptValueMax('=', 5)).toBeNull();
    expect(keptValueMax('top', undefined)).toBeNull();
  });
});
