// The dashboards' speed (issue 6): data sets S (one province of 230 communes,
// 100 indicators, 60 months) and L (10,600 communes in 63 provinces, 100
// indicators, 12 months) generated straight into a fresh database with
// set-based SQL, roll-ups built by the product's own rebuild
// (repositories/rollup.repository.ts), then, on PGlite and on PostgreSQL:
// the per-province roll-up of one period, a trend, the ranking of provinces —
// each beside a plain GROUP BY over the raw values in the same run — and the
// time from approving a report (services/submission.service.ts) to its figure
// in a dashboard query. Results: bench/results/latest.json and the table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { systemActor } from '../src/domain/auth/actor';
import type { Db } from '../src/repositories/db';
import { findRollups, rebuildRollups } from '../src/repositories/rollup.repository';
import type { ServiceContext } from '../src/services/context';
import { approveReport } from '../src/services/submission.service';
import { quantile } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const PG_URL = process.env.NHIPSO_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A data set's shape. `perCommune`: indicators each commune reports each period (of the 100). */
interface Size {
  name: 'S' | 'L';
  provinces: number;
  communes: number;
  indicators: number;
  months: number;
  firstMonth: string;
  perCommune: number;
}

// Each commune reports a rotating subset of the 100 indicators every month (every
// indicator is reported by the same share of communes in every province): the
// full 100 × 10,600 × 12 would be 12.7 million values and, with the roll-up
// table's rows for every reporting unit, about 51 million roll-up rows, which the
// product's rebuild cannot write within the 15 minutes this bench may take
// (docs/performance.md). NHIPSO_BENCH_PER_COMMUNE overrides the share.
const perCommune = (fallback: number) => Number(process.env.NHIPSO_BENCH_PER_COMMUNE ?? fallback);
export const sizes: Size[] = [
  {
    name: 'S',
    provinces: 1,
    communes: 230,
    indicators: 100,
    months: 60,
    firstMonth: '2021-01-01',
    perCommune: perCommune(20),
  },
  {
    name: 'L',
    provinces: 63,
    communes: 10_600,
    indicators: 100,
    months: 12,
    firstMonth: '2025-01-01',
    perCommune: perCommune(5),
  },
];

/** One line of bench/results/latest.json. */
export interface DashboardBenchRow {
  engine: 'pglite' | 'postgres';
  size: 'S' | 'L';
  query: string;
  p50_ms: number;
  p95_ms: number;
  baseline_p50_ms: number | null;
  /** Also kept: how the row was measured. */
  runs: number;
  baseline_p95_ms: number | null;
  note?: string;
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const ms = (t0: number) => performance.now() - t0;

async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await f();
  log(`    ${label}: ${(ms(t0) / 1000).toFixed(1)} s`);
  return r;
}

/** Generates a data set straight into the database (set-based SQL), then the roll-ups with the product's rebuild. */
async function generate(db: Db, size: Size): Promise<{ values: number; rollups: number }> {
  const step = Math.max(1, Math.round(size.indicators / size.perCommune));
  await timed('units, indicators, periods', async () => {
    await sql`INSERT INTO unit (code, kind, name, search_text) VALUES ('B-VN', 'nation', 'Việt Nam', 'viet nam')`.execute(
      db,
    );
    await sql`INSERT INTO unit (code, kind, name, parent_id, search_text)
      SELECT 'B-P' || lpad(g::text, 2, '0'), 'province', 'Tỉnh ' || g, (SELECT id FROM unit WHERE code = 'B-VN'), 'tinh ' || g
      FROM generate_series(1, ${size.provinces}) g`.execute(db);
    // communes spread over the provinces (about 168 each in L, 230 in S), directly under them as since 2025
    await sql`INSERT INTO unit (code, kind, name, parent_id, search_text)
      SELECT 'B-C' || lpad(g::text, 5, '0'), 'commune', 'Xã ' || g,
        (SELECT id FROM unit WHERE code = 'B-P' || lpad((1 + (g % ${size.provinces}))::text, 2, '0')), 'xa ' || g
      FROM generate_series(1, ${size.communes}) g`.execute(db);
    // 80 rates (numerator/denominator) and 20 counts
    await sql`INSERT INTO indicator (code, name_vi, name_en, pillar, kind, unit_of_measure, aggregation, direction,
        numerator_vi, denominator_vi, unit_kinds, search_text, position)
      SELECT 'B.I' || lpad(g::text, 3, '0'), 'Chỉ tiêu ' || g, 'Indicator ' || g,
        (ARRAY['government', 'economy', 'society', 'foundation'])[1 + g % 4],
        CASE WHEN g <= 80 THEN 'ratio' ELSE 'count' END, CASE WHEN g <= 80 THEN '%' ELSE 'đơn vị' END,
        CASE WHEN g <= 80 THEN 'ratio' ELSE 'sum' END, 'higher_better',
        CASE WHEN g <= 80 THEN 'tử số' END, CASE WHEN g <= 80 THEN 'mẫu số' END, '{commune}', 'chi tieu ' || g, g
      FROM generate_series(1, ${size.indicators}) g`.execute(db);
    await sql`INSERT INTO period (id, kind, starts_on, ends_on)
      SELECT to_char(d, 'YYYY-MM'), 'month', d::date, (d + interval '1 month' - interval '1 day')::date
      FROM generate_series(${size.firstMonth}::timestamp, ${size.firstMonth}::timestamp + ${`${size.months - 1} months`}::interval, '1 month') d
      ON CONFLICT DO NOTHING`.execute(db);
    await sql`INSERT INTO period (id, kind, starts_on, ends_on) VALUES ('2030', 'year', '2030-01-01', '2030-12-31')`.execute(
      db,
    );
  });
  const values = await timed('values', async () =>
    db.transaction().execute(async (trx) => {
      // bulk load: foreign keys are checked by construction here, not row by row
      await sql`SET LOCAL session_replication_role = replica`.execute(trx);
      const r = await sql<{ n: number }>`
        WITH c AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM unit WHERE kind = 'commune'),
        i AS (SELECT id, aggregation, row_number() OVER (ORDER BY id) AS n FROM indicator),
        p AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM period WHERE kind = 'month'),
        w AS (
          INSERT INTO data_value (unit_id, indicator_id, period_id, numerator, denominator, value, status)
          SELECT c.id, i.id, p.id,
            CASE WHEN i.aggregation = 'ratio' THEN ((c.n * 37 + i.n * 11 + p.n * 3) % 101) * 2 END,
            CASE WHEN i.aggregation = 'ratio' THEN 200 END,
            CASE WHEN i.aggregation = 'sum' THEN (c.n + i.n + p.n) % 7 END,
            'approved'
          FROM c JOIN i ON (c.n + i.n) % ${step} = 0 CROSS JOIN p
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM w`.execute(trx);
      return Number(r.rows[0]?.n ?? 0);
    }),
  );
  await sql`ANALYZE data_value`.execute(db);
  const rollups = await timed('roll-ups (the product’s rebuild, period by period)', async () =>
    db.transaction().execute(async (trx) => {
      // bulk load: the roll-up table's indexes are built once after the rows, not row by row
      await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
      await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(trx);
      await sql`ALTER TABLE rollup DROP CONSTRAINT rollup_pkey`.execute(trx);
      await sql`DROP INDEX rollup_indicator_period_idx`.execute(trx);
      await sql`DROP INDEX rollup_unit_indicator_idx`.execute(trx);
      let n = 0;
      const periods = await sql<{
        id: string;
      }>`SELECT id FROM period WHERE kind = 'month' ORDER BY id`.execute(trx);
      for (const p of periods.rows) n += await rebuildRollups(trx, p.id);
      await sql`ALTER TABLE rollup ADD PRIMARY KEY (unit_id, period_id, indicator_id, view, member_kind)`.execute(
        trx,
      );
      await sql`CREATE INDEX rollup_indicator_period_idx ON rollup (indicator_id, period_id, view, member_kind)`.execute(
        trx,
      );
      await sql`CREATE INDEX rollup_unit_indicator_idx ON rollup (unit_id, indicator_id, view, member_kind)`.execute(
        trx,
      );
      return n;
    }),
  );
  await sql`ANALYZE rollup`.execute(db);
  await sql`ANALYZE unit`.execute(db);
  return { values, rollups };
}

/** Median and p95 of repeated runs after a warm-up. */
async function sample(run: () => Promise<unknown>, iterations: number, warmup = 5) {
  for (let i = 0; i < warmup; i++) await run();
  const xs: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await run();
    xs.push(ms(t0));
  }
  xs.sort((a, b) => a - b);
  return { p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), runs: iterations };
}

/** The dashboard's read and the plain GROUP BY, interleaved so both see the same machine. */
async function compare(
  rollup: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  iterations: number,
): Promise<{ r: Awaited<ReturnType<typeof sample>>; b: Awaited<ReturnType<typeof sample>> }> {
  const r = await sample(rollup, iterations);
  const b = await sample(baseline, iterations);
  return { r, b };
}

async function measure(
  db: Db,
  engine: DashboardBenchRow['engine'],
  size: Size,
): Promise<DashboardBenchRow[]> {
  const rows: DashboardBenchRow[] = [];
  const add = (query: string, c: Awaited<ReturnType<typeof compare>>, note?: string) =>
    rows.push({
      engine,
      size: size.name,
      query,
      p50_ms: round(c.r.p50),
      p95_ms: round(c.r.p95),
      baseline_p50_ms: round(c.b.p50),
      baseline_p95_ms: round(c.b.p95),
      runs: c.r.runs,
      ...(note ? { note } : {}),
    });
  const province = Number(
    (await sql<{ id: number }>`SELECT id FROM unit WHERE code = 'B-P01'`.execute(db)).rows[0]?.id,
  );
  const periods = (
    await sql<{ id: string }>`SELECT id FROM period WHERE kind = 'month' ORDER BY id`.execute(db)
  ).rows.map((r) => r.id);
  const last = periods.at(-1) as string;
  const indicator = Number(
    (await sql<{ id: number }>`SELECT id FROM indicator WHERE code = 'B.I001'`.execute(db)).rows[0]?.id,
  );
  const iterations = size.name === 'L' ? 40 : 60;

  // 1. a province's roll-up of every indicator for one period (the overview's read)
  add(
    'province roll-up, one period, 100 indicators',
    await compare(
      () =>
        findRollups(db, { unitIds: [province], periodIds: [last], view: 'approved', memberKinds: ['all'] }),
      () =>
        sql`
        SELECT dv.indicator_id, sum(dv.numerator) AS n, sum(dv.denominator) AS d, sum(dv.value) AS v, count(*) AS units
        FROM data_value dv JOIN unit u ON u.id = dv.unit_id
        WHERE u.parent_id = ${province} AND dv.period_id = ${last} AND dv.status = 'approved'
        GROUP BY dv.indicator_id`.execute(db),
      iterations,
    ),
  );
  // 2. one indicator's trend at the province over every period
  add(
    `trend, ${periods.length} periods, one indicator`,
    await compare(
      () =>
        findRollups(db, {
          unitIds: [province],
          periodIds: periods,
          indicatorIds: [indicator],
          view: 'approved',
          memberKinds: ['all'],
        }),
      () =>
        sql`
        SELECT dv.period_id, sum(dv.numerator) AS n, sum(dv.denominator) AS d, count(*) AS units
        FROM data_value dv JOIN unit u ON u.id = dv.unit_id
        WHERE u.parent_id = ${province} AND dv.indicator_id = ${indicator} AND dv.status = 'approved'
        GROUP BY dv.period_id`.execute(db),
      iterations,
    ),
  );
  // 3. the provinces ranked on one indicator for one period (the national comparison's read)
  if (size.provinces > 1) {
    const provinces = (
      await sql<{ id: number }>`SELECT id FROM unit WHERE kind = 'province' ORDER BY id`.execute(db)
    ).rows.map((r) => Number(r.id));
    add(
      `ranking of ${provinces.length} provinces, one indicator, one period`,
      await compare(
        async () => {
          const r = await findRollups(db, {
            unitIds: provinces,
            periodIds: [last],
            indicatorIds: [indicator],
            view: 'approved',
            memberKinds: ['all'],
          });
          return r
            .map((x) => ({
              id: x.unitId,
              v: x.denominatorSum > 0 ? x.numeratorSum / x.denominatorSum : null,
            }))
            .sort((a, b) => (b.v ?? 0) - (a.v ?? 0));
        },
        () =>
          sql`
          SELECT u.parent_id, sum(dv.numerator) / nullif(sum(dv.denominator), 0) AS rate,
            rank() OVER (ORDER BY sum(dv.numerator) / nullif(sum(dv.denominator), 0) DESC NULLS LAST)
          FROM data_value dv JOIN unit u ON u.id = dv.unit_id
          WHERE dv.indicator_id = ${indicator} AND dv.period_id = ${last} AND dv.status = 'approved'
          GROUP BY u.parent_id`.execute(db),
        iterations,
      ),
    );
  }
  rows.push(await approvalToDashboard(db, engine, size, province));
  return rows;
}

/**
 * From approving a report (the product's approveReport, which updates the
 * roll-ups in its transaction) to the approved figure being in the
 * province's roll-up as a dashboard reads it. The baseline: the same
 * approval followed by the plain GROUP BY.
 */
async function approvalToDashboard(
  db: Db,
  engine: DashboardBenchRow['engine'],
  size: Size,
  province: number,
): Promise<DashboardBenchRow> {
  const n = 30;
  const ctx: ServiceContext = {
    db,
    actor: systemActor('bench'),
    now: () => new Date(),
    locale: 'vi',
    ip: null,
  };
  const communes = (
    await sql<{
      id: number;
    }>`SELECT id FROM unit WHERE parent_id = ${province} ORDER BY id LIMIT ${2 * n + 5}`.execute(db)
  ).rows.map((r) => Number(r.id));
  const indicators = (
    await sql<{
      id: number;
    }>`SELECT id FROM indicator WHERE aggregation = 'ratio' ORDER BY id LIMIT 10`.execute(db)
  ).rows.map((r) => Number(r.id));
  const round = await db
    .insertInto('reportingRound')
    .values({
      provinceId: province,
      name: 'Báo cáo năm 2030 (đo tốc độ)',
      periodId: '2030',
      windowStart: '2029-12-15',
      windowEnd: '2030-12-14',
      dueOn: '2030-12-01',
      state: 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // reports awaiting approval, ten figures each, not yet in the approved roll-ups
  const submissions: number[] = [];
  for (const unitId of communes) {
    const s = await db
      .insertInto('submission')
      .values({ roundId: round.id, unitId, state: 'submitted', submittedAt: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    submissions.push(s.id);
    await db
      .insertInto('dataValue')
      .values(
        indicators.map((indicatorId, k) => ({
          unitId,
          indicatorId,
          periodId: '2030',
          numerator: 10 + k,
          denominator: 100,
          status: 'submitted' as const,
          submissionId: s.id,
        })),
      )
      .execute();
  }
  const probe = indicators[0] as number;
  const readRollup = async () =>
    (
      await findRollups(db, {
        unitIds: [province],
        periodIds: ['2030'],
        indicatorIds: [probe],
        view: 'approved',
        memberKinds: ['all'],
      })
    )[0]?.reportingUnits ?? 0;
  const readGroupBy = async () =>
    Number(
      (
        await sql<{ units: number }>`
          SELECT count(*)::int AS units FROM data_value dv JOIN unit u ON u.id = dv.unit_id
          WHERE u.parent_id = ${province} AND dv.indicator_id = ${probe} AND dv.period_id = '2030' AND dv.status = 'approved'`.execute(
          db,
        )
      ).rows[0]?.units ?? 0,
    );
  const run = async (id: number, read: () => Promise<number>) => {
    const before = await read();
    const t0 = performance.now();
    await approveReport(ctx, id, {});
    const after = await read();
    const t = ms(t0);
    if (after !== before + 1) throw new Error(`approval not visible: ${before} → ${after}`);
    return t;
  };
  const viaRollup: number[] = [];
  const viaGroupBy: number[] = [];
  for (let k = 0; k < 2 * n && k < submissions.length; k++) {
    const id = submissions[k] as number;
    if (k % 2 === 0) viaRollup.push(await run(id, readRollup));
    else viaGroupBy.push(await run(id, readGroupBy));
  }
  viaRollup.sort((a, b) => a - b);
  viaGroupBy.sort((a, b) => a - b);
  return {
    engine,
    size: size.name,
    query: 'approve a report → its figures in the province’s dashboard query',
    p50_ms: round2(quantile(viaRollup, 0.5)),
    p95_ms: round2(quantile(viaRollup, 0.95)),
    baseline_p50_ms: round2(quantile(viaGroupBy, 0.5)),
    baseline_p95_ms: round2(quantile(viaGroupBy, 0.95)),
    runs: viaRollup.length,
    note: 'approveReport (one transaction: workflow, revisions, roll-ups, audit) then the read; baseline: then the GROUP BY',
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
const round2 = round;

async function openEngine(engine: 'pglite' | 'postgres', size: Size): Promise<DatabaseHandle | null> {
  if (engine === 'pglite') return openDatabase({ engine: 'pglite' });
  const name = `nhipso_bench_${size.name.toLowerCase()}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (e) {
    log(`  PostgreSQL ${PG_URL} không trả lời / unreachable (${(e as Error).message}): bỏ qua / skipped`);
    return null;
  }
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const h = await openDatabase({ engine: 'postgres', url: u.toString(), poolSize: 4 });
  return {
    ...h,
    async close() {
      await h.close();
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => a.end());
    },
  };
}

/** Runs everything; returns the rows written to bench/results/latest.json. */
export async function runDashboardBench(): Promise<DashboardBenchRow[]> {
  const rows: DashboardBenchRow[] = [];
  const started = performance.now();
  for (const engine of ['pglite', 'postgres'] as const) {
    for (const size of sizes) {
      log(
        `… ${engine} ${size.name}: ${size.communes.toLocaleString('vi-VN')} xã, ${size.indicators} chỉ tiêu, ${size.months} tháng`,
      );
      const h = await openEngine(engine, size);
      if (!h) break;
      try {
        await migrate(h.db);
        const g = await generate(h.db, size);
        log(
          `    ${g.values.toLocaleString('vi-VN')} số liệu / values, ${g.rollups.toLocaleString('vi-VN')} dòng tổng hợp / roll-up rows`,
        );
        const measured = await measure(h.db, engine, size);
        for (const r of measured)
          r.note = [r.note, `${g.values} values, ${g.rollups} roll-up rows`].filter(Boolean).join('; ');
        rows.push(...measured);
      } finally {
        await h.close();
      }
    }
  }
  log(`dashboards bench: ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify(rows, null, 2)}\n`);
  return rows;
}

/** The results as a table. */
export function formatDashboardTable(rows: readonly DashboardBenchRow[]): string {
  const header = [
    'engine',
    'size',
    'query',
    'p50 ms',
    'p95 ms',
    'GROUP BY p50 ms',
    'GROUP BY p95 ms',
    'runs',
  ];
  const cells = rows.map((r) => [
    r.engine,
    r.size,
    r.query,
    r.p50_ms.toFixed(2),
    r.p95_ms.toFixed(2),
    r.baseline_p50_ms === null ? '—' : r.baseline_p50_ms.toFixed(2),
    r.baseline_p95_ms === null ? '—' : r.baseline_p95_ms.toFixed(2),
    String(r.runs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: string[]) =>
    `| ${c.map((x, i) => (i >= 3 ? x.padStart(widths[i] as number) : x.padEnd(widths[i] as number))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** Goals of issue 6 on L: roll-up ≤ 10 ms median on PostgreSQL, ≤ 20 ms on PGlite; approval visible ≤ 1 s. */
export function checkGoals(rows: readonly DashboardBenchRow[]): string[] {
  const over: string[] = [];
  for (const r of rows.filter((x) => x.size === 'L')) {
    if (r.query.startsWith('province roll-up') && r.p50_ms > (r.engine === 'postgres' ? 10 : 20))
      over.push(`${r.engine} L roll-up ${r.p50_ms} ms`);
    if (r.query.startsWith('approve') && r.p95_ms > 1000) over.push(`${r.engine} L approval ${r.p95_ms} ms`);
  }
  return over;
}

/** The suite run by bench/run.ts. */
export const suites = [
  {
    name: 'dashboards: roll-ups vs GROUP BY on data sets S and L, PGlite and PostgreSQL',
    run: async () => {
      const rows = await runDashboardBench();
      return { table: formatDashboardTable(rows), failures: checkGoals(rows) };
    },
  },
];
