import { describe, expect, it } from 'vitest';
import {
  deriveDocumentLinks,
  findDocumentReferences,
  normalizeDocumentNumber,
  referenceKind,
  sameDocumentNumber,
} from './links';

describe('document numbers', () => {
  it('normalises the spacing of a number and symbol', () => {
    expect(normalizeDocumentNumber('46 - CV/BCSD')).toBe('46-CV/BCSD');
    expect(normalizeDocumentNumber('749/QĐ-TTg,')).toBe('749/QĐ-TTg');
  });
  it('compares numbers without regard to case, spacing or diacritics', () => {
    expect(sameDocumentNumber('09-NQ/TU', '09 - nq/tu')).toBe(true);
    expect(sameDocumentNumber('749/QĐ-TTg', '749/QD-TTg')).toBe(true);
    expect(sameDocumentNumber('09-NQ/TU', '08-NQ/TU')).toBe(false);
    expect(sameDocumentNumber(null, '08-NQ/TU')).toBe(false);
  });
  it('finds references with their kind, and not periods such as "2021 - 2025"', () => {
    expect(
      findDocumentReferences(
        'theo Quyết định số 749/QĐ-TTg ngày 03/6/2020 và Kế hoạch 2021 - 2025; Nghị quyết 52-NQ/TW',
      ).map((r) => [r.kind, r.number]),
    ).toEqual([
      ['Quyết định', '749/QĐ-TTg'],
      ['Nghị quyết', '52-NQ/TW'],
    ]);
  });
  it('names the kind of a referenced document from its symbol', () => {
    expect(referenceKind('749/QĐ-TTg')).toBe('decision');
    expect(referenceKind('09-NQ/TU')).toBe('resolution');
    expect(referenceKind('46-CV/BCSD')).toBe('letter');
  });
});

describe('deriveDocumentLinks', () => {
  it('links a plan to the decision its enacting formula carries out', () => {
    const text =
      '**KẾ HOẠCH**\n\nTriển khai thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ về việc phê duyệt Chương trình, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:\n\nI. MỤC TIÊU';
    expect(deriveDocumentLinks(text, 'plan', null)).toEqual([
      { relation: 'implements', reference: '749/QĐ-TTg' },
    ]);
  });

  it('takes every document named before "ban hành", none after it', () => {
    const text =
      'Để tiếp tục triển khai thực hiện hiệu quả Nghị quyết số 36-NQ/TW, ngày 01/7/2014; Nghị quyết số 52-NQ/TW, ngày 27/9/2019, Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 12-NQ/TU như sau:';
    expect(deriveDocumentLinks(text, 'resolution', null).map((l) => l.reference)).toEqual([
      '36-NQ/TW',
      '52-NQ/TW',
    ]);
  });

  it('ignores documents merely mentioned in the body', () => {
    const text =
      'I. TÌNH HÌNH\n- Thủ tướng Chính phủ đã ban hành Quyết định số 749/QĐ-TTg phê duyệt Chương trình.\n- Tăng cường chỉ đạo thực hiện Nghị quyết số 52-NQ/TW.';
    expect(deriveDocumentLinks(text, 'resolution', null)).toEqual([]);
  });

  it('links an outline to the resolution its heading names, even when it carries that number itself', () => {
    const text =
      '**ĐỀ CƯƠNG**\n\n**Nghị quyết số 09-NQ/TU, ngày 15/10/2021 của BCH Đảng bộ tỉnh về “Chuyển đổi số”**\n(kèm theo Công văn số 388-CV/BTGTU)\n\n**I. MỤC ĐÍCH**\nQuyết định số 749/QĐ-TTg';
    expect(deriveDocumentLinks(text, 'outline', '09-NQ/TU')).toEqual([
      { relation: 'explains', reference: '09-NQ/TU' },
    ]);
    expect(deriveDocumentLinks(text, 'resolution', null)).toEqual([]);
  });
});
