import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { readUnitListFixture } from '../../test/factories';
import type { DatabaseHandle } from '../db/connect';
import { anonymous, systemActor } from '../domain/auth/actor';
import { type AppError, isAppError } from '../domain/errors';
import type { Db } from '../repositories/db';
import { type ServiceContext, systemContext } from './context';
import { importUnitList } from './unit-import.service';
import { ensureReferenceUnits } from './unit-reference.service';

const count = async (db: Db, kind: string, at: string) => {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM unit WHERE kind = ${kind}
      AND (valid_from IS NULL OR valid_from <= ${at}::date) AND (valid_to IS NULL OR valid_to > ${at}::date)`.execute(
    db,
  );
  return r.rows[0]?.n;
};
const total = async (db: Db, table: 'unit' | 'unit_lineage' | 'unit_list') =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n;
const snapshotOfUnits = async (db: Db) =>
  (
    await sql<{ row: string }>`
      SELECT concat_ws('|', u.kind, u.code, u.name, u.subkind, u.valid_from, u.valid_to, p.kind, p.code, p.valid_from) AS row
      FROM unit u LEFT JOIN unit p ON p.id = u.parent_id ORDER BY 1`.execute(db)
  ).rows.map((r) => r.row);
const snapshotOfLineage = async (db: Db) =>
  (
    await sql<{ row: string }>`
      SELECT concat_ws('|', f.kind, f.code, f.valid_from, t.kind, t.code, t.valid_from, l.effective_on, l.kind) AS row
      FROM unit_lineage l JOIN unit f ON f.id = l.from_unit_id JOIN unit t ON t.id = l.to_unit_id ORDER BY 1`.execute(
      db,
    )
  ).rows.map((r) => r.row);

const bytes = (text: string) => new TextEncoder().encode(text);

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected the import to be refused');
}

describe('importing the official unit lists', () => {
  let h: DatabaseHandle;
  let ctx: ServiceContext;
  beforeAll(async () => {
    h = await createTestDatabase();
    ctx = systemContext(h.db, systemActor('test'));
  });
  afterAll(() => h.close());

  it('ships the nation, the 63 and 34 provinces and the seed departments on start-up, once', async () => {
    expect(await ensureReferenceUnits(ctx)).toMatch(/63 và 34 tỉnh/);
    expect(await count(h.db, 'nation', '2025-01-01')).toBe(1);
    expect(await count(h.db, 'province', '2025-06-30')).toBe(63);
    expect(await count(h.db, 'province', '2025-07-01')).toBe(34);
    // 27 provinces kept code and name and are one row each: 63 + 7 new rows for codes that name another province
    expect(await count(h.db, 'province', '1990-01-01')).toBe(63);
    expect(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM unit WHERE kind = 'province'`.execute(h.db))
        .rows[0]?.n,
    ).toBe(70);
    const before = await total(h.db, 'unit');
    const started = performance.now();
    expect(await ensureReferenceUnits(ctx)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
    expect(await total(h.db, 'unit')).toBe(before);
  });

  it('imports the two-level list: 34 provinces and 3,321 communes in force on 01/07/2025', async () => {
    const started = performance.now();
    const r = await importUnitList(ctx, {
      fileName: 'dvhc-2025.csv',
      bytes: readUnitListFixture('dvhc-2025.csv'),
    });
    const seconds = (performance.now() - started) / 1000;
    expect(r).toMatchObject({
      status: 'imported',
      list: { layout: 'dvhc2', effectiveOn: '2025-07-01', rowCount: 3321 },
      counts: { provinces: 34, districts: 0, communes: 3321 },
      changes: { units: { inserted: 3321, removed: 0 } },
    });
    expect(seconds).toBeLessThan(20);
    expect(await count(h.db, 'province', '2025-07-01')).toBe(34);
    expect(await count(h.db, 'commune', '2025-07-01')).toBe(3321);
    expect(await count(h.db, 'commune', '2025-06-30')).toBe(0);
  });

  it('imports the three-level list: 63 provinces, 691 districts, 10,047 communes on 30/06/2025', async () => {
    const r = await importUnitList(ctx, {
      fileName: 'dvhc-2024.csv',
      bytes: readUnitListFixture('dvhc-2024.csv'),
    });
    expect(r).toMatchObject({
      status: 'imported',
      list: { layout: 'dvhc3', effectiveOn: null, rowCount: 10047 },
      counts: { provinces: 63, districts: 691, communes: 10047 },
    });
    // the official file has 16 rows without a level and 4 with district and commune names swapped
    expect(r.warnings.filter((w) => w.code === 'unit_import.level_inferred')).toHaveLength(16);
    expect(r.warnings.filter((w) => w.code === 'unit_import.names_swapped')).toHaveLength(4);
    expect(await count(h.db, 'province', '2025-06-30')).toBe(63);
    expect(await count(h.db, 'district', '2025-06-30')).toBe(691);
    expect(await count(h.db, 'commune', '2025-06-30')).toBe(10047);
    // the two-level structure is untouched
    expect(await count(h.db, 'district', '2025-07-01')).toBe(0);
    expect(await count(h.db, 'commune', '2025-07-01')).toBe(3321);
    const kienHai = await sql<{ name: string; parent: string }>`
      SELECT u.name, p.name AS parent FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.code = '31114'`.execute(
      h.db,
    );
    expect(kienHai.rows).toEqual([{ name: 'Xã An Sơn', parent: 'Huyện Kiên Hải' }]);
  });

  it('links old and new units with the lineage list', async () => {
    const r = await importUnitList(ctx, {
      fileName: 'lineage-2025-07-01.csv',
      bytes: readUnitListFixture('lineage-2025-07-01.csv'),
    });
    expect(r).toMatchObject({
      status: 'imported',
      list: { layout: 'lineage', effectiveOn: '2025-07-01' },
      counts: { links: 10667 },
    });
    // five island districts had no commune, so no list of communes names them: their links wait
    expect(r.changes.lineage).toMatchObject({
      pending: 5,
      pendingExamples: ['318 → 11948', '471 → 19742', '498 → 20333', '536 → 21548', '755 → 26732'],
    });
    // 63 province rows less the 27 that continued, plus every commune row
    const links = await sql<{ kind: string; n: number }>`
      SELECT f.kind, count(*)::int AS n FROM unit_lineage l JOIN unit f ON f.id = l.from_unit_id
      WHERE f.code_system = 'dvhc' GROUP BY f.kind ORDER BY f.kind`.execute(h.db);
    expect(links.rows).toEqual([
      { kind: 'commune', n: 10599 },
      { kind: 'province', n: 36 },
    ]);
    const namDinh = await sql<{ to: string; kind: string }>`
      SELECT t.name AS to, l.kind FROM unit_lineage l JOIN unit f ON f.id = l.from_unit_id JOIN unit t ON t.id = l.to_unit_id
      WHERE f.kind = 'province' AND f.code = '36'`.execute(h.db);
    expect(namDinh.rows).toEqual([{ to: 'Tỉnh Ninh Bình', kind: 'full' }]);
  });

  it('changes nothing when a list is imported again, and keeps every id', async () => {
    const units = await snapshotOfUnits(h.db);
    const ids = (await sql<{ id: number }>`SELECT id::int AS id FROM unit ORDER BY id`.execute(h.db)).rows;
    const lists = await total(h.db, 'unit_list');
    for (const file of ['dvhc-2025.csv', 'dvhc-2024.csv', 'lineage-2025-07-01.csv']) {
      const r = await importUnitList(ctx, { fileName: file, bytes: readUnitListFixture(file) });
      expect(r.status, file).toBe('unchanged');
    }
    expect(await snapshotOfUnits(h.db)).toEqual(units);
    expect(
      (await sql<{ id: number }>`SELECT id::int AS id FROM unit ORDER BY id`.execute(h.db)).rows,
    ).toEqual(ids);
    expect(await total(h.db, 'unit_list')).toBe(lists);
  });

  it('gives the same units and links whichever order the lists are imported in', async () => {
    const other = await createTestDatabase();
    try {
      const octx = systemContext(other.db, systemActor('test'));
      await ensureReferenceUnits(octx);
      for (const file of ['lineage-2025-07-01.csv', 'dvhc-2024.csv', 'dvhc-2025.csv']) {
        await importUnitList(octx, { fileName: file, bytes: readUnitListFixture(file) });
      }
      expect(await snapshotOfUnits(other.db)).toEqual(await snapshotOfUnits(h.db));
      expect(await snapshotOfLineage(other.db)).toEqual(await snapshotOfLineage(h.db));
    } finally {
      await other.close();
    }
  });

  it('keeps the shipped departments under their provinces with the 2025 lineage', async () => {
    const r = await sql<{ name: string; parent: string; validTo: string | null }>`
      SELECT u.name, p.name AS parent, u.valid_to FROM unit u JOIN unit p ON p.id = u.parent_id
      WHERE u.code IN ('40.STTTT', '36.SYT', '37.SYT') ORDER BY u.code`.execute(h.db);
    expect(r.rows).toEqual([
      { name: 'Sở Y tế', parent: 'Tỉnh Nam Định', validTo: '2025-07-01' },
      { name: 'Sở Y tế', parent: 'Tỉnh Ninh Bình', validTo: null },
      { name: 'Sở Thông tin và Truyền thông', parent: 'Tỉnh Nghệ An', validTo: '2025-03-01' },
    ]);
    const l = await sql<{ to: string; kind: string; effectiveOn: string }>`
      SELECT t.code AS to, l.kind, l.effective_on FROM unit_lineage l JOIN unit f ON f.id = l.from_unit_id
      JOIN unit t ON t.id = l.to_unit_id WHERE f.code = '40.STTTT'`.execute(h.db);
    expect(l.rows).toEqual([{ to: '40.SKHCN', kind: 'partial', effectiveOn: '2025-03-01' }]);
  });

  it('records the import in the audit trail', async () => {
    const r = await sql<{ action: string; n: number }>`
      SELECT action, count(*)::int AS n FROM audit_event WHERE action LIKE 'unit.%' GROUP BY action ORDER BY action`.execute(
      h.db,
    );
    expect(r.rows).toEqual([
      { action: 'unit.import', n: 3 },
      { action: 'unit.reference_sync', n: 1 },
    ]);
  });

  it('refuses an import by anyone but an admin', async () => {
    const e = await failure(
      importUnitList(
        { ...ctx, actor: anonymous },
        { fileName: 'a.csv', bytes: readUnitListFixture('dvhc-2025.csv') },
      ),
    );
    expect(e.code).toBe('auth.required');
  });
});

describe('refusing a bad unit list whole', () => {
  let h: DatabaseHandle;
  let ctx: ServiceContext;
  beforeAll(async () => {
    h = await createTestDatabase();
    ctx = systemContext(h.db, systemActor('test'));
    await ensureReferenceUnits(ctx);
  });
  afterAll(() => h.close());

  const refused = async (fileName: string, content: Uint8Array, validFrom?: string) => {
    const units = await total(h.db, 'unit');
    const lists = await total(h.db, 'unit_list');
    const e = await failure(importUnitList(ctx, { fileName, bytes: content, validFrom }));
    expect(e.code).toBe('unit_import.invalid');
    expect(await total(h.db, 'unit')).toBe(units);
    expect(await total(h.db, 'unit_list')).toBe(lists);
    return e.details.map((d) => `${d.path} ${d.code}`);
  };

  const header2 = 'Mã tỉnh,Tên tỉnh,Mã xã,Tên xã,Cấp';

  it('names a wrong header and the headers it expects', async () => {
    const e = await failure(
      importUnitList(ctx, { fileName: 'x.csv', bytes: bytes('Code,Name,Level\n01,Hà Nội,Tỉnh\n') }),
    );
    expect(e.details).toEqual([
      expect.objectContaining({
        path: 'x.csv:1',
        code: 'unit_import.bad_header',
        params: expect.objectContaining({ found: 'Code,Name,Level', dvhc2: header2 }),
      }),
    ]);
  });

  it('lists every row with a missing code or name, a bad code or a duplicate', async () => {
    const csv = [
      header2,
      '40,Tỉnh Nghệ An,16681,Phường Thành Vinh,Phường',
      '40,Tỉnh Nghệ An,,Xã Không Mã,Xã',
      '40,Tỉnh Nghệ An,16684,,Xã',
      '40,Tỉnh Nghệ An,1668,Xã Mã Ngắn,Xã',
      '40,Tỉnh Nghệ An,16681,Phường Trùng Mã,Phường',
      '4A,Tỉnh Nghệ An,16690,Xã Mã Tỉnh Sai,Xã',
      '40,Tỉnh Nghệ An,16693,Xã Cấp Lạ,Thôn',
    ].join('\r\n');
    expect(await refused('dvhc.csv', bytes(csv))).toEqual([
      'dvhc.csv:3:Mã xã unit_import.missing_value',
      'dvhc.csv:4:Tên xã unit_import.missing_value',
      'dvhc.csv:5:Mã xã unit_import.bad_code',
      'dvhc.csv:6 unit_import.duplicate_code',
      'dvhc.csv:7:Mã tỉnh unit_import.bad_code',
      'dvhc.csv:8:Cấp unit_import.bad_level',
    ]);
  });

  it('names communes whose province is not a province of the list’s date', async () => {
    // Nam Định (36) no longer exists in a two-level list of 1 July 2025
    const csv = [
      header2,
      '40,Tỉnh Nghệ An,16681,Phường Thành Vinh,Phường',
      '36,Tỉnh Nam Định,13900,Xã Yên Phong,Xã',
      '99,Tỉnh Lạ,13903,Xã Lạ,Xã',
    ];
    expect(await refused('dvhc.csv', bytes(csv.join('\n')))).toEqual([
      'dvhc.csv:3:Mã tỉnh unit_import.unknown_province',
      'dvhc.csv:4:Mã tỉnh unit_import.unknown_province',
    ]);
  });

  it('names a commune whose district belongs to another province in a three-level list', async () => {
    const csv = [
      'Mã tỉnh,Tên tỉnh,Mã huyện,Tên huyện,Mã xã,Tên xã,Cấp',
      '40,Tỉnh Nghệ An,412,Thành phố Vinh,16681,Phường Hưng Bình,Phường',
      '36,Tỉnh Nam Định,412,Thành phố Vinh,13900,Xã Yên Phong,Xã',
      '40,Tỉnh Nghệ An,,Thành phố Vinh,16684,Xã Không Huyện,Xã',
    ];
    expect(await refused('dvhc3.csv', bytes(csv.join('\n')))).toEqual([
      'dvhc3.csv:3:Mã huyện unit_import.district_in_two_provinces',
      'dvhc3.csv:4:Mã huyện unit_import.missing_value',
    ]);
  });

  it('says a Windows-1258 file is not UTF-8 and names the line', async () => {
    // "Tỉnh" in a single-byte code page: 0xD2 alone is not UTF-8
    const content = new Uint8Array([
      ...bytes(`${header2}\n40,T`),
      0xd2,
      ...bytes('nh Ngh An,16681,Ph,Phường\n'),
    ]);
    expect(await refused('cp1258.csv', content)).toEqual(['cp1258.csv:2 unit_import.encoding_invalid']);
  });

  it('says a UTF-16 file must be saved as UTF-8', async () => {
    const text = `${header2}\n40,Tỉnh Nghệ An,16681,Phường Thành Vinh,Phường\n`;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(await refused('utf16.csv', utf16)).toEqual(['utf16.csv unit_import.encoding_utf16']);
  });

  it('says a PNG or a PDF renamed .csv is not a table', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await refused('anh.csv', png)).toEqual(['anh.csv unit_import.not_tabular']);
    expect(await refused('van-ban.csv', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'))).toEqual([
      'van-ban.csv unit_import.not_tabular',
    ]);
  });

  it('asks for the date of a lineage list whose name carries none', async () => {
    const csv = 'Cấp,Mã cũ,Tên cũ,Mã mới,Tên mới,Kiểu\ntỉnh,36,Tỉnh Nam Định,37,Tỉnh Ninh Bình,full\n';
    expect(await refused('lineage.csv', bytes(csv))).toEqual(['lineage.csv unit_import.date_required']);
    const r = await importUnitList(ctx, {
      fileName: 'lineage.csv',
      bytes: bytes(csv),
      validFrom: '2025-07-01',
    });
    expect(r).toMatchObject({
      status: 'imported',
      list: { effectiveOn: '2025-07-01' },
      counts: { links: 1 },
    });
  });

  it('reads an XLSX workbook, restoring the leading zeros of numeric codes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DVHC');
    ws.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp']);
    ws.addRow([1, 'Thành phố Hà Nội', 4, 'Phường Ba Đình', 'Phường']);
    ws.addRow(['01', 'Thành phố Hà Nội', '00008', 'Phường Ngọc Hà', 'Phường']);
    const content = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importUnitList(ctx, { fileName: 'ha-noi.xlsx', bytes: content });
    expect(r).toMatchObject({
      status: 'imported',
      list: { format: 'xlsx', layout: 'dvhc2' },
      counts: { communes: 2 },
    });
    const codes = await sql<{
      code: string;
    }>`SELECT code FROM unit WHERE kind = 'commune' ORDER BY code`.execute(h.db);
    expect(codes.rows.map((c) => c.code)).toEqual(['00004', '00008']);
  });
});
