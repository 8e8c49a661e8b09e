import { describe, expect, it } from 'vitest';
import { parseStructure } from './structure';

const plan = [
  '**KẾ HOẠCH**',
  '**Chuyển đổi số tỉnh Hòa Bình năm 2023**',
  '',
  '**I. MỤC TIÊU**',
  '',
  '## 1. Mục tiêu chung',
  '',
  'Đẩy mạnh chuyển đổi số trên địa bàn tỉnh.',
  '',
  '### 2.1. Mục tiêu đến năm 2025',
  '',
  '- Về chính quyền số:',
  '+ 95% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng;',
  '- + Tỷ lệ dân số có tài khoản thanh toán điện tử trên 60%.',
  '',
  'II- NHIỆM VỤ, GIẢI PHÁP',
  '',
  '*Thứ nhất, phát triển hạ tầng số*',
  '',
  'a) Hạ tầng băng rộng',
  '',
  'b. Nền tảng số dùng chung',
  '',
  '**Hai là, nâng cao nhận thức:** Tuyên truyền sâu rộng.',
  '',
  'III: TỔ CHỨC THỰC HIỆN',
  '',
  '1. Sở Thông tin và Truyền thông: chủ trì.',
].join('\n');

describe('parseStructure', () => {
  const sections = parseStructure(plan);
  const byPath = new Map(sections.map((s) => [s.path, s]));

  it('numbers Roman parts written with ".", "-" and ":"', () => {
    expect(sections.filter((s) => s.kind === 'roman').map((s) => [s.label, s.path, s.heading])).toEqual([
      ['I.', 'I', 'MỤC TIÊU'],
      ['II-', 'II', 'NHIỆM VỤ, GIẢI PHÁP'],
      ['III:', 'III', 'TỔ CHỨC THỰC HIỆN'],
    ]);
  });

  it('joins parent numbers into paths and does not repeat a multi-level number', () => {
    expect(byPath.get('I.1')?.heading).toBe('Mục tiêu chung');
    // "2.1." written without a "2." parent sits under I
    expect(byPath.get('I.2.1')?.heading).toBe('Mục tiêu đến năm 2025');
    expect(byPath.get('III.1')?.heading).toBe('Sở Thông tin và Truyền thông');
  });

  it('reads ordinal words as numbers and letters as path parts', () => {
    expect(byPath.get('II.1')?.label).toBe('Thứ nhất');
    expect(byPath.get('II.1')?.heading).toBe('Phát triển hạ tầng số');
    expect(byPath.get('II.1.a')?.heading).toBe('Hạ tầng băng rộng');
    expect(byPath.get('II.1.b')?.heading).toBe('Nền tảng số dùng chung');
    // "Hai là" is written in another ordinal series, yet is a sibling of "Thứ nhất"
    expect(byPath.get('II.2')?.label).toBe('Hai là');
    expect(byPath.get('II.2')?.heading).toBe('Nâng cao nhận thức');
    expect(byPath.get('II.2')?.parent).toBe(byPath.get('II')?.index);
  });

  it('nests bullets by their mark and reads a doubled bullet as the inner one', () => {
    const dash = sections.find((s) => s.kind === 'bullet' && s.label === '-');
    const plus = sections.filter((s) => s.kind === 'bullet' && s.label === '+');
    expect(dash?.heading).toBe('Về chính quyền số');
    expect(plus).toHaveLength(2);
    expect(plus.every((s) => s.parent === dash?.index)).toBe(true);
    expect(plus.map((s) => s.path)).toEqual(['I.2.1-1-1', 'I.2.1-1-2']);
    expect(plus[1]?.heading).toBe('Tỷ lệ dân số có tài khoản thanh toán điện tử trên 60%');
  });

  it('gives each part its role from the heading', () => {
    expect(byPath.get('I')?.role).toBe('objectives');
    expect(byPath.get('I.2.1')?.role).toBe('objectives');
    expect(byPath.get('II.1.a')?.role).toBe('tasks');
    expect(byPath.get('III.1')?.role).toBe('implementation');
  });

  it('spans cover the section in the text as given, Markdown included', () => {
    const part = byPath.get('II');
    expect(part && plan.slice(part.span[0], part.span[0] + 23)).toBe('II- NHIỆM VỤ, GIẢI PHÁP');
    const first = byPath.get('I');
    expect(first && plan.slice(first.span[0], first.span[1]).endsWith('trên 60%.')).toBe(true);
    const heading = byPath.get('I.1');
    expect(heading && plan.slice(heading.headingSpan[0], heading.headingSpan[1])).toBe('1. Mục tiêu chung');
  });

  it('does not take figures, years or dates at the start of a line for numbering', () => {
    const text = [
      'I. MỤC TIÊU',
      '100% xã có cáp quang.',
      '3.000 lượt người được đào tạo.',
      '2025 là năm bản lề.',
    ].join('\n');
    expect(parseStructure(text).map((s) => s.path)).toEqual(['I']);
  });

  it('ends sections at the recipients list of the closing matter', () => {
    const text = [
      'I. NHIỆM VỤ',
      '1. Phát triển hạ tầng số',
      '',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT.',
    ].join('\n');
    const sections2 = parseStructure(text);
    expect(sections2.map((s) => s.path)).toEqual(['I', 'I.1']);
    expect(text.slice(sections2[1]!.span[0], sections2[1]!.span[1])).toBe('1. Phát triển hạ tầng số');
  });
});
