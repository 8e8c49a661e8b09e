import { describe, expect, it } from 'vitest';
import { indicatorSearchText, matchesSearch, searchScore, searchTerms } from './search';

const epayment = {
  code: 'SOC.EPAYMENT_ACCOUNTS',
  nameVi: 'Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản thanh toán điện tử',
  nameEn: 'Share of the population aged 15 and over with an e-payment account',
  keywords: ['vi dien tu', 'mobile money'],
};
const security = {
  code: 'FND.SECURITY_4_LAYER',
  nameVi: 'Tỷ lệ hệ thống thông tin được bảo đảm an toàn thông tin theo mô hình 4 lớp',
  nameEn: 'Share of information systems protected under the four-layer security model',
  keywords: ['an ninh mang'],
};

describe('catalog search', () => {
  it('folds the query and splits off the last word as a prefix', () => {
    expect(searchTerms('  Thanh TOÁN  điện t ')).toEqual({
      phrase: 'thanh toan dien t',
      words: ['thanh', 'toan', 'dien'],
      prefix: 't',
    });
    expect(searchTerms(' -- ')).toEqual({ phrase: '', words: [], prefix: null });
  });

  it('builds the search text from the code, its words, both names and the keywords, folded', () => {
    const text = indicatorSearchText(epayment);
    expect(text).toContain('soc.epayment_accounts');
    expect(text).toContain('soc epayment accounts');
    expect(text).toContain('tai khoan thanh toan dien tu');
    expect(text).toContain('mobile money');
    expect(text).toBe(text.toLowerCase());
  });

  it('finds "thanh toan dien tu" whatever the diacritics and case, and not the security indicator', () => {
    for (const q of ['thanh toan dien tu', 'THANH TOÁN ĐIỆN TỬ', 'Thanh toán']) {
      expect(matchesSearch(indicatorSearchText(epayment), searchTerms(q)), q).toBe(true);
      expect(matchesSearch(indicatorSearchText(security), searchTerms(q)), q).toBe(false);
    }
  });

  it('matches whole words, except the word being typed', () => {
    // "toan" is a whole word of "an toàn"; "toa" only starts one
    expect(matchesSearch(indicatorSearchText(security), searchTerms('an toa'))).toBe(true);
    expect(matchesSearch(indicatorSearchText(security), searchTerms('toa thong'))).toBe(false);
  });

  it('ranks the exact code, then a phrase of the Vietnamese name, then the English name, then keywords', () => {
    expect(searchScore(epayment, searchTerms('soc epayment accounts'))).toBe(100);
    expect(searchScore(epayment, searchTerms('thanh toán điện tử'))).toBe(50);
    expect(searchScore(epayment, searchTerms('e-payment account'))).toBe(40);
    expect(searchScore(epayment, searchTerms('mobile money'))).toBe(30);
    expect(searchScore(epayment, searchTerms('dien tu 15'))).toBe(10);
  });
});
