/**
 * The index service on hand-computed cases: shipped methods stored as rows,
 * unit scores from catalog figures (roll-ups) and manual items with evidence,
 * reviewers' adjustments with reasons (audited), peers ranked separately,
 * a coordinator's new version of the unit method, and the national ranking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { buildReportingWorld, type ReportingWorld } from '../../test/reporting-world';
import type { DatabaseHandle } from '../db/connect';
import { anonymous } from '../domain/auth/actor';
import { unitDxIndexMethod } from '../domain/reference/unit-index-method';
import {
  adjustIndexScore,
  attachIndexEvidenceFile,
  createIndexMethodVersion,
  ensureBuiltinIndexMethods,
  getNationalIndex,
  getUnitIndexScores,
  listIndexMethods,
  saveIndexInput,
} from './index-score.service';
import { addUnit, putFigures } from './status-test-fixtures';

describe('index scores', () => {
  let h: DatabaseHandle;
  let w: ReportingWorld;
  let code: string;
  let c4: number;
  const clock = () => new Date('2026-02-01T03:00:00Z');

  beforeAll(async () => {
    h = await createTestDatabase();
    w = await buildReportingWorld(h.db, clock);
    code = (await h.db.selectFrom('unit').select('code').where('id', '=', w.p).executeTakeFirstOrThrow())
      .code;
    c4 = await addUnit(h.db, { kind: 'commune', name: 'Xã Mới Lập', parentId: w.p, validFrom: '2025-07-01' });
    const workfiles = w.indicator('GOV.WORKFILE_ONLINE');
    await putFigures(h.db, [
      // the department: 45/50 = 90 % of work files online, 80 % of services full-process online
      { unitId: w.d, indicatorId: workfiles, periodId: '2025', numerator: 45, denominator: 50 },
      {
        unitId: w.d,
        indicatorId: w.indicator('GOV.DVC_FULL_ONLINE'),
        periodId: '2025',
        numerator: 80,
        denominator: 100,
      },
      // commune C3: 30/60 = 50 % of work files, 70 % of adults with an e-payment account
      { unitId: w.c3, indicatorId: workfiles, periodId: '2025', numerator: 30, denominator: 60 },
      {
        unitId: w.c3,
        indicatorId: w.indicator('SOC.EPAYMENT_ACCOUNTS'),
        periodId: '2025',
        numerator: 70,
        denominator: 100,
      },
      // 2024, for the national ranking: P 80 %, Q 50 %
      { unitId: w.c3, indicatorId: workfiles, periodId: '2024', numerator: 80, denominator: 100 },
      { unitId: w.q1, indicatorId: workfiles, periodId: '2024', numerator: 50, denominator: 100 },
    ]);
  });
  afterAll(() => h.close());

  it('stores the shipped methods as dated rows once', async () => {
    const sys = w.system();
    const items = (await listIndexMethods(sys)).items;
    expect(items.map((m) => [m.code, m.version, m.validFrom, m.validTo, m.isBuiltin])).toEqual([
      ['DTI_PROVINCE', '922-2022', 2022, 2024, true],
      ['UNIT_DX', '2025.1', 2025, null, true],
    ]);
    expect(items[0]?.provisional).toBe(true);
    expect(await ensureBuiltinIndexMethods(sys)).toBeUndefined();
  });

  it('scores departments and communes from their roll-ups and manual items, ranked among their own kind', async () => {
    const reporterD = w.as(w.people.reporterD);
    await saveIndexInput(reporterD, {
      methodCode: 'UNIT_DX',
      unitId: w.d,
      year: 2025,
      subIndicator: 'UNIT.LD1.1',
      value: true,
      evidenceUrl: 'https://skhcn.example.gov.vn/ke-hoach-cds-2025.pdf',
    });
    // a plan without evidence earns nothing
    await saveIndexInput(reporterD, {
      methodCode: 'UNIT_DX',
      unitId: w.d,
      year: 2025,
      subIndicator: 'UNIT.LD1.2',
      value: true,
    });
    const r = await getUnitIndexScores(w.as(w.people.coordinator), code, { year: 2025 });
    expect(r.source).toBe('live');
    expect(r.method?.version).toBe('2025.1');
    const d = r.items.find((s) => s.unit.id === w.d);
    // 60 × 0.9 + 50 × 0.8 + 30 (plan, with evidence) = 124 of 760 (commune-only items left out)
    expect(d?.total).toBeCloseTo(124, 9);
    expect(d?.maxTotal).toBe(760);
    expect(d?.normalized).toBeCloseTo(124 / 760, 9);
    const ld12 = d?.byIndicator.flatMap((m) => m.subIndicators).find((s) => s.code === 'UNIT.LD1.2');
    expect(ld12?.state).toBe('no_evidence');
    expect([d?.rank, d?.peers]).toEqual([1, 1]);
    const c3 = r.items.find((s) => s.unit.id === w.c3);
    // 60 × 0.5 + 50 × 0.7 = 65 of 1000; the only commune with figures: C4 has nothing and is listed, not ranked last
    expect(c3?.total).toBeCloseTo(65, 9);
    expect([c3?.rank, c3?.peers]).toEqual([1, 1]);
    expect(r.items.some((s) => s.unit.id === c4)).toBe(false);
    expect(r.withoutData.map((u) => u.unitId)).toEqual([c4]);
    // C1 and C2 ended with the district on 1 July 2025: not scored for 2025
    expect(r.items.some((s) => s.unit.id === w.c1)).toBe(false);
  });

  it('counts a file attached as evidence, checked by its content', async () => {
    const reporterD = w.as(w.people.reporterD);
    const pdf = new TextEncoder().encode('%PDF-1.4\n% văn bản phân công\n');
    await attachIndexEvidenceFile(reporterD, {
      methodCode: 'UNIT_DX',
      unitId: w.d,
      year: 2025,
      subIndicator: 'UNIT.LD1.2',
      fileName: 'phan-cong.pdf',
      bytes: pdf,
    });
    await expect(
      attachIndexEvidenceFile(reporterD, {
        methodCode: 'UNIT_DX',
        unitId: w.d,
        year: 2025,
        subIndicator: 'UNIT.LD1.2',
        fileName: 'phan-cong.pdf',
        bytes: new TextEncoder().encode('not a pdf'),
      }),
    ).rejects.toMatchObject({ code: 'evidence.type_not_allowed' });
    const r = await getUnitIndexScores(w.as(w.people.coordinator), code, { year: 2025 });
    expect(r.items.find((s) => s.unit.id === w.d)?.total).toBeCloseTo(154, 9);
  });

  it('applies a reviewer’s adjustment with its reason, audited with the points before and after', async () => {
    const coordinator = w.as(w.people.coordinator);
    await adjustIndexScore(coordinator, {
      methodCode: 'UNIT_DX',
      unitId: w.c3,
      year: 2025,
      subIndicator: 'UNIT.LD2.1',
      points: 40,
      reason: 'Nộp báo cáo ngày 25/11/2025, trước hạn 01/12/2025',
    });
    const r = await getUnitIndexScores(coordinator, code, { year: 2025 });
    const c3 = r.items.find((s) => s.unit.id === w.c3);
    expect(c3?.total).toBeCloseTo(105, 9);
    expect(c3?.adjustments).toEqual([
      expect.objectContaining({
        subIndicator: 'UNIT.LD2.1',
        points: 40,
        fromPoints: 0,
        by: 'Trần Thị Điều Phối',
      }),
    ]);
    const audit = await h.db
      .selectFrom('auditEvent')
      .select(['action', 'unitId', 'after'])
      .where('action', '=', 'index.adjustment_set')
      .execute();
    expect(audit).toEqual([
      {
        action: 'index.adjustment_set',
        unitId: w.c3,
        after: { points: 40, reason: 'Nộp báo cáo ngày 25/11/2025, trước hạn 01/12/2025' },
      },
    ]);
    // removing it also needs a reason, and is audited
    await adjustIndexScore(coordinator, {
      methodCode: 'UNIT_DX',
      unitId: w.c3,
      year: 2025,
      subIndicator: 'UNIT.LD2.1',
      points: null,
      reason: 'Điều chỉnh nhầm đơn vị',
    });
    expect(
      (await getUnitIndexScores(coordinator, code, { year: 2025 })).items.find((s) => s.unit.id === w.c3)
        ?.total,
    ).toBeCloseTo(65, 9);
  });

  it('refuses adjustments to reporters, above the maximum, and on one’s own province’s national score', async () => {
    const base = {
      methodCode: 'UNIT_DX',
      unitId: w.c3,
      year: 2025,
      subIndicator: 'UNIT.LD2.1',
      reason: 'Lý do',
    };
    await expect(
      adjustIndexScore(w.as(w.people.reporterC1), { ...base, unitId: w.c1, points: 10 }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(adjustIndexScore(w.as(w.people.coordinator), { ...base, points: 41 })).rejects.toMatchObject(
      {
        code: 'index.adjustment_out_of_range',
      },
    );
    await expect(
      adjustIndexScore(w.as(w.people.coordinator), {
        methodCode: 'DTI_PROVINCE',
        unitId: w.p,
        year: 2024,
        subIndicator: 'DTI22.AW1.1',
        points: 10,
        reason: 'Tự chấm',
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      saveIndexInput(w.as(w.people.reporterD), {
        methodCode: 'UNIT_DX',
        unitId: w.d,
        year: 2025,
        subIndicator: 'UNIT.LD1.1',
        value: 3,
      }),
    ).rejects.toMatchObject({ code: 'index.value_kind' });
  });

  it('lets the coordinator edit the unit method as a new version for the province, validated', async () => {
    const coordinator = w.as(w.people.coordinator);
    const edited = structuredClone(unitDxIndexMethod);
    edited.version = `${w.p}.2026`;
    edited.validFrom = 2026;
    // reporting discipline worth 60 instead of 40, plans 20 instead of 30 each: still 100 for the pillar
    const ld = edited.pillars[0]!;
    ld.mainIndicators[0]!.maxPoints = 40;
    ld.mainIndicators[0]!.subIndicators[0]!.maxPoints = 20;
    ld.mainIndicators[0]!.subIndicators[1]!.maxPoints = 20;
    ld.mainIndicators[1]!.maxPoints = 60;
    ld.mainIndicators[1]!.subIndicators[0]!.maxPoints = 60;
    const row = await createIndexMethodVersion(coordinator, w.p, {
      method: edited,
      note: 'Tăng trọng số chấp hành báo cáo',
    });
    expect([row.ownerUnitId, row.validFrom, row.isBuiltin]).toEqual([w.p, 2026, false]);
    const mine = (await listIndexMethods(coordinator, { provinceId: w.p, code: 'UNIT_DX' })).items;
    expect(mine.map((m) => m.version)).toEqual(['2025.1', `${w.p}.2026`]);
    // 2025 keeps the shipped version; 2026 uses the province's
    expect((await getUnitIndexScores(coordinator, code, { year: 2026 })).method?.id).toBe(row.id);
    expect((await getUnitIndexScores(coordinator, code, { year: 2025 })).method?.version).toBe('2025.1');
    // the same start again is a conflict; points that do not add up are refused with the path
    await expect(
      createIndexMethodVersion(coordinator, w.p, { method: { ...edited, version: 'khác' } }),
    ).rejects.toMatchObject({ status: 409 });
    const broken = structuredClone(edited);
    broken.version = 'sai';
    broken.validFrom = 2027;
    broken.pillars[0]!.mainIndicators[1]!.subIndicators[0]!.maxPoints = 55;
    const err = await createIndexMethodVersion(coordinator, w.p, { method: broken }).catch((e) => e);
    expect(err.status).toBe(422);
    expect(err.details).toContainEqual(
      expect.objectContaining({
        path: 'method.pillars.0.mainIndicators.1.maxPoints',
        code: 'index_method.points_mismatch',
      }),
    );
    await expect(
      createIndexMethodVersion(w.as(w.people.viewerP), w.p, { method: edited }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('ranks provinces nationally on the index for those who may read their figures, and hides the others', async () => {
    const admin = await getNationalIndex(w.as(w.people.admin), { year: 2024 });
    expect(admin.method?.code).toBe('DTI_PROVINCE');
    const p = admin.items.find((i) => i.province.id === w.p);
    const q = admin.items.find((i) => i.province.id === w.q);
    // work files online is worth 20 points: 20 × 0.8 = 16 and 20 × 0.5 = 10
    expect(p?.total).toBeCloseTo(16, 9);
    expect(q?.total).toBeCloseTo(10, 9);
    expect([p?.rank, q?.rank]).toEqual([1, 2]);
    const visitor = await getNationalIndex({ ...w.system(), actor: anonymous }, { year: 2024 });
    expect(visitor.items.every((i) => !i.visible && i.total === null)).toBe(true);
    // a province coordinator sees their own province, not the other
    const own = await getNationalIndex(w.as(w.people.coordinator), { year: 2024 });
    expect(own.items.find((i) => i.province.id === w.q)?.visible).toBe(false);
    expect(own.items.find((i) => i.province.id === w.p)?.rank).toBe(1);
  });
});
