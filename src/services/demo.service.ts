/**
 * Demo data — "Dữ liệu minh họa / demo data": five years (2021–2025) of
 * reporting for the three seed provinces, produced through the same services
 * a province uses (rounds, saveDataValues, task updates, submit, return,
 * approve, close), deterministic (seeded), every round and value marked
 * `is_demo`.
 *
 * Across the 1 July 2025 reorganisation: the 2021–2024 rounds are reported by
 * the units of the time (Nam Định, Nghệ An, Quảng Nam with their districts
 * and communes); the 2025 round by today's units — the new Ninh Bình for the
 * communes that came from Nam Định (its program carried on, see
 * round.service.ts), Nghệ An for its new communes, Đà Nẵng for the communes
 * that came from Quảng Nam. The lineage links re-express 2024 figures in
 * 2025's communes (the form's "last period").
 *
 * Values follow each province's confirmed targets: per province and
 * indicator, a scenario (on track, slipping, moving away) sets the path from
 * a baseline toward the 2025 target; communes differ by a steady offset and
 * a little yearly noise; denominators come from a profile of each unit
 * (population, households, files, staff…) so that the consistency rules
 * hold. About one unit in ten is late, one in fifteen is returned once with a
 * comment; the 2025 round is left open with reports in every state.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataValueInput } from '../contracts/data-value';
import type { Actor } from '../domain/auth/actor';
import { AppError } from '../domain/errors';
import type { IndicatorKind } from '../domain/indicator/indicator';
import { isOutlier } from '../domain/validation/validate';
import { anyValueExists } from '../repositories/data-value.repository';
import type { Db } from '../repositories/db';
import {
  communesFromFormerProvince,
  listRoundIndicators,
  listRoundTaskIds,
  listRoundUnits,
  predecessorsOf,
  unitsByIds,
} from '../repositories/round.repository';
import { listUnitLists } from '../repositories/unit-list.repository';
import { requireAdmin, requirePerson } from './authorize';
import type { ServiceContext } from './context';
import { saveDataValues } from './data-value.service';
import { packageRoot } from './document-seed.service';
import { closeRound, createRound, openRound, roundTaskLeads } from './round.service';
import { decideReports, type StepItem } from './submission.service';
import { saveTaskUpdates } from './task-update.service';
import { importUnitList } from './unit-import.service';
import { createUser } from './user.service';

/** Progress of a demo load, for the CLI and the home page. */
export interface DemoProgress {
  phase: 'units' | 'people' | 'rounds' | 'done';
  /** Rounds done out of all. */
  done: number;
  total: number;
  message: string;
}

export interface DemoResult {
  rounds: number;
  reports: number;
  values: number;
  taskUpdates: number;
  seconds: number;
}

/** Where the official unit lists are read from: NHIPSO_UNITS_DIR, else ../shared/data/units. */
export function unitListsDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.NHIPSO_UNITS_DIR
    ? resolve(env.NHIPSO_UNITS_DIR)
    : resolve(packageRoot(), '..', 'shared', 'data', 'units');
}

// ---------------------------------------------------------------- randomness

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seeded generator per key, so a figure never depends on the order things are generated in. */
function rng(...key: Array<string | number>) {
  let a = hash(`nhipso-demo:${key.join(':')}`);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    int: (lo: number, hi: number) => Math.floor(lo + (hi - lo + 1) * next()),
    normal: () => {
      const u = Math.max(next(), 1e-9);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
  };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------- the plan

interface ProvincePlan {
  /** The province that reports in the round (today's province for 2025). */
  code: string;
  /** The seed province whose program and figures it carries on. */
  program: string;
  /** For a merged province: the former province whose communes it follows. */
  formerCode?: string;
}

const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
const plansFor = (year: number): ProvincePlan[] =>
  year < 2025
    ? [
        { code: '36', program: '36' },
        { code: '40', program: '40' },
        { code: '49', program: '49' },
      ]
    : [
        { code: '37', program: '36', formerCode: '36' },
        { code: '40', program: '40' },
        { code: '48', program: '49', formerCode: '49' },
      ];

/** How far each province gets toward a target by 2025, per indicator. */
type Scenario = 'on_track' | 'slipping' | 'away';

function scenarioOf(program: string, code: string): Scenario {
  const x = rng('scenario', program, code).next();
  return x < 0.55 ? 'on_track' : x < 0.88 ? 'slipping' : 'away';
}

interface TargetFact {
  indicatorId: number;
  level: string | null;
  year: number | null;
  comparator: string;
  value: number;
  valueMax: number | null;
}

/** The target a unit of this kind works toward (the level's, for 2025 if there is one). */
function targetFor(targets: readonly TargetFact[], indicatorId: number, unitKind: string): number | null {
  const level =
    unitKind === 'commune'
      ? 'commune'
      : unitKind === 'district'
        ? 'district'
        : unitKind === 'province'
          ? null
          : 'province';
  const mine = targets.filter((t) => t.indicatorId === indicatorId);
  const ranked = [
    ...mine.filter((t) => t.level === level && (t.year === 2025 || t.year === null)),
    ...mine.filter((t) => t.level === null && (t.year === 2025 || t.year === null)),
    ...mine.filter((t) => t.year === 2025 || t.year === null),
    ...mine,
  ];
  const t = ranked[0];
  if (!t) return null;
  return t.comparator === 'range' && t.valueMax !== null ? (t.value + t.valueMax) / 2 : t.value;
}

/** A unit's size: everything countable in it scales with it. */
interface Profile {
  population: number;
  households: number;
  adults: number;
  over15: number;
  files: number;
  workfiles: number;
  documents: number;
  inspections: number;
  staff: number;
  agencies: number;
  schools: number;
  facilities: number;
  villages: number;
  farmHouseholds: number;
  systems: number;
  databases: number;
}

/** A commune's population before growth (its size). */
function communeSize(unitCode: string): number {
  return Math.exp(rng('profile', unitCode).normal() * 0.35) * 9000;
}

/**
 * @param sizeOverride a commune made in 2025 is as large as the communes it was made of
 */
function profileOf(unitCode: string, kind: string, year: number, sizeOverride?: number): Profile {
  const r = rng('profile', unitCode);
  r.normal();
  const size =
    sizeOverride ??
    (kind === 'commune'
      ? communeSize(unitCode)
      : kind === 'district'
        ? r.between(90_000, 260_000)
        : 1_200_000);
  const grow = 1 + 0.008 * (year - 2021);
  const population = Math.round(size * grow);
  const dept = kind === 'department' || kind === 'agency';
  const scale = (commune: number, district: number, department: number, province: number) =>
    kind === 'commune' ? commune : kind === 'district' ? district : dept ? department : province;
  const n = (x: number) => Math.max(1, Math.round(x));
  return {
    population,
    households: n(population / r.between(3.4, 3.9)),
    adults: n(population * 0.68),
    over15: n(population * 0.74),
    files: n(scale(population * 0.22, population * 0.08, r.between(800, 14_000), population * 0.3) * grow),
    workfiles: n(scale(r.between(350, 1400), r.between(2500, 7000), r.between(900, 6500), 40_000)),
    documents: n(scale(r.between(1200, 4800), r.between(6000, 16_000), r.between(3000, 18_000), 90_000)),
    inspections: n(scale(r.between(3, 14), r.between(12, 40), r.between(8, 90), 400)),
    staff: n(scale(r.between(22, 40), r.between(140, 320), r.between(45, 280), 18_000)),
    agencies: n(scale(r.int(1, 3), r.int(10, 18), r.int(2, 9), 60)),
    schools: n(scale(r.int(2, 6), r.int(30, 70), r.int(4, 40), 600)),
    facilities: n(scale(r.int(2, 6), r.int(12, 30), r.int(3, 25), 400)),
    villages: n(scale(r.int(6, 24), r.int(120, 260), 1, 2500)),
    farmHouseholds: n((population / 3.7) * r.between(0.35, 0.7)),
    systems: n(scale(1, r.int(2, 5), r.int(2, 9), 40)),
    databases: n(scale(1, r.int(1, 3), r.int(1, 6), 35)),
  };
}

/** The denominator of a ratio indicator for a unit (the whole it is a share of). */
function denominatorOf(code: string, p: Profile, unitCode: string): number {
  switch (code) {
    case 'SOC.FIBRE_HOUSEHOLDS':
      return p.households;
    case 'SOC.SMARTPHONE_ADULTS':
    case 'SOC.EPAYMENT_USERS':
    case 'SOC.DIGITAL_SKILLS':
      return p.adults;
    case 'SOC.EPAYMENT_ACCOUNTS':
    case 'SOC.BANK_ACCOUNTS':
      return p.over15;
    case 'SOC.DIGITAL_ID':
      return Math.round(p.over15 * 1.02);
    case 'SOC.HEALTH_RECORDS':
    case 'SOC.MOBILE_BROADBAND':
      return p.population;
    case 'GOV.TTHC_FILES_ONLINE':
    case 'GOV.TTHC_DIGITISED':
      return p.files;
    case 'GOV.DVC_ONLINE_PAYMENT':
      return Math.round(p.files * 0.38);
    case 'GOV.SATISFACTION':
      return Math.round(p.files * 0.45);
    case 'GOV.WORKFILE_ONLINE':
      return p.workfiles;
    case 'GOV.EDOC_SIGNED':
      return p.documents;
    case 'GOV.INSPECTION_DIGITAL':
      return p.inspections;
    case 'FND.STAFF_DIGITAL_TRAINED':
      return p.staff;
    case 'FND.AGENCIES_WITH_IT_STAFF':
    case 'FND.DX_DEPARTMENTS_PLAN':
      return p.agencies;
    case 'SOC.SCHOOLS_ONLINE':
    case 'SOC.SCHOOLS_DIGITAL_MGMT':
      return p.schools;
    case 'SOC.HOSPITAL_CASHLESS':
    case 'SOC.TELEHEALTH':
    case 'SOC.HOSPITALS_EMR':
      return p.facilities;
    case 'FND.COMMUNITY_DIGITAL_TEAMS':
      return p.villages;
    case 'ECO.AGRI_HOUSEHOLDS_DIGITISED':
      return p.farmHouseholds;
    case 'FND.SECURITY_4_LAYER':
    case 'FND.SECURITY_LEVEL_APPROVED':
    case 'GOV.CLOUD_SYSTEMS':
      return p.systems;
    case 'GOV.DEPARTMENT_DB_SHARED':
    case 'GOV.NATIONAL_DB_CONNECTED':
      return p.databases;
    case 'ECO.DIGITAL_ECONOMY_GRDP':
      // GRDP in billion đồng
      return Math.round(p.population * 0.075);
    default: {
      // a whole of a plausible size for anything else
      const r = rng('den', unitCode, code);
      return r.int(20, 400);
    }
  }
}

/** A rate (0–100) on the unit's path for the year. */
function rateFor(o: {
  program: string;
  code: string;
  unitCode: string;
  unitKind: string;
  year: number;
  target: number | null;
}): number {
  const r = rng('path', o.program, o.code);
  const target = o.target ?? clamp(r.between(60, 95), 0, 100);
  const baseline = target * r.between(0.35, 0.65);
  const scenario = scenarioOf(o.program, o.code);
  const end =
    scenario === 'on_track'
      ? target * r.between(0.96, 1.06)
      : scenario === 'slipping'
        ? baseline + (target - baseline) * r.between(0.45, 0.72)
        : baseline * r.between(0.8, 0.95);
  const f = (o.year - 2020) / 5;
  const level = baseline + (end - baseline) * f ** r.between(0.8, 1.3);
  const u = rng('unit', o.unitCode, o.code);
  const spread = o.unitKind === 'commune' ? 11 : o.unitKind === 'province' ? 0 : 7;
  const offset = u.normal() * spread;
  const noise = rng('noise', o.unitCode, o.code, o.year).normal() * 2.2;
  return clamp(level + offset + noise, 0.5, 100);
}

/** A value for a count, amount or rank indicator. */
function valueFor(o: {
  program: string;
  code: string;
  kind: IndicatorKind;
  unitCode: string;
  unitKind: string;
  year: number;
  target: number | null;
}): number {
  const f = (o.year - 2020) / 5;
  const r = rng('value', o.unitCode, o.code, o.year);
  const u = rng('unit', o.unitCode, o.code);
  switch (o.code) {
    case 'GOV.DTI_RANK': {
      const start = { '36': 34, '40': 27, '49': 38, '37': 22, '48': 5 }[o.program] ?? 30;
      const goal = (o.target ?? 20) + (scenarioOf(o.program, o.code) === 'on_track' ? -2 : 6);
      return clamp(Math.round(start + (goal - start) * f + r.normal() * 2), 1, 63);
    }
    case 'ECO.LABOUR_PRODUCTIVITY_GROWTH':
      return Math.round((5.2 + u.normal() * 0.6 + f * 1.4 + r.normal() * 0.7) * 10) / 10;
    case 'ECO.DIGITAL_TECH_ENTERPRISES':
      return Math.round(u.between(120, 300) * (1 + 0.16 * (o.year - 2021)));
    case 'SOC.SMART_CITY':
      return Math.min(4, Math.floor(f * 4 + r.next()));
    case 'ECO.ECOMMERCE_TRAINEES':
      return Math.round((o.unitKind === 'commune' ? u.between(15, 90) : u.between(300, 1200)) * (0.6 + f));
    case 'SOC.SMART_COMMUNES':
      return o.unitKind === 'commune'
        ? r.next() < 0.08 + 0.12 * f
          ? 1
          : 0
        : Math.floor(f * u.between(1, 4));
    default:
      if (o.kind === 'boolean') return r.next() < 0.3 + 0.6 * f ? 1 : 0;
      if (o.kind === 'rank') return r.int(1, 63);
      if (o.kind === 'amount') return Math.round(u.between(2, 12) * (0.8 + f) * 10) / 10;
      return Math.max(0, Math.round(u.between(0, 8) * (0.5 + f) + r.normal()));
  }
}

const OUTLIER_COMMENTS = [
  'Năm nay đưa vào sử dụng hệ thống quản lý văn bản và điều hành mới nên tỷ lệ tăng mạnh.',
  'Số lượng trong năm ít nên tỷ lệ biến động lớn so với năm trước.',
  'Đã rà soát, chuẩn hóa lại số liệu theo hướng dẫn của Sở Khoa học và Công nghệ.',
  'Doanh nghiệp viễn thông hoàn thành dự án kéo cáp quang đến các thôn trong năm.',
  'Triển khai chiến dịch cài đặt, kích hoạt tài khoản cho người dân tại nhà văn hóa thôn.',
];

const RETURN_COMMENTS = [
  'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng chưa khớp với số liệu trên hệ thống quản lý văn bản và điều hành; đề nghị rà soát lại.',
  'Mẫu số (tổng số hộ gia đình) khác số liệu thống kê dân số năm nay; đề nghị cập nhật theo số liệu của cơ quan thống kê.',
  'Đề nghị bổ sung ghi chú giải thích mức thay đổi so với năm trước.',
  'Số cuộc kiểm tra trong năm chưa khớp với kế hoạch kiểm tra đã được phê duyệt; đề nghị kiểm tra lại.',
  'Số người có tài khoản thanh toán điện tử cao hơn số liệu ngân hàng cung cấp; đề nghị đối chiếu lại.',
];

const TASK_NOTES = [
  'Đã ban hành kế hoạch triển khai; đang lựa chọn nhà thầu.',
  'Hoàn thành giai đoạn 1, đang triển khai mở rộng đến cấp xã.',
  'Đang phối hợp với doanh nghiệp viễn thông triển khai.',
  'Đã hoàn thành, đưa vào vận hành chính thức.',
  'Chờ bố trí kinh phí năm sau.',
];

// ---------------------------------------------------------------- helpers

async function provinceByCode(
  db: Db,
  code: string,
  on: string,
): Promise<{ id: number; name: string } | null> {
  const row = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('kind', '=', 'province')
    .where('code', '=', code)
    .where((eb) => eb.or([eb('validFrom', 'is', null), eb('validFrom', '<=', on)]))
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', on)]))
    .executeTakeFirst();
  return row ?? null;
}

async function programTargets(db: Db, provinceId: number): Promise<TargetFact[]> {
  return db
    .selectFrom('target as t')
    .innerJoin('programDocument as d', 'd.id', 't.documentId')
    .select(['t.indicatorId', 't.level', 't.year', 't.comparator', 't.value', 't.valueMax'])
    .where('d.provinceId', '=', provinceId)
    .where('t.reviewState', '=', 'confirmed')
    .where('t.indicatorId', 'is not', null)
    .execute() as Promise<TargetFact[]>;
}

/** A moment of a simulated working day in Vietnam (UTC+7), as a Date. */
function onDay(iso: string, hour: number, minute = 0): Date {
  // office hours (7:00 or later) are the same calendar day in UTC
  return new Date(`${iso}T${String(hour - 7).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
}

function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const asActor = (p: {
  id: number;
  name: string;
  role: 'coordinator' | 'reporter' | 'approver';
  unitId: number;
}): Actor => ({
  kind: 'user',
  userId: p.id,
  label: p.name,
  grants: [{ role: p.role, unitId: p.unitId }],
});

/** Whether demo data is already in the database. */
export async function demoLoaded(db: Db): Promise<boolean> {
  const r = await db
    .selectFrom('reportingRound')
    .select('id')
    .where('isDemo', '=', true)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** What the home page needs to offer the demo: are there figures at all, is the demo in? */
export async function demoStatus(
  ctx: ServiceContext,
): Promise<{ hasFigures: boolean; demoLoaded: boolean; canLoad: boolean }> {
  requirePerson(ctx);
  const [hasFigures, loaded] = await Promise.all([anyValueExists(ctx.db), demoLoaded(ctx.db)]);
  const canLoad = ctx.actor.kind === 'user' && ctx.actor.grants.some((g) => g.role === 'admin');
  return { hasFigures, demoLoaded: loaded, canLoad };
}

// ---------------------------------------------------------------- seeding

/**
 * Loads the demo data set (administrators and the operator's command).
 * Imports the official unit lists first when they are missing. Refused when
 * demo data is already loaded.
 */
export async function seedDemoData(
  ctx: ServiceContext,
  options: {
    onProgress?: (p: DemoProgress) => void;
    unitsDir?: string;
    /** Only these years (tests); all of 2021–2025 by default. */
    years?: readonly number[];
    /** Only the programs of these seed provinces ('36', '40', '49'); all three by default. */
    programs?: readonly string[];
  } = {},
): Promise<DemoResult> {
  requireAdmin(ctx);
  if (await demoLoaded(ctx.db)) throw new AppError('demo.already_loaded', { status: 409 });
  const started = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  const rounds = YEARS.filter((y) => !options.years || options.years.includes(y)).flatMap((y) =>
    plansFor(y)
      .filter((p) => !options.programs || options.programs.includes(p.program))
      .map((p) => ({ year: y, plan: p })),
  );

  // 1. the official unit lists (before and after 1 July 2025, and the lineage)
  progress({ phase: 'units', done: 0, total: rounds.length, message: 'demo.progress.units' });
  const dir = options.unitsDir ?? unitListsDirectory();
  const have = new Set(
    (await listUnitLists(ctx.db)).filter((l) => !l.fileName.startsWith('builtin:')).map((l) => l.layout),
  );
  for (const [file, layout] of [
    ['dvhc-2024.csv', 'dvhc3'],
    ['dvhc-2025.csv', 'dvhc2'],
    ['lineage-2025-07-01.csv', 'lineage'],
  ] as const) {
    if (have.has(layout)) continue;
    const path = join(dir, file);
    if (!existsSync(path)) throw new AppError('demo.units_missing', { status: 422, params: { path } });
    await importUnitList(ctx, { fileName: file, bytes: new Uint8Array(readFileSync(path)) });
  }

  // 2. the people who run the demo rounds, one set per province
  progress({ phase: 'people', done: 0, total: rounds.length, message: 'demo.progress.people' });
  const people = new Map<
    string,
    Record<'coordinator' | 'reporter' | 'approver', ReturnType<typeof asActor>>
  >();
  for (const code of [...new Set(rounds.map((r) => r.plan.code))]) {
    const on = code === '36' || code === '49' ? '2024-12-14' : '2025-12-14';
    const province = await provinceByCode(ctx.db, code, on);
    if (!province) throw new AppError('demo.province_missing', { status: 422, params: { code } });
    const make = async (role: 'coordinator' | 'reporter' | 'approver', name: string) => {
      const email = `${role}.${code}@minh-hoa.nhipso.invalid`;
      const existing = await ctx.db
        .selectFrom('appUser')
        .select(['id', 'displayName'])
        .where('email', '=', email)
        .executeTakeFirst();
      const id =
        existing?.id ??
        (
          await createUser(ctx, {
            email,
            displayName: name,
            unitId: province.id,
            locale: 'vi',
            roles: [{ role, unitId: province.id }],
          })
        ).user.id;
      return asActor({ id, name, role, unitId: province.id });
    };
    const where = province.name.replace(/^(Tỉnh|Thành phố) /, '');
    people.set(code, {
      coordinator: await make('coordinator', `Điều phối viên CĐS ${where} (minh họa)`),
      reporter: await make('reporter', `Cán bộ tổng hợp báo cáo ${where} (minh họa)`),
      approver: await make('approver', `Lãnh đạo Sở KH&CN ${where} (minh họa)`),
    });
  }

  // 3. the rounds, year by year
  const result: DemoResult = { rounds: 0, reports: 0, values: 0, taskUpdates: 0, seconds: 0 };
  for (const [i, { year, plan }] of rounds.entries()) {
    const name = (await provinceByCode(ctx.db, plan.code, `${year}-12-14`))?.name ?? plan.code;
    progress({ phase: 'rounds', done: i, total: rounds.length, message: `${name} — ${year}` });
    const r = await seedRound(ctx, year, plan, people.get(plan.code)!);
    result.rounds++;
    result.reports += r.reports;
    result.values += r.values;
    result.taskUpdates += r.taskUpdates;
  }
  result.seconds = Math.round((Date.now() - started) / 1000);
  progress({ phase: 'done', done: rounds.length, total: rounds.length, message: 'demo.progress.done' });
  return result;
}

interface Event {
  day: string;
  action: 'submit' | 'return' | 'approve' | 'fix';
  submissionId: number;
  unitId: number;
  comment?: string;
}

async function seedRound(
  ctx: ServiceContext,
  year: number,
  plan: ProvincePlan,
  who: Record<'coordinator' | 'reporter' | 'approver', Actor>,
): Promise<{ reports: number; values: number; taskUpdates: number }> {
  const as = (actor: Actor, at: Date): ServiceContext => ({ ...ctx, actor, now: () => at });
  const windowEnd = `${year}-12-14`;
  const province = (await provinceByCode(ctx.db, plan.code, windowEnd))!;
  const programProvince = (await provinceByCode(ctx.db, plan.program, `${Math.min(year, 2024)}-12-14`))!;
  const targets = await programTargets(ctx.db, programProvince.id);
  const current = year === 2025;

  // open on 1 October; the province itself, its departments, districts (until 2025) and communes report
  const communes =
    plan.formerCode !== undefined
      ? await communesFromFormerProvince(ctx.db, province.id, programProvince.id, windowEnd)
      : undefined;
  const round = await createRound(
    as(who.coordinator, onDay(`${year}-10-01`, 8, 30)),
    {
      provinceId: province.id,
      name: `Báo cáo kết quả chuyển đổi số năm ${year}${plan.formerCode ? ` (địa bàn ${programProvince.name.replace(/^Tỉnh /, 'tỉnh ')} cũ)` : ''}`,
      description:
        'Dữ liệu minh họa: số liệu tổng hợp giả lập để trình diễn hệ thống, không phải số liệu chính thức / demo data, not official figures.',
      periodId: String(year),
      units: communes
        ? { kinds: ['province', 'department'], ids: communes }
        : {
            kinds:
              year < 2025
                ? ['province', 'department', 'district', 'commune']
                : ['province', 'department', 'commune'],
          },
    },
    { isDemo: true },
  );
  await openRound(as(who.coordinator, onDay(`${year}-10-01`, 9)), round.id);

  const units = await listRoundUnits(ctx.db, round.id);
  const asked = await listRoundIndicators(ctx.db, round.id);
  const leads = await roundTaskLeads(
    ctx.db,
    await listRoundTaskIds(ctx.db, round.id),
    new Set(units.map((u) => u.unitId)),
  );
  const previous = new Map<
    string,
    { numerator: number | null; denominator: number | null; value: number | null }
  >();
  if (year > 2021) {
    const rows = await ctx.db
      .selectFrom('dataValue')
      .select(['unitId', 'indicatorId', 'numerator', 'denominator', 'value'])
      .where('periodId', '=', String(year - 1))
      .where('unitId', 'in', units.length ? units.map((u) => u.unitId) : [0])
      .execute();
    for (const r of rows) previous.set(`${r.unitId}:${r.indicatorId}`, r);
  }

  // who will never send (a few in past years, more in the open round), and of those who typed nothing
  const last = `${year}-11-30`;
  const neverSent = new Set<number>();
  const untouched = new Set<number>();
  for (const u of units) {
    const r = rng('timeline', u.code, year);
    if (r.next() < (current ? 0.12 : 0.015)) {
      neverSent.add(u.unitId);
      if (current && r.next() < 0.5) untouched.add(u.unitId);
    }
  }

  // the communes of 2025 are the size of the communes they were made of (half of one split in two)
  const sizes = new Map<number, number>();
  if (current) {
    const preds = await predecessorsOf(
      ctx.db,
      units.filter((u) => u.kind === 'commune').map((u) => u.unitId),
    );
    const predUnits = await unitsByIds(
      ctx.db,
      [...preds.values()].flatMap((ps) => ps.map((p) => p.unitId)),
    );
    for (const [unitId, ps] of preds) {
      const size = ps.reduce((sum, p) => {
        const old = predUnits.get(p.unitId);
        if (old?.kind !== 'commune') return sum;
        return sum + communeSize(old.code) * (p.kind === 'partial' ? (p.share ?? 0.5) : 1);
      }, 0);
      if (size > 0) sizes.set(unitId, size);
    }
  }

  // the figures: drafts typed in during October
  const values: DataValueInput[] = [];
  for (const u of units) {
    if (untouched.has(u.unitId)) continue;
    const profile = profileOf(u.code, u.kind, year, sizes.get(u.unitId));
    for (const a of asked.filter((x) => x.unitKind === u.kind)) {
      const target = targetFor(targets, a.indicatorId, u.kind);
      const base = { program: plan.program, code: a.code, unitCode: u.code, unitKind: u.kind, year, target };
      let v: DataValueInput = { unitId: u.unitId, indicatorId: a.indicatorId, periodId: String(year) };
      if (a.kind === 'ratio') {
        const denominator = denominatorOf(a.code, profile, u.code);
        const rate = rateFor(base);
        v = { ...v, numerator: Math.min(denominator, Math.round((rate / 100) * denominator)), denominator };
      } else {
        v = { ...v, value: valueFor({ ...base, kind: a.kind }) };
      }
      // a large change from last year is explained, as the form asks
      const prev = previous.get(`${u.unitId}:${a.indicatorId}`);
      if (isOutlier(a.kind, v, prev, undefined, a.code))
        v.comment = rng('why', u.code, a.code, year).pick(OUTLIER_COMMENTS);
      values.push(v);
    }
  }
  const reporter = as(who.reporter, onDay(`${year}-10-20`, 10));
  for (let i = 0; i < values.length; i += 2000) {
    const r = await saveDataValues(reporter, { source: 'demo', values: values.slice(i, i + 2000) });
    if (r.conflicts.length) {
      throw new AppError('demo.values_refused', {
        status: 500,
        params: { first: r.conflicts[0]?.message ?? '' },
      });
    }
  }

  // task progress of the departments that lead tasks
  let taskUpdates = 0;
  for (const u of units) {
    const mine = [...leads.entries()].filter(([, t]) => t.leads.includes(u.unitId));
    if (mine.length === 0) continue;
    const updates = mine.map(([taskId]) => {
      const r = rng('task', taskId, year);
      const percent = Math.min(
        100,
        Math.round(22 * (year - 2020) * rng('pace', taskId).between(0.6, 1.2) + r.normal() * 4),
      );
      const cancelled = rng('cancel', taskId).next() < 0.03 && year >= 2023;
      return cancelled
        ? {
            taskId,
            status: 'cancelled' as const,
            percent: null,
            note: 'Dừng thực hiện do điều chỉnh kế hoạch của tỉnh, nội dung chuyển sang nhiệm vụ khác.',
          }
        : {
            taskId,
            status:
              percent >= 100
                ? ('done' as const)
                : percent <= 0
                  ? ('not_started' as const)
                  : ('in_progress' as const),
            percent: Math.max(0, percent),
            note: r.pick(TASK_NOTES),
          };
    });
    const saved = await saveTaskUpdates(reporter, { roundId: round.id, unitId: u.unitId, updates });
    taskUpdates += saved.updated;
  }

  // who submits when, who is returned, who is approved
  const events: Event[] = [];
  for (const u of units) {
    const r = rng('timeline-steps', u.code, year);
    if (neverSent.has(u.unitId) || !u.submissionId) continue;
    const late = r.next() < 0.1;
    const submitDay = late ? addDaysIso(last, r.int(2, 12)) : addDaysIso(`${year}-10-24`, r.int(0, 36));
    events.push({ day: submitDay, action: 'submit', submissionId: u.submissionId, unitId: u.unitId });
    let decideDay = addDaysIso(submitDay, r.int(1, 5));
    if (r.next() < 0.07) {
      events.push({
        day: decideDay,
        action: 'return',
        submissionId: u.submissionId,
        unitId: u.unitId,
        comment: r.pick(RETURN_COMMENTS),
      });
      // in the open round some returned reports are still being corrected
      if (current && r.next() < 0.5) continue;
      const fixed = addDaysIso(decideDay, r.int(2, 6));
      events.push({ day: fixed, action: 'fix', submissionId: u.submissionId, unitId: u.unitId });
      events.push({ day: fixed, action: 'submit', submissionId: u.submissionId, unitId: u.unitId });
      decideDay = addDaysIso(fixed, r.int(1, 4));
    }
    // in the open round the latest submissions still wait for a decision
    if (current && decideDay > '2025-12-08') continue;
    events.push({ day: decideDay, action: 'approve', submissionId: u.submissionId, unitId: u.unitId });
  }
  const order = { fix: 0, submit: 1, return: 2, approve: 3 };
  events.sort((a, b) => a.day.localeCompare(b.day) || order[a.action] - order[b.action]);
  for (let i = 0; i < events.length; ) {
    const { day, action } = events[i]!;
    const batch: Event[] = [];
    while (i < events.length && events[i]!.day === day && events[i]!.action === action)
      batch.push(events[i++]!);
    if (action === 'fix') {
      // the unit corrects a figure and says so
      const fixes: DataValueInput[] = [];
      for (const e of batch) {
        const a = values.find((v) => v.unitId === e.unitId && v.denominator !== undefined);
        if (!a) continue;
        fixes.push({
          ...a,
          numerator: Math.max(0, Math.round((a.numerator ?? 0) * 0.97)),
          comment: 'Đã rà soát, điều chỉnh theo số liệu trên hệ thống theo ý kiến của Sở.',
        });
      }
      if (fixes.length)
        await saveDataValues(as(who.reporter, onDay(day, 9, 15)), { source: 'demo', values: fixes });
      continue;
    }
    const at = onDay(day, action === 'submit' ? 10 : 15, rng('minute', day, action).int(0, 59));
    const item = (e: Event): StepItem => ({
      id: e.submissionId,
      ...(e.comment ? { comment: e.comment } : {}),
    });
    if (action === 'submit') {
      await decideReports(as(who.reporter, at), action, batch.map(item));
      continue;
    }
    // the province's own report is decided by the coordinator (no approver sits above it in the province)
    const own = batch.filter((e) => e.unitId === province.id);
    const others = batch.filter((e) => e.unitId !== province.id);
    if (others.length) await decideReports(as(who.approver, at), action, others.map(item));
    if (own.length) await decideReports(as(who.coordinator, at), action, own.map(item));
  }
  if (!current) await closeRound(as(who.coordinator, onDay(`${year}-12-31`, 16)), round.id);
  return { reports: units.length, values: values.length, taskUpdates };
}

/**
 * The start-up line: with no figures in the database, how to load the demo
 * (the home page offers administrators a button too).
 */
export async function demoOfferAtStart(ctx: ServiceContext): Promise<string | undefined> {
  if (await anyValueExists(ctx.db)) return undefined;
  return [
    'Chưa có số liệu báo cáo. Nạp dữ liệu minh họa 2021–2025 của ba tỉnh mẫu: npm run seed:demo (hoặc nút trên trang chủ, tài khoản quản trị).',
    'No figures yet. Load the 2021–2025 demo data of the three seed provinces: npm run seed:demo (or the button on the home page, as an administrator).',
  ].join('\n');
}
