/**
 * A province with the shapes reporting must handle, the national indicator
 * catalog, and people with roles — for the reporting services' tests:
 *
 *   nation
 *   └── province P ── department D (Sở KH&CN)
 *                 ├── district H ── communes C1, C2   (before 2025: three levels)
 *                 └── commune C3                      (after 2025: directly under the province)
 *   └── province Q ── commune Q1                      (another province, out of P's scope)
 *
 * @example const w = await buildReportingWorld(db); const ctx = w.as(w.people.reporterC1);
 */
import { randomBytes } from 'node:crypto';
import type { Actor, RoleGrant } from '../src/domain/auth/actor';
import { systemActor } from '../src/domain/auth/actor';
import { foldVietnamese } from '../src/domain/text';
import type { Db } from '../src/repositories/db';
import type { ServiceContext } from '../src/services/context';
import { syncNationalIndicatorCatalog } from '../src/services/indicator.service';

export interface ReportingWorld {
  nation: number;
  p: number;
  d: number;
  h: number;
  c1: number;
  c2: number;
  c3: number;
  q: number;
  q1: number;
  people: Record<
    | 'admin'
    | 'coordinator'
    | 'approverP'
    | 'approverC1'
    | 'reporterC1'
    | 'reporterC1b'
    | 'reporterD'
    | 'viewerP'
    | 'coordinatorQ',
    { id: number; grants: RoleGrant[]; name: string }
  >;
  /** Indicator ids by code (the national catalog). */
  indicator: (code: string) => number;
  /** A service context acting as a person, with a clock. */
  as(person: { id: number; grants: RoleGrant[]; name: string }, now?: () => Date): ServiceContext;
  system(now?: () => Date): ServiceContext;
}

async function unit(
  db: Db,
  u: {
    code: string;
    kind: string;
    name: string;
    parentId: number | null;
    validFrom?: string;
    validTo?: string;
  },
): Promise<number> {
  const r = await db
    .insertInto('unit')
    .values({
      code: u.code,
      codeSystem: 'internal',
      kind: u.kind as 'commune',
      name: u.name,
      parentId: u.parentId,
      validFrom: u.validFrom ?? null,
      validTo: u.validTo ?? null,
      searchText: foldVietnamese(`${u.name} ${u.code}`),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function buildReportingWorld(
  db: Db,
  clock: () => Date = () => new Date(),
): Promise<ReportingWorld> {
  const tag = randomBytes(3).toString('hex');
  const existing = await db.selectFrom('unit').select('id').where('kind', '=', 'nation').executeTakeFirst();
  const nation =
    existing?.id ?? (await unit(db, { code: `VN${tag}`, kind: 'nation', name: 'Việt Nam', parentId: null }));
  const p = await unit(db, { code: `P${tag}`, kind: 'province', name: 'Tỉnh Thử Nghiệm', parentId: nation });
  const d = await unit(db, {
    code: `P${tag}.SKHCN`,
    kind: 'department',
    name: 'Sở Khoa học và Công nghệ',
    parentId: p,
  });
  const h = await unit(db, {
    code: `H${tag}`,
    kind: 'district',
    name: 'Huyện Ý Yên',
    parentId: p,
    validTo: '2025-07-01',
  });
  const c1 = await unit(db, {
    code: `C1${tag}`,
    kind: 'commune',
    name: 'Xã Yên Phong',
    parentId: h,
    validTo: '2025-07-01',
  });
  const c2 = await unit(db, {
    code: `C2${tag}`,
    kind: 'commune',
    name: 'Xã Yên Khánh',
    parentId: h,
    validTo: '2025-07-01',
  });
  const c3 = await unit(db, { code: `C3${tag}`, kind: 'commune', name: 'Phường Nam Định', parentId: p });
  const q = await unit(db, { code: `Q${tag}`, kind: 'province', name: 'Tỉnh Bên Cạnh', parentId: nation });
  const q1 = await unit(db, { code: `Q1${tag}`, kind: 'commune', name: 'Xã Bên Cạnh', parentId: q });

  const sys: ServiceContext = { db, actor: systemActor('test'), now: clock, locale: 'vi', ip: null };
  await syncNationalIndicatorCatalog(sys);
  const rows = await db.selectFrom('indicator').select(['id', 'code']).execute();
  const ids = new Map(rows.map((r) => [r.code, r.id]));

  const person = async (name: string, grants: RoleGrant[]) => {
    const r = await db
      .insertInto('appUser')
      .values({
        email: `${foldVietnamese(name).replace(/[^a-z0-9]+/g, '.')}.${tag}@thu.gov.vn`,
        displayName: name,
        unitId: grants[0]?.unitId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const g of grants)
      await db
        .insertInto('roleAssignment')
        .values({ userId: r.id, ...g })
        .execute();
    return { id: r.id, grants, name };
  };
  const people: ReportingWorld['people'] = {
    admin: await person('Quản trị viên', [{ role: 'admin', unitId: nation }]),
    coordinator: await person('Trần Thị Điều Phối', [{ role: 'coordinator', unitId: p }]),
    approverP: await person('Lê Văn Duyệt', [{ role: 'approver', unitId: p }]),
    approverC1: await person('Phạm Duyệt Xã', [{ role: 'approver', unitId: c1 }]),
    reporterC1: await person('Nguyễn Văn Báo', [{ role: 'reporter', unitId: c1 }]),
    reporterC1b: await person('Đỗ Thị Cáo', [{ role: 'reporter', unitId: c1 }]),
    reporterD: await person('Hoàng Sở', [{ role: 'reporter', unitId: d }]),
    viewerP: await person('Vũ Xem', [{ role: 'viewer', unitId: p }]),
    coordinatorQ: await person('Điều Phối Tỉnh Bên', [{ role: 'coordinator', unitId: q }]),
  };
  const actorOf = (x: { id: number; grants: RoleGrant[]; name: string }): Actor => ({
    kind: 'user',
    userId: x.id,
    label: x.name,
    grants: x.grants,
  });
  return {
    nation,
    p,
    d,
    h,
    c1,
    c2,
    c3,
    q,
    q1,
    people,
    indicator: (code) => {
      const id = ids.get(code);
      if (!id) throw new Error(`no indicator ${code}`);
      return id;
    },
    as: (x, now = clock) => ({ db, actor: actorOf(x), now, locale: 'vi', ip: '127.0.0.1' }),
    system: (now = clock) => ({ ...sys, now }),
  };
}

/**
 * An open round inserted directly (for tests of what happens inside a round;
 * the round service has its own tests): the units, the indicators asked of
 * each kind, draft submissions.
 */
export async function insertOpenRound(
  db: Db,
  r: {
    provinceId: number;
    periodId: string;
    unitIds: number[];
    indicators: Array<{
      indicatorId: number;
      unitKind: 'commune' | 'department' | 'district' | 'agency' | 'province';
      required?: boolean;
    }>;
    dueOn?: string;
    isDemo?: boolean;
  },
): Promise<{ roundId: number; submissionOf: (unitId: number) => Promise<number> }> {
  const year = Number(r.periodId.slice(0, 4));
  await db
    .insertInto('period')
    .values({ id: r.periodId, kind: 'year', startsOn: `${year}-01-01`, endsOn: `${year}-12-31` })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const round = await db
    .insertInto('reportingRound')
    .values({
      provinceId: r.provinceId,
      name: `Báo cáo chuyển đổi số năm ${r.periodId}`,
      periodId: r.periodId,
      windowStart: `${year - 1}-12-15`,
      windowEnd: `${year}-12-14`,
      dueOn: r.dueOn ?? `${year}-12-01`,
      dueBefore: true,
      state: 'open',
      isDemo: r.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const unitId of r.unitIds) {
    await db.insertInto('roundUnit').values({ roundId: round.id, unitId }).execute();
    await db.insertInto('submission').values({ roundId: round.id, unitId }).execute();
  }
  for (const i of r.indicators) {
    await db
      .insertInto('roundIndicator')
      .values({
        roundId: round.id,
        indicatorId: i.indicatorId,
        unitKind: i.unitKind,
        required: i.required ?? true,
      })
      .execute();
  }
  return {
    roundId: round.id,
    submissionOf: async (unitId) =>
      (
        await db
          .selectFrom('submission')
          .select('id')
          .where('roundId', '=', round.id)
          .where('unitId', '=', unitId)
          .executeTakeFirstOrThrow()
      ).id,
  };
}
