import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db';
import type { DatabaseHandle } from '../../db/connect';
import { systemActor } from '../../domain/auth/actor';
import type { ServiceContext } from '../../services/context';
import { seedDocumentsOnFirstStart } from '../../services/document-seed.service';
import {
  insertNationalIndicators,
  insertReferenceUnits,
  testContext,
} from '../../services/document-test-fixtures';
import type { Command } from '../command';
import { documentCommands } from './document.commands';

const seedsDir = process.env.NHIPSO_SEEDS_DIR ?? resolve(import.meta.dirname, '../../../../shared/seeds');
const goldDir = resolve(import.meta.dirname, '../../../test/fixtures/gold');

function command(...name: string[]): Command {
  return documentCommands.find((c) => c.name.join(' ') === name.join(' '))!;
}

async function run(
  ctx: ServiceContext,
  name: string[],
  positionals: string[],
  options: Record<string, string | boolean> = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(...name).run({ positionals, options }, ctx, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

describe.runIf(existsSync(seedsDir))('nhipso document …', () => {
  let h: DatabaseHandle;
  let ctx: ServiceContext;

  beforeAll(async () => {
    h = await createTestDatabase();
    await insertReferenceUnits(h.db);
    await insertNationalIndicators(h.db);
    ctx = testContext(h.db, systemActor('cli:document'));
    await seedDocumentsOnFirstStart(ctx, { seedsDir, goldDir });
  });
  afterAll(() => h.close());

  it('compare 09-NQ/TU with the plan prints both Nam Định disagreements', async () => {
    const list = await run(ctx, ['document', 'list'], [], { kind: 'plan' });
    const planId = /^#(\d+)/.exec(list.out[0] ?? '')?.[1];
    expect(planId).toBeDefined();
    const r = await run(ctx, ['document', 'compare'], ['09-NQ/TU', planId!]);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain('A: Đề cương 09-NQ/TU — Tỉnh Nam Định');
    // the digital economy in 2025 and 2030, the e-payment accounts in 2025
    expect(text).toMatch(
      /Tỷ trọng kinh tế số trong GRDP — năm 2025 \[ECO\.DIGITAL_ECONOMY_GRDP\]\n\s+A 20%\s+≠\s+B 10%/,
    );
    expect(text).toMatch(
      /Tỷ trọng kinh tế số trong GRDP — năm 2030 \[ECO\.DIGITAL_ECONOMY_GRDP\]\n\s+A 30%\s+≠\s+B 15–20%/,
    );
    expect(text).toMatch(
      /thanh toán điện tử — năm 2025 \[SOC\.EPAYMENT_ACCOUNTS\]\n\s+A > 50%\s+≠\s+B > 40%/,
    );
  });

  it('compare --json prints the comparison as the API gives it', async () => {
    const r = await run(ctx, ['document', 'compare'], ['09-NQ/TU', '46-CV/BCSD'], { json: true });
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out.join('\n')) as {
      a: { number: string };
      coverage: { required: number } | null;
    };
    expect(c.a.number).toBe('09-NQ/TU');
    expect(c.coverage?.required).toBeGreaterThan(5);
  });

  it('names an unknown document and exits with 3', async () => {
    const r = await run(ctx, ['document', 'compare'], ['99-NQ/TU', '09-NQ/TU']);
    expect(r.code).toBe(3);
    expect(r.err.join('\n')).toContain('Không tìm thấy văn bản “99-NQ/TU”');
  });

  it('imports a file for a province and lists it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhipso-cli-'));
    const file = join(dir, 'ke-hoach-nghe-an.txt');
    writeFileSync(
      file,
      [
        'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN',
        'Số: 88/KH-UBND',
        'Nghệ An, ngày 02 tháng 4 năm 2024',
        'KẾ HOẠCH',
        'Chuyển đổi số năm 2024',
        'I. MỤC TIÊU',
        '- Đến năm 2025, 95% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.',
      ].join('\n'),
    );
    const r = await run(ctx, ['document', 'import'], [file], { province: '40', kind: 'plan' });
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^Đã nạp \/ imported #\d+: Kế hoạch 88\/KH-UBND — .* \(Tỉnh Nghệ An\)$/);
    const list = await run(ctx, ['document', 'list'], [], { province: '40' });
    expect(list.out.some((l) => l.includes('88/KH-UBND'))).toBe(true);
    // the same file again is refused, naming the document it already is
    const again = await run(ctx, ['document', 'import'], [file], { province: '40' });
    expect(again.code).toBe(1);
    expect(again.err[0]).toMatch(/Tệp này đã được nạp \(văn bản \d+\)/);
    expect(readFileSync(file, 'utf8')).toContain('88/KH-UBND');
  });

  it('refuses an unknown kind with the list of kinds', async () => {
    const r = await run(ctx, ['document', 'list'], [], { kind: 'novel' });
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('resolution, plan, outline, template, decision, other');
  });
});
