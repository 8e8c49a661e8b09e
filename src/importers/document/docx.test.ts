// A plan typed in Word with automatic numbering ("I.", "1.", "a)" and
// bullets drawn by the list, not typed) and a table of tasks: the reader must
// see the numbering a person sees on the page.
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocumentFile } from './reader';
import type { ReaderResult } from './types';

const font = 'Times New Roman';
const run = (text: string, bold = false) => new TextRun({ text, bold, font, size: 26 });
const plain = (text: string, bold = false) => new Paragraph({ children: [run(text, bold)] });
const listed = (text: string, level: number, reference = 'plan') =>
  new Paragraph({ children: [run(text, level < 2)], numbering: { reference, level } });
const cell = (text: string) =>
  new TableCell({ children: [plain(text)], width: { size: 2000, type: WidthType.DXA } });

async function plan(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'plan',
          levels: [
            { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.LOWER_LETTER, text: '%3)', alignment: AlignmentType.LEFT },
            { level: 3, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          plain('KẾ HOẠCH', true),
          plain('Chuyển đổi số tỉnh Phú Thọ giai đoạn 2023 - 2025', true),
          listed('MỤC TIÊU', 0),
          listed('Mục tiêu đến năm 2025', 1),
          listed('Chính quyền số', 2),
          listed('95% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.', 3),
          listed('Kinh tế số', 2),
          listed('Kinh tế số chiếm khoảng 12% GRDP.', 3),
          listed('NHIỆM VỤ, GIẢI PHÁP', 0),
          listed('Phát triển hạ tầng số', 1),
          listed('Phủ sóng 5G tại các khu công nghiệp.', 3),
          listed('Phát triển dữ liệu số', 1),
          new Table({
            rows: [
              new TableRow({
                children: ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'].map(cell),
              }),
              new TableRow({
                children: [
                  '1',
                  'Xây dựng kho dữ liệu dùng chung',
                  'Sở Thông tin và Truyền thông',
                  'Quý IV/2024',
                ].map(cell),
              }),
            ],
          }),
          listed('TỔ CHỨC THỰC HIỆN', 0),
          plain('Sở Công Thương chủ trì triển khai các nhiệm vụ tại mục 2, phần II Kế hoạch này.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('a DOCX with automatic numbering', () => {
  let result: ReaderResult;
  beforeAll(async () => {
    result = await readDocumentFile(await plan(), 'ke-hoach.docx');
  });

  it('writes the numbering into the text, as printed', () => {
    expect(result.text).toContain('I. MỤC TIÊU');
    expect(result.text).toContain('1. Mục tiêu đến năm 2025');
    expect(result.text).toContain('a) Chính quyền số');
    expect(result.text).toContain('b) Kinh tế số');
    expect(result.text).toContain('- 95% hồ sơ công việc');
    expect(result.text).toContain('II. NHIỆM VỤ, GIẢI PHÁP');
    expect(result.text).toContain('2. Phát triển dữ liệu số');
    expect(result.text).toContain(
      '| 1 | Xây dựng kho dữ liệu dùng chung | Sở Thông tin và Truyền thông | Quý IV/2024 |',
    );
  });

  it('reads sections, years from numbered headings, and tasks from the table', () => {
    expect(result.sections.filter((s) => s.kind !== 'bullet').map((s) => s.path)).toEqual([
      'I',
      'I.1',
      'I.1.a',
      'I.1.b',
      'II',
      'II.1',
      'II.2',
      'III',
    ]);
    expect(result.targets.map((t) => [t.year, t.level, t.value, t.indicator])).toEqual([
      [2025, 'province', 95, 'GOV.WORKFILE_ONLINE'],
      [2025, null, 12, 'ECO.DIGITAL_ECONOMY_GRDP'],
    ]);
    const groups = result.tasks.filter((t) => t.kind === 'group');
    expect(groups.map((g) => [g.section, g.leads])).toEqual([
      ['II.1', []],
      ['II.2', ['Sở Công Thương']],
    ]);
    const fromTable = result.tasks.find((t) => t.title === 'Xây dựng kho dữ liệu dùng chung');
    expect([fromTable?.kind, fromTable?.section, fromTable?.deadline]).toEqual([
      'task',
      'II.2',
      '2024-12-31',
    ]);
  });
});
