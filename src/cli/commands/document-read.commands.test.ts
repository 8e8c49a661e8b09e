import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultSchema } from '../../contracts/document-read';
import type { CommandIo } from '../command';
import { describeValue, documentReadCommands } from './document-read.commands';

const command = documentReadCommands[0]!;
const fixture = resolve(__dirname, '../../../test/fixtures/documents/binh-dinh-nghi-quyet-2021.md');

async function run(positionals: string[], json = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await command.run({ positionals, options: { json } }, null, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('nhipso document read', () => {
  it('needs no database', () => {
    expect(command.needsDatabase).toBe(false);
    expect(command.name).toEqual(['document', 'read']);
  });

  it('prints JSON in exactly the shape of the contract', async () => {
    const { code, out } = await run([fixture], true);
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(readResultSchema.strict().safeParse(parsed).success).toBe(true);
    expect(Object.keys(parsed)).toEqual(['document', 'targets', 'tasks']);
    expect(parsed.document.number).toBe('12-NQ/TU');
    const workFiles = parsed.targets.filter((t: { quote: string }) => t.quote.includes('cấp huyện đạt 85%'));
    expect(workFiles).toEqual([
      expect.objectContaining({ year: 2025, level: 'district', comparator: '=', value: 85, unit: 'percent' }),
    ]);
    for (const t of parsed.targets) expect(Object.keys(t)).toHaveLength(10);
    for (const t of parsed.tasks) expect(Object.keys(t)).toHaveLength(7);
  });

  it('prints a summary in Vietnamese without --json', async () => {
    const { code, out } = await run([fixture]);
    expect(code).toBe(0);
    expect(out).toContain('Nghị quyết 12-NQ/TU: Về đẩy mạnh chuyển đổi số tỉnh Bình Định');
    expect(out).toContain('Ngày: 05/08/2021');
    expect(out).toMatch(/Mục tiêu \(15\):/);
    expect(out).toContain('III.2 Phát triển hạ tầng số và dữ liệu số');
  });

  it('refuses a file that is not a document, saying why in both languages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhipso-read-'));
    const png = join(dir, 'anh.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const { code, err } = await run([png]);
    expect(code).toBe(1);
    expect(err).toContain('là ảnh PNG, không phải văn bản');
    expect(err).toContain('is a PNG image, not a document');
  });

  it('says when the file does not exist, and how to call it without one', async () => {
    const missing = await run(['/khong/co/tep.txt']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Không tìm thấy tệp');
    expect((await run([])).code).toBe(2);
  });
});

describe('describeValue', () => {
  it.each([
    [{ comparator: '>=', value: 90, valueMax: null, unit: 'percent' }, '≥ 90%'],
    [{ comparator: 'range', value: 15, valueMax: 20, unit: 'percent' }, '15–20%'],
    [{ comparator: 'top', value: 20, valueMax: null, unit: 'rank' }, 'nhóm 20 dẫn đầu'],
    [{ comparator: '>', value: 3000, valueMax: null, unit: 'count' }, '> 3.000'],
    [{ comparator: '=', value: 42.5, valueMax: null, unit: 'percent' }, '= 42,5%'],
  ] as const)('%o → %s', (target, text) => {
    expect(describeValue(target)).toBe(text);
  });
});
