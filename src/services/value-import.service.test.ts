/**
 * The Excel round trip of issue 5: a template downloaded, filled in by the
 * test with exceljs, uploaded with one bad cell (named, nothing saved),
 * fixed, previewed, confirmed, saved, submitted and rolled up to the
 * province; and the refusals (not a workbook, another round, codes changed,
 * units out of scope, figures changed since the preview).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { buildReportingWorld, insertOpenRound, type ReportingWorld } from '../../test/reporting-world';
import type { DatabaseHandle } from '../db/connect';
import { isAppError } from '../domain/errors';
import { findRollups } from '../repositories/rollup.repository';
import { saveDataValues } from './data-value.service';
import { submitReport } from './submission.service';
import { prepareRoundTemplate, writeRoundTemplate } from './template.service';
import { processUpload } from './value-import.service';

const COMMUNES = 'Xã phường - Communes';
const DEPARTMENTS = 'Sở ban ngành - Departments';

async function templateBytes(
  ctx: Parameters<typeof prepareRoundTemplate>[0],
  q: Parameters<typeof prepareRoundTemplate>[1],
): Promise<Buffer> {
  const prepared = await prepareRoundTemplate(ctx, q);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((ok) => out.on('end', ok));
  await writeRoundTemplate(prepared, out);
  await done;
  return Buffer.concat(chunks);
}

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The row of a unit and an indicator in a data sheet. */
function rowOf(ws: ExcelJS.Worksheet, unitCode: string, indicatorCode: string): ExcelJS.Row {
  for (let r = 5; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell('B').value === unitCode && row.getCell('D').value === indicatorCode) return row;
  }
  throw new Error(`no row ${unitCode} ${indicatorCode}`);
}

async function rejection(p: Promise<unknown>): Promise<{ code: string; status: number; params: unknown }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, status: e.status, params: e.params };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the Excel template and its upload', () => {
  let h: DatabaseHandle;
  let w: ReportingWorld;
  let round: Awaited<ReturnType<typeof insertOpenRound>>;
  let codes: Record<'p' | 'c1' | 'c2' | 'c3' | 'd', string>;
  const clock = () => new Date('2025-11-20T03:00:00Z');
  const FIBRE = 'SOC.FIBRE_HOUSEHOLDS';
  const WORKFILE = 'GOV.WORKFILE_ONLINE';
  const OPEN_DATA = 'GOV.OPEN_DATA';
  const TEAMS = 'SOC.PUBLIC_WIFI';

  const countValues = async () =>
    Number(
      (
        await h.db
          .selectFrom('dataValue')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('periodId', '=', '2025')
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildReportingWorld(h.db, clock);
    round = await insertOpenRound(h.db, {
      provinceId: w.p,
      periodId: '2025',
      unitIds: [w.c1, w.c2, w.c3, w.d],
      indicators: [
        { indicatorId: w.indicator(FIBRE), unitKind: 'commune' },
        { indicatorId: w.indicator(WORKFILE), unitKind: 'commune' },
        { indicatorId: w.indicator(TEAMS), unitKind: 'commune', required: false },
        { indicatorId: w.indicator(WORKFILE), unitKind: 'department' },
        { indicatorId: w.indicator(OPEN_DATA), unitKind: 'department' },
      ],
    });
    const units = await h.db.selectFrom('unit').select(['id', 'code']).execute();
    const code = (id: number) => units.find((u) => u.id === id)!.code;
    codes = { p: code(w.p), c1: code(w.c1), c2: code(w.c2), c3: code(w.c3), d: code(w.d) };
    // last year's figure of commune 1, shown in the template
    await h.db
      .insertInto('period')
      .values({ id: '2024', kind: 'year', startsOn: '2024-01-01', endsOn: '2024-12-31' })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await h.db
      .insertInto('dataValue')
      .values({
        unitId: w.c1,
        indicatorId: w.indicator(FIBRE),
        periodId: '2024',
        numerator: 3900,
        denominator: 5200,
        status: 'approved',
      })
      .execute();
  });
  afterAll(() => h.close());

  it('makes a protected workbook with codes, bilingual headers, notes, validation, last period and a hidden signed sheet', async () => {
    const wb = await open(await templateBytes(w.as(w.people.coordinator), { roundId: round.roundId }));
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Hướng dẫn - Instructions',
      DEPARTMENTS,
      COMMUNES,
      'Danh mục chỉ tiêu',
      'nhipso_meta',
    ]);
    expect(wb.getWorksheet('nhipso_meta')!.state).toBe('veryHidden');
    const ws = wb.getWorksheet(COMMUNES)!;
    expect(ws.getRow(3).getCell('H').value).toBe('Tử số');
    expect(ws.getRow(4).getCell('H').value).toBe('Numerator');
    expect(ws.getRow(3).getCell('G').value).toBe('Kỳ trước (Năm 2024)');
    // three communes × three indicators
    const dataRows = Array.from({ length: ws.rowCount - 4 }, (_, i) => ws.getRow(i + 5)).filter(
      (r) => r.getCell('B').value,
    );
    expect(dataRows).toHaveLength(9);
    const fibre = rowOf(ws, codes.c1, FIBRE);
    expect(String(fibre.getCell('E').value)).toBe(
      'Tỷ lệ hộ gia đình có hạ tầng cáp quang băng rộng *\nShare of households covered by fibre broadband',
    );
    const note = fibre.getCell('E').note;
    const noteText = typeof note === 'string' ? note : (note?.texts ?? []).map((x) => x.text).join('');
    expect(noteText).toMatch(/Tử số: .+/);
    expect(noteText).toMatch(/Mẫu số: .+/);
    expect(noteText).toMatch(/Numerator: .+/);
    expect(fibre.getCell('G').value).toBe('75% (3.900/5.200)');
    // the sheet is protected, the input cells are not locked, the codes are
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(fibre.getCell('H').protection?.locked).toBe(false);
    expect(fibre.getCell('B').protection?.locked).not.toBe(false);
    expect(fibre.getCell('K').protection?.locked).not.toBe(false);
    // numerator ≤ denominator as a custom formula; whole numbers ≥ 0 for counts by the hidden kind column
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const numerator = Object.entries(dv).find(([range]) => range.startsWith('H5'));
    expect(numerator?.[1].type).toBe('custom');
    expect(numerator?.[1].formulae?.[0]).toContain('H5<=I5');
    const value = Object.entries(dv).find(([range]) => range.startsWith('K5'));
    expect(value?.[1].formulae?.[0]).toContain('K5=INT(K5)');
    const wifi = rowOf(ws, codes.c1, TEAMS);
    expect(wifi.getCell('N').value).toBe('count');
    expect(wifi.getCell('H').protection?.locked).not.toBe(false);
    expect(wifi.getCell('K').protection?.locked).toBe(false);
    const meta = wb.getWorksheet('nhipso_meta')!;
    const metaValue = (key: string) => {
      for (let r = 1; r <= meta.rowCount; r++)
        if (meta.getRow(r).getCell(1).value === key) return meta.getRow(r).getCell(2).value;
      return undefined;
    };
    expect(metaValue('roundId')).toBe(round.roundId);
    expect(metaValue('periodId')).toBe('2025');
    expect(metaValue('version')).toBe(1);
    expect(String(metaValue('signature'))).toMatch(/^[\w-]{43}$/);
    expect(wb.getWorksheet('Hướng dẫn - Instructions')!.getRow(1).getCell(1).value).toBe(
      'HƯỚNG DẪN NHẬP SỐ LIỆU VÀO BIỂU MẪU',
    );
  });

  it('gives one unit its own template', async () => {
    const wb = await open(
      await templateBytes(w.as(w.people.reporterC1), { roundId: round.roundId, unitId: w.c1 }),
    );
    const ws = wb.getWorksheet(COMMUNES)!;
    const units = new Set<unknown>();
    ws.eachRow((r, n) => {
      if (n >= 5 && r.getCell('B').value) units.add(r.getCell('B').value);
    });
    expect([...units]).toEqual([codes.c1]);
    expect(wb.getWorksheet(DEPARTMENTS)).toBeUndefined();
    // and refuses another commune's
    await expect(
      rejection(prepareRoundTemplate(w.as(w.people.reporterC1), { roundId: round.roundId, unitId: w.c2 })),
    ).resolves.toMatchObject({ status: 403 });
  });

  it('names the one bad cell and saves nothing; fixed, it previews, saves, and the province roll-up adds up', async () => {
    const ctx = w.as(w.people.coordinator);
    const wb = await open(await templateBytes(ctx, { roundId: round.roundId }));
    const communes = wb.getWorksheet(COMMUNES)!;
    const figures: Record<string, [number, number]> = {
      [`${codes.c1}|${FIBRE}`]: [4120, 5230],
      [`${codes.c2}|${FIBRE}`]: [2300, 2100], // the bad cell: more households with fibre than households
      [`${codes.c3}|${FIBRE}`]: [1500, 1800],
      [`${codes.c1}|${WORKFILE}`]: [812, 1000],
      [`${codes.c2}|${WORKFILE}`]: [640, 800],
      [`${codes.c3}|${WORKFILE}`]: [455, 500],
    };
    for (const [key, [n, d]] of Object.entries(figures)) {
      const [unit, indicator] = key.split('|') as [string, string];
      const row = rowOf(communes, unit, indicator);
      row.getCell('H').value = n;
      row.getCell('I').value = d;
    }
    rowOf(communes, codes.c3, TEAMS).getCell('K').value = 4;
    const departments = wb.getWorksheet(DEPARTMENTS)!;
    rowOf(departments, codes.d, OPEN_DATA).getCell('K').value = 12;
    rowOf(departments, codes.d, WORKFILE).getCell('H').value = 1290;
    rowOf(departments, codes.d, WORKFILE).getCell('I').value = 1300;
    const badRow = rowOf(communes, codes.c2, FIBRE).number;

    const bad = await processUpload(ctx, {
      bytes: await save(wb),
      fileName: 'bieu-mau.xlsx',
      confirm: false,
    });
    expect(bad.status).toBe('invalid');
    expect(bad.problems).toEqual([
      expect.objectContaining({
        sheet: COMMUNES,
        row: badRow,
        column: 'H',
        cell: `H${badRow}`,
        columnLabel: 'Tử số / Numerator',
        value: '2300',
        code: 'validation.rate_over_100',
        reason: {
          vi: 'Tỷ lệ 109,5% vượt quá 100%: tử số (2.300) không được lớn hơn mẫu số (2.100)',
          en: 'A rate of 109.5% is above 100%: the numerator (2,300) cannot exceed the denominator (2,100)',
        },
      }),
    ]);
    expect(bad.previewToken).toBeNull();
    expect(await countValues()).toBe(0);
    // confirming a bad file saves nothing either
    const forced = await processUpload(ctx, {
      bytes: await save(wb),
      fileName: 'bieu-mau.xlsx',
      confirm: true,
      previewToken: 'x',
    });
    expect(forced.status).toBe('invalid');
    expect(await countValues()).toBe(0);

    rowOf(communes, codes.c2, FIBRE).getCell('H').value = 1900;
    const fixed = await save(wb);
    const preview = await processUpload(ctx, { bytes: fixed, fileName: 'bieu-mau.xlsx', confirm: false });
    expect(preview.status).toBe('ready');
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toMatchObject({ new: 9, changed: 0, cleared: 0, problems: 0 });
    expect(preview.template).toMatchObject({ roundId: round.roundId, periodId: '2025' });
    expect(preview.changes.find((c) => c.unitCode === codes.c2 && c.indicatorCode === FIBRE)).toMatchObject({
      change: 'new',
      before: null,
      after: { numerator: 1900, denominator: 2100, value: null, comment: null },
      sheet: COMMUNES,
      row: badRow,
    });
    expect(await countValues()).toBe(0);

    const progress: string[] = [];
    const saved = await processUpload(
      ctx,
      { bytes: fixed, fileName: 'bieu-mau.xlsx', confirm: true, previewToken: preview.previewToken! },
      (phase) => progress.push(phase),
    );
    expect(saved.status).toBe('saved');
    expect(saved.saved).toEqual({ imported: 9, updated: 0 });
    expect(progress).toContain('save');
    expect(await countValues()).toBe(9);
    const revisions = await h.db.selectFrom('dataValueRevision').select('source').execute();
    expect(revisions.every((r) => r.source === 'excel')).toBe(true);

    // submitted, the figures roll up to the province: Σ numerators and Σ denominators
    for (const unit of [w.c1, w.c2, w.c3, w.d]) await submitReport(ctx, await round.submissionOf(unit));
    const rollups = await findRollups(h.db, {
      unitIds: [w.p],
      periodIds: ['2025'],
      indicatorIds: [w.indicator(FIBRE), w.indicator(WORKFILE)],
      view: 'submitted',
    });
    const all = rollups.filter((r) => r.memberKind === 'all');
    expect(all.find((r) => r.indicatorId === w.indicator(FIBRE))).toMatchObject({
      numeratorSum: 4120 + 1900 + 1500,
      denominatorSum: 5230 + 2100 + 1800,
      reportingUnits: 3,
    });
    expect(all.find((r) => r.indicatorId === w.indicator(WORKFILE))).toMatchObject({
      numeratorSum: 812 + 640 + 455 + 1290,
      denominatorSum: 1000 + 800 + 500 + 1300,
      reportingUnits: 4,
    });

    // the same file again changes nothing
    const again = await processUpload(ctx, { bytes: fixed, fileName: 'bieu-mau.xlsx', confirm: false });
    expect(again).toMatchObject({ status: 'empty', counts: { rows: 11, new: 0, changed: 0, unchanged: 11 } });
    // a change to a submitted report is refused at its cell
    rowOf(communes, codes.c3, TEAMS).getCell('K').value = 5;
    const locked = await processUpload(ctx, {
      bytes: await save(wb),
      fileName: 'bieu-mau.xlsx',
      confirm: false,
    });
    expect(locked.problems.map((p) => [p.cell, p.code])).toEqual([
      [`A${rowOf(communes, codes.c3, TEAMS).number}`, 'data_value.locked'],
    ]);
  });
});

describe('refusing uploads', () => {
  let h: DatabaseHandle;
  let w: ReportingWorld;
  let round: Awaited<ReturnType<typeof insertOpenRound>>;
  let other: Awaited<ReturnType<typeof insertOpenRound>>;
  let c1: string;
  let c2: string;
  const FIBRE = 'SOC.FIBRE_HOUSEHOLDS';

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildReportingWorld(h.db);
    round = await insertOpenRound(h.db, {
      provinceId: w.p,
      periodId: '2025',
      unitIds: [w.c1, w.c2],
      indicators: [{ indicatorId: w.indicator(FIBRE), unitKind: 'commune' }],
    });
    other = await insertOpenRound(h.db, {
      provinceId: w.q,
      periodId: '2025',
      unitIds: [w.q1],
      indicators: [{ indicatorId: w.indicator(FIBRE), unitKind: 'commune' }],
    });
    const units = await h.db
      .selectFrom('unit')
      .select(['id', 'code'])
      .where('id', 'in', [w.c1, w.c2])
      .execute();
    c1 = units.find((u) => u.id === w.c1)!.code;
    c2 = units.find((u) => u.id === w.c2)!.code;
  });
  afterAll(() => h.close());

  const template = async () =>
    open(await templateBytes(w.as(w.people.coordinator), { roundId: round.roundId }));

  it('refuses what is not a workbook, an old .xls, and a workbook Nhịp Số did not make', async () => {
    const ctx = w.as(w.people.coordinator);
    await expect(
      rejection(
        processUpload(ctx, {
          bytes: new TextEncoder().encode('%PDF-1.4'),
          fileName: 'so-lieu.pdf',
          confirm: false,
        }),
      ),
    ).resolves.toMatchObject({ code: 'exchange.not_xlsx', status: 415 });
    await expect(
      rejection(
        processUpload(ctx, {
          bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]),
          fileName: 'cu.xls',
          confirm: false,
        }),
      ),
    ).resolves.toMatchObject({ code: 'exchange.legacy_xls', status: 415 });
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell('A1').value = 'Số liệu';
    await expect(
      rejection(processUpload(ctx, { bytes: await save(plain), fileName: 'tu-lam.xlsx', confirm: false })),
    ).resolves.toMatchObject({ code: 'exchange.not_a_template', status: 422 });
  });

  it('names the cell whose unit or indicator code was changed, and saves nothing', async () => {
    const wb = await template();
    const ws = wb.getWorksheet(COMMUNES)!;
    const a = rowOf(ws, c1, FIBRE);
    a.getCell('B').value = c2; // moved to another commune
    a.getCell('H').value = 10;
    a.getCell('I').value = 20;
    const b = rowOf(ws, c2, FIBRE);
    b.getCell('D').value = 'GOV.WORKFILE_ONLINE';
    b.getCell('H').value = 1;
    b.getCell('I').value = 2;
    const r = await processUpload(w.as(w.people.coordinator), {
      bytes: await save(wb),
      fileName: 'x.xlsx',
      confirm: false,
    });
    expect(r.status).toBe('invalid');
    const expected = [
      [a.number, `B${a.number}`, 'exchange.code_tampered', c2],
      [b.number, `D${b.number}`, 'exchange.code_tampered', 'GOV.WORKFILE_ONLINE'],
    ].sort((x, y) => Number(x[0]) - Number(y[0]));
    expect(r.problems.map((p) => [p.row, p.cell, p.code, p.value])).toEqual(expected);
    expect(r.problems[0]?.reason.en).toContain('was changed from the template');
  });

  it('refuses a changed hidden sheet, a template of another round, and units outside the caller’s scope', async () => {
    const wb = await template();
    const meta = wb.getWorksheet('nhipso_meta')!;
    meta.eachRow((row) => {
      if (row.getCell(1).value === 'roundId') row.getCell(2).value = other.roundId;
    });
    await expect(
      rejection(
        processUpload(w.as(w.people.coordinator), {
          bytes: await save(wb),
          fileName: 'x.xlsx',
          confirm: false,
        }),
      ),
    ).resolves.toMatchObject({ code: 'exchange.template_tampered', status: 422 });

    const good = await template();
    rowOf(good.getWorksheet(COMMUNES)!, c2, FIBRE).getCell('H').value = 5;
    rowOf(good.getWorksheet(COMMUNES)!, c2, FIBRE).getCell('I').value = 9;
    const bytes = await save(good);
    await expect(
      rejection(
        processUpload(w.as(w.people.coordinator), {
          bytes,
          fileName: 'x.xlsx',
          confirm: false,
          roundId: other.roundId,
        }),
      ),
    ).resolves.toMatchObject({ code: 'exchange.template_other_round', status: 409 });
    // the commune's reporter changed another commune's row
    await expect(
      rejection(processUpload(w.as(w.people.reporterC1), { bytes, fileName: 'x.xlsx', confirm: false })),
    ).resolves.toMatchObject({ code: 'exchange.units_out_of_scope', status: 403 });
  });

  it('shows a new preview instead of saving when figures changed after the preview, and names a row changed since the download', async () => {
    const ctx = w.as(w.people.coordinator);
    const wb = await template();
    const ws = wb.getWorksheet(COMMUNES)!;
    rowOf(ws, c1, FIBRE).getCell('H').value = 100;
    rowOf(ws, c1, FIBRE).getCell('I').value = 200;
    const bytes = await save(wb);
    const preview = await processUpload(ctx, { bytes, fileName: 'x.xlsx', confirm: false });
    expect(preview.status).toBe('ready');
    // someone saves the same figure on the web form in between
    await saveDataValues(w.as(w.people.reporterC1), {
      source: 'form',
      values: [
        { unitId: w.c1, indicatorId: w.indicator(FIBRE), periodId: '2025', numerator: 90, denominator: 200 },
      ],
    });
    const confirmed = await processUpload(ctx, {
      bytes,
      fileName: 'x.xlsx',
      confirm: true,
      previewToken: preview.previewToken!,
    });
    // the template was made before that change: the row is refused, naming who changed it
    expect(confirmed.status).toBe('invalid');
    expect(confirmed.problems).toEqual([
      expect.objectContaining({
        code: 'data_value.changed_by_other',
        row: rowOf(ws, c1, FIBRE).number,
        sheet: COMMUNES,
      }),
    ]);
    expect(confirmed.problems[0]?.reason.vi).toContain('Nguyễn Văn Báo');
    const stored = await h.db
      .selectFrom('dataValue')
      .select(['numerator'])
      .where('unitId', '=', w.c1)
      .where('indicatorId', '=', w.indicator(FIBRE))
      .executeTakeFirstOrThrow();
    expect(stored.numerator).toBe(90);

    // a CSV has no revisions: a change after its preview gives a fresh preview
    const csv = new TextEncoder().encode(
      `unitCode,indicatorCode,period,numerator,denominator\n${c2},${FIBRE},2025,30,60\n`,
    );
    const p1 = await processUpload(ctx, { bytes: csv, fileName: 'so-lieu.csv', confirm: false });
    expect(p1).toMatchObject({ status: 'ready', counts: { new: 1 } });
    await saveDataValues(ctx, {
      source: 'form',
      values: [
        { unitId: w.c2, indicatorId: w.indicator(FIBRE), periodId: '2025', numerator: 10, denominator: 60 },
      ],
    });
    const p2 = await processUpload(ctx, {
      bytes: csv,
      fileName: 'so-lieu.csv',
      confirm: true,
      previewToken: p1.previewToken!,
    });
    expect(p2.status).toBe('stale');
    expect(p2.changes[0]).toMatchObject({
      change: 'changed',
      before: { numerator: 10 },
      after: { numerator: 30 },
    });
    const p3 = await processUpload(ctx, {
      bytes: csv,
      fileName: 'so-lieu.csv',
      confirm: true,
      previewToken: p2.previewToken!,
    });
    expect(p3).toMatchObject({ status: 'saved', saved: { imported: 0, updated: 1 } });
  });

  it('reads a CSV upload, naming the line and column of each bad cell', async () => {
    const csv = [
      'unitCode;indicatorCode;period;numerator;denominator;value;comment',
      `${c1};${FIBRE};2025;1.234,5;2.000;;`,
      `${c1};GOV.KHONG_CO;2025;1;2;;`,
      `${c2};${FIBRE};2025;abc;10;;`,
      `${c2};${FIBRE};2025/3;1;2;;`,
    ].join('\r\n');
    const r = await processUpload(w.as(w.people.coordinator), {
      bytes: new TextEncoder().encode(csv),
      fileName: 'so-lieu.csv',
      confirm: false,
    });
    expect(r.status).toBe('invalid');
    expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'B', 'exchange.indicator_not_found'],
      [4, 'D', 'validation.not_a_number'],
      [5, 'C', 'period.invalid_format'],
    ]);
    expect(r.problems[0]?.reason).toEqual({
      vi: 'Không có chỉ tiêu mã GOV.KHONG_CO trong danh mục',
      en: 'No indicator of the catalog has the code GOV.KHONG_CO',
    });
  });
});
