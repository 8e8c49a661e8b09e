import { describe, expect, it } from 'vitest';
import { readDocumentText } from './index';

describe('document identity', () => {
  it('does not take the number and date of a decision the title cites as its own', () => {
    const text = [
      'ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH',
      '',
      'KẾ HOẠCH',
      'Triển khai thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ',
      '',
      'I. MỤC TIÊU',
      '- Tỷ lệ dân số có tài khoản thanh toán điện tử trên 50%.',
    ].join('\n');
    const { document } = readDocumentText(text);
    expect(document.kind).toBe('plan');
    expect(document.number).toBeNull();
    expect(document.date).toBeNull();
    expect(document.province).toBe('Hòa Bình');
  });

  it('reads its own number from the "Số:" line and its date from the place-date line', () => {
    const text = [
      'ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH',
      'Số: 125/KH-UBND',
      'Hòa Bình, ngày 12 tháng 7 năm 2021',
      '',
      'KẾ HOẠCH',
      'Triển khai thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ',
    ].join('\n');
    const { document } = readDocumentText(text);
    expect(document.number).toBe('125/KH-UBND');
    expect(document.date).toBe('2021-07-12');
  });
});
