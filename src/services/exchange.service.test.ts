/**
 * Figures by code from the API and DHIS2: the JSON and CSV push (dry run,
 * conflicts with reasons, atomic, scope) and a DHIS2 data value set imported
 * with the expected summary, then exported back the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { buildExchangeWorld, type ExchangeWorld } from '../../test/fixtures/exchange/exchange-world';
import type { DatabaseHandle } from '../db/connect';
import { isAppError } from '../domain/errors';
import { importDataValueSet, pushFigures, pushFiguresCsv } from './exchange.service';
import { exportDataValueSet } from './value-export.service';

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../test/fixtures/exchange/dhis2-datavalueset.json'), 'utf8'),
) as { dataSet: string; period: string; dataValues: Array<Record<string, string>> };

async function stored(h: DatabaseHandle) {
  return h.db
    .selectFrom('dataValue as v')
    .innerJoin('unit as u', 'u.id', 'v.unitId')
    .innerJoin('indicator as i', 'i.id', 'v.indicatorId')
    .select([
      'u.code as unit',
      'i.code as indicator',
      'v.periodId',
      'v.numerator',
      'v.denominator',
      'v.value',
      'v.comment',
    ])
    .orderBy('u.code')
    .orderBy('i.code')
    .execute();
}

describe('pushing figures by code (JSON and CSV)', () => {
  let h: DatabaseHandle;
  let w: ExchangeWorld;

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildExchangeWorld(h.db);
  });
  afterAll(() => h.close());

  it('saves nothing in a dry run, and says what would happen', async () => {
    const ctx = w.as(w.people.reporterA);
    const r = await pushFigures(
      ctx,
      {
        values: [
          {
            unitCode: '90101',
            indicatorCode: 'SOC.FIBRE_HOUSEHOLDS',
            period: '2025',
            numerator: 4120,
            denominator: 5230,
          },
          { unitCode: '90101', indicatorCode: 'SOC.PUBLIC_WIFI', period: '2025', value: '6' },
        ],
      },
      { dryRun: true },
    );
    expect(r).toEqual({
      status: 'SUCCESS',
      dryRun: true,
      description: 'Chạy thử: sẽ nhập 2 mới, 0 cập nhật, 0 xóa, 0 không đổi; chưa lưu',
      importCount: { imported: 2, updated: 0, ignored: 0, deleted: 0 },
      conflicts: [],
      warnings: [],
    });
    expect(await stored(h)).toEqual([]);
  });

  it('saves the good figures and lists each bad one with its reason (official and internal codes)', async () => {
    const ctx = w.as(w.people.coordinator, 'en');
    const r = await pushFigures(
      ctx,
      {
        values: [
          {
            unitCode: '90101',
            indicatorCode: 'SOC.FIBRE_HOUSEHOLDS',
            period: '2025',
            numerator: 4120,
            denominator: 5230,
          },
          {
            unitCode: '90100.STTTT',
            indicatorCode: 'GOV.OPEN_DATA',
            period: '2025',
            value: 12,
            comment: 'Cổng dữ liệu mở',
          },
          {
            unitCode: '90102',
            indicatorCode: 'SOC.FIBRE_HOUSEHOLDS',
            period: '2025',
            numerator: 2300,
            denominator: 2100,
          },
          {
            unitCode: '99999',
            indicatorCode: 'SOC.FIBRE_HOUSEHOLDS',
            period: '2025',
            numerator: 1,
            denominator: 2,
          },
          { unitCode: '90102', indicatorCode: 'SOC.PUBLIC_WIFI', period: '2025Q3', value: 3 },
          { unitCode: '90102', indicatorCode: 'SOC.PUBLIC_WIFI', period: '2025', value: 'ba' },
        ],
      },
      {},
    );
    expect(r.status).toBe('WARNING');
    expect(r.importCount).toEqual({ imported: 2, updated: 0, ignored: 4, deleted: 0 });
    expect(r.conflicts).toEqual([
      {
        object: '90102/SOC.FIBRE_HOUSEHOLDS/2025',
        value: '2300',
        reason: 'A rate of 109.5% is above 100%: the numerator (2,300) cannot exceed the denominator (2,100)',
        code: 'validation.rate_over_100',
        index: 2,
        field: 'numerator',
      },
      {
        object: '99999/SOC.FIBRE_HOUSEHOLDS/2025',
        value: '99999',
        reason: 'No unit has the code 99999',
        code: 'exchange.unit_not_found',
        index: 3,
        field: 'unitCode',
      },
      {
        object: '90102/SOC.PUBLIC_WIFI/2025Q3',
        value: null,
        reason: expect.stringContaining('2025Q3'),
        code: 'data_value.no_open_round',
        index: 4,
        field: 'unitCode',
      },
      {
        object: '90102/SOC.PUBLIC_WIFI/2025',
        value: 'ba',
        reason: 'Not a number',
        code: 'validation.not_a_number',
        index: 5,
        field: 'value',
      },
    ]);
    expect(await stored(h)).toEqual([
      {
        unit: '90100.STTTT',
        indicator: 'GOV.OPEN_DATA',
        periodId: '2025',
        numerator: null,
        denominator: null,
        value: 12,
        comment: 'Cổng dữ liệu mở',
      },
      {
        unit: '90101',
        indicator: 'SOC.FIBRE_HOUSEHOLDS',
        periodId: '2025',
        numerator: 4120,
        denominator: 5230,
        value: null,
        comment: null,
      },
    ]);
  });

  it('saves nothing when atomic and one figure is bad; counts the same figure again as unchanged', async () => {
    const ctx = w.as(w.people.coordinator);
    const r = await pushFigures(
      ctx,
      {
        values: [
          {
            unitCode: '90101',
            indicatorCode: 'SOC.FIBRE_HOUSEHOLDS',
            period: '2025',
            numerator: 4120,
            denominator: 5230,
          },
          { unitCode: '90102', indicatorCode: 'SOC.PUBLIC_WIFI', period: '2025', value: 4 },
          { unitCode: '90102', indicatorCode: 'SOC.PUBLIC_WIFI', period: '2025', value: 5 },
        ],
      },
      { atomic: true },
    );
    expect(r.status).toBe('ERROR');
    expect(r.importCount).toEqual({ imported: 0, updated: 0, ignored: 3, deleted: 0 });
    expect(r.conflicts.map((c) => [c.index, c.code, c.reason])).toEqual([
      [2, 'exchange.duplicate', 'Số liệu này đã có ở dòng 2 của cùng lần gửi'],
    ]);
    expect((await stored(h)).find((v) => v.indicator === 'SOC.PUBLIC_WIFI')).toBeUndefined();
  });

  it('reads a CSV, reports bad lines by line number, and clears nothing it was not told to', async () => {
    const ctx = w.as(w.people.coordinator);
    const csv = [
      'unitCode,indicatorCode,period,numerator,denominator,value,comment',
      '90101,SOC.FIBRE_HOUSEHOLDS,2025,4200,5230,,"Cập nhật theo số liệu VNPT, tháng 11"',
      '90102,SOC.PUBLIC_WIFI,2025,,,4,',
      '90102,SOC.PUBLIC_WIFI,2025/09,,,4,',
    ].join('\n');
    const r = await pushFiguresCsv(ctx, new TextEncoder().encode(csv), {});
    expect(r.importCount).toEqual({ imported: 1, updated: 1, ignored: 1, deleted: 0 });
    expect(r.conflicts).toEqual([
      expect.objectContaining({
        line: 4,
        index: 2,
        field: 'period',
        code: 'period.invalid_format',
        value: '2025/09',
      }),
    ]);
    const fibre = (await stored(h)).find((v) => v.unit === '90101' && v.indicator === 'SOC.FIBRE_HOUSEHOLDS');
    expect(fibre).toMatchObject({
      numerator: 4200,
      denominator: 5230,
      comment: 'Cập nhật theo số liệu VNPT, tháng 11',
    });
    // the department's figure is untouched
    expect((await stored(h)).find((v) => v.indicator === 'GOV.OPEN_DATA')?.value).toBe(12);
  });

  it('refuses the whole batch when a unit is outside the caller’s scope, naming it', async () => {
    const ctx = w.as(w.people.reporterA);
    let error: unknown;
    try {
      await pushFigures(
        ctx,
        { values: [{ unitCode: '90102', indicatorCode: 'SOC.PUBLIC_WIFI', period: '2025', value: 1 }] },
        {},
      );
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && [error.status, error.code, error.params.units]).toEqual([
      403,
      'exchange.units_out_of_scope',
      'Phường Nam Định (90102)',
    ]);
  });
});

describe('DHIS2 dataValueSets', () => {
  let h: DatabaseHandle;
  let w: ExchangeWorld;

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildExchangeWorld(h.db);
    // a figure already stored: the fixture updates it
    await pushFigures(
      w.as(w.people.coordinator),
      { values: [{ unitCode: '90101', indicatorCode: 'SOC.PUBLIC_WIFI', period: '2025', value: 4 }] },
      {},
    );
  });
  afterAll(() => h.close());

  it('imports the fixture: six values imported, one updated, one conflict with its reason', async () => {
    const ctx = w.as(w.people.coordinator);
    const dry = await importDataValueSet(ctx, fixture, { dryRun: true });
    expect(dry.importCount).toEqual({ imported: 6, updated: 1, ignored: 1, deleted: 0 });
    expect((await stored(h)).length).toBe(1);

    const r = await importDataValueSet(ctx, fixture, {});
    expect(r).toMatchObject({
      responseType: 'ImportSummary',
      status: 'WARNING',
      importOptions: { dryRun: false, atomicMode: 'NONE', idSchemes: { idScheme: 'CODE' } },
      importCount: { imported: 6, updated: 1, ignored: 1, deleted: 0 },
      conflicts: [
        {
          object: 'SOC.PUBLIC_WIFI',
          value: 'Số lượng phải là số nguyên không âm',
          errorCode: 'validation.not_a_count',
          property: 'value',
          indexes: [5],
        },
      ],
    });
    expect(await stored(h)).toEqual([
      {
        unit: '90100.STTTT',
        indicator: 'GOV.WORKFILE_ONLINE',
        periodId: '2025',
        numerator: 1290,
        denominator: 1300,
        value: null,
        comment: null,
      },
      {
        unit: '90101',
        indicator: 'SOC.FIBRE_HOUSEHOLDS',
        periodId: '2025',
        numerator: 4120,
        denominator: 5230,
        value: null,
        comment: 'Số liệu của VNPT và Viettel, chốt 14/11/2025',
      },
      {
        unit: '90101',
        indicator: 'SOC.PUBLIC_WIFI',
        periodId: '2025',
        numerator: null,
        denominator: null,
        value: 6,
        comment: null,
      },
      {
        unit: '90102',
        indicator: 'SOC.FIBRE_HOUSEHOLDS',
        periodId: '2025',
        numerator: 1900,
        denominator: 2100,
        value: null,
        comment: null,
      },
    ]);
    const sources = await h.db.selectFrom('dataValueRevision').select('source').distinct().execute();
    expect(sources.map((s) => s.source).sort()).toEqual(['api', 'dhis2']);
  });

  it('exports the same values back, and importing the export changes nothing', async () => {
    const ctx = w.as(w.people.coordinator);
    const out = await exportDataValueSet(ctx, { period: '2025', orgUnit: '90100', children: true });
    const key = (v: {
      dataElement?: string;
      orgUnit?: string;
      period?: string;
      value?: unknown;
      comment?: string;
    }) => `${v.dataElement}|${v.orgUnit}|${v.period ?? fixture.period}|${String(v.value)}|${v.comment ?? ''}`;
    const expected = fixture.dataValues
      .filter((_, i) => i !== 5)
      .map((v) => key({ ...v, period: v.period ?? fixture.period }));
    expect(out.period).toBe('2025');
    expect(out.dataValues.map(key).sort()).toEqual(expected.sort());
    expect(out.dataValues.every((v) => v.categoryOptionCombo === 'HllvX50cXC0' && v.lastUpdated)).toBe(true);

    const again = await importDataValueSet(ctx, out, { dryRun: true });
    expect(again.importCount).toEqual({ imported: 0, updated: 0, ignored: 7, deleted: 0 });
    expect(again.status).toBe('SUCCESS');

    // one pillar's data set, monthly periods in DHIS2's form
    const soc = await exportDataValueSet(ctx, { period: '2025', orgUnit: '90101', dataSet: 'NHS_SOC' });
    expect(soc.dataValues.map((v) => v.dataElement).sort()).toEqual([
      'SOC.FIBRE_HOUSEHOLDS.DEN',
      'SOC.FIBRE_HOUSEHOLDS.NUM',
      'SOC.PUBLIC_WIFI',
    ]);
  });

  it('names what DHIS2 sends that Nhịp Số cannot take', async () => {
    const ctx = w.as(w.people.coordinator, 'en');
    const r = await importDataValueSet(
      ctx,
      {
        orgUnit: '90102',
        dataValues: [
          { dataElement: 'SOC.FIBRE_HOUSEHOLDS', period: '2025', value: '80' },
          { dataElement: 'SOC.PUBLIC_WIFI.NUM', period: '2025', value: '1' },
          { dataElement: 'SOC.PUBLIC_WIFI', period: '2025W12', value: '1' },
          { dataElement: 'SOC.PUBLIC_WIFI', period: '2025', value: '1', categoryOptionCombo: 'Nam' },
          { dataElement: 'SOC.KHONG_CO', period: '2025', value: '1' },
          { dataElement: 'SOC.PUBLIC_WIFI', period: '2025', value: 'nhiều' },
        ],
      },
      { dryRun: true },
    );
    expect(r.status).toBe('ERROR');
    expect(r.conflicts.map((c) => [c.indexes, c.errorCode])).toEqual([
      [[0], 'dhis2.ratio_needs_parts'],
      [[1], 'dhis2.not_a_ratio'],
      [[2], 'dhis2.period_unsupported'],
      [[3], 'dhis2.combo_not_default'],
      [[4], 'dhis2.data_element_not_found'],
      [[5], 'dhis2.value_not_a_number'],
    ]);
    expect(r.conflicts[0]?.value).toBe(
      'SOC.FIBRE_HOUSEHOLDS is a ratio: send the numerator as SOC.FIBRE_HOUSEHOLDS.NUM and the denominator as SOC.FIBRE_HOUSEHOLDS.DEN',
    );
    await expect(importDataValueSet(ctx, { dataValues: [] }, { idSchemes: ['UID'] })).rejects.toMatchObject({
      code: 'dhis2.id_scheme_unsupported',
    });
  });

  it('exports only what the caller may read', async () => {
    const other = w.as(w.people.reporterOther);
    await expect(exportDataValueSet(other, { period: '2025', orgUnit: '90101' })).rejects.toMatchObject({
      status: 403,
    });
    const none = await exportDataValueSet(other, { period: '2025' });
    expect(none.dataValues).toEqual([]);
    const mine = await exportDataValueSet(w.as(w.people.reporterA), { period: '2025' });
    expect(new Set(mine.dataValues.map((v) => v.orgUnit))).toEqual(new Set(['90101']));
  });
});
