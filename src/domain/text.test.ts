import { describe, expect, it } from 'vitest';
import { cleanName, foldVietnamese } from './text';

describe('foldVietnamese', () => {
  it('drops diacritics and case so that "nghe an" finds "Nghệ An"', () => {
    expect(foldVietnamese('Tỉnh Nghệ An')).toBe('tinh nghe an');
    expect(foldVietnamese('Quảng Nam')).toBe('quang nam');
  });
  it('folds đ and Đ to d', () => {
    expect(foldVietnamese('Đà Nẵng')).toBe('da nang');
    expect(foldVietnamese('Nam Định')).toBe('nam dinh');
  });
  it('treats precomposed and decomposed input alike', () => {
    expect(foldVietnamese('Vinh'.normalize('NFD'))).toBe(foldVietnamese('Vinh'));
    expect(foldVietnamese('Thành'.normalize('NFD'))).toBe('thanh');
  });
});

describe('cleanName', () => {
  it('normalises to NFC and collapses spaces', () => {
    expect(cleanName('  Phường   Thành\tVinh ')).toBe('Phường Thành Vinh');
    expect(cleanName('Nghệ'.normalize('NFD'))).toBe('Nghệ');
  });
});
