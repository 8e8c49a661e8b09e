import { describe, expect, it } from 'vitest';
import { extractRequiredObjectivePhrases } from './requirements';

describe('extractRequiredObjectivePhrases', () => {
  it('lists each kind of objective a template names, with its exact span', () => {
    const text =
      '+ Các mục tiêu về phát triển chính quyền số (*xác định rõ chỉ tiêu về tỷ lệ dịch vụ công trực tuyến mức độ 4; tỷ lệ hồ sơ công việc tại cấp tỉnh, huyện, xã được xử lý trên môi trường mạng; ...*);\n\n+ Các mục tiêu về phát triển kinh tế số (*xác định rõ các chỉ tiêu về tỷ lệ kinh tế số trong GRDP; ...*);';
    const phrases = extractRequiredObjectivePhrases(text);
    expect(phrases.map((p) => p.text)).toEqual([
      'tỷ lệ dịch vụ công trực tuyến mức độ 4',
      'tỷ lệ hồ sơ công việc tại cấp tỉnh, huyện, xã được xử lý trên môi trường mạng',
      'tỷ lệ kinh tế số trong GRDP',
    ]);
    for (const p of phrases) expect(text.slice(p.span[0], p.span[1])).toBe(p.text);
  });

  it('leaves out what a province may choose, and the examples in brackets', () => {
    const text =
      'Các địa phương có thể chọn lựa một số lĩnh vực, xác định các chỉ tiêu cụ thể về các lĩnh vực này (ví dụ như nông nghiệp, du lịch).\n+ Mục tiêu (xác định rõ chỉ tiêu về tỷ lệ kinh tế số trong GRDP (ước tính); tỷ trọng kinh tế số trong từng ngành)';
    expect(extractRequiredObjectivePhrases(text).map((p) => p.text)).toEqual(['tỷ lệ kinh tế số trong GRDP']);
  });

  it('stops at the end of the sentence and finds nothing where no list is given', () => {
    expect(
      extractRequiredObjectivePhrases('Các chỉ tiêu về an toàn thông tin. Tỷ lệ khác; tỷ lệ nữa').map(
        (p) => p.text,
      ),
    ).toEqual(['an toàn thông tin']);
    expect(extractRequiredObjectivePhrases('Phấn đấu 90% hồ sơ công việc được xử lý trên mạng.')).toEqual([]);
  });
});
