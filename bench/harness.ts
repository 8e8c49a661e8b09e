/**
 * The benchmark harness of `npm run bench`: a case is a named function run
 * many times after a warm-up; the harness reports median, p95, min and max in
 * milliseconds, and fails the run when a case's median goes over its budget.
 * Cases live in bench/*.bench.ts, each exporting `cases: BenchCase[]`.
 */

/** One thing to time. */
export interface BenchCase {
  /** What is timed, in words: "read a 40 KB document". */
  name: string;
  /** Prepares what `run` needs (not timed); may return a note shown beside the result. */
  setup?: () => Promise<string | undefined> | string | undefined;
  /** The work timed; may be async. */
  run: () => unknown;
  /** Timed runs (default 30) after warm-up runs (default 5). */
  iterations?: number;
  warmup?: number;
  /** The median must stay under this many milliseconds. */
  budgetMs?: number;
}

/** What a case measured. */
export interface BenchResult {
  name: string;
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  budgetMs?: number;
  note?: string;
}

/** The value at fraction `q` of sorted samples (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Runs one case and measures it. */
export async function measure(c: BenchCase): Promise<BenchResult> {
  const note = (await c.setup?.()) ?? undefined;
  const warmup = c.warmup ?? 5;
  const iterations = c.iterations ?? 30;
  for (let i = 0; i < warmup; i++) await c.run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await c.run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return {
    name: c.name,
    runs: iterations,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    min: samples[0] as number,
    max: samples[samples.length - 1] as number,
    budgetMs: c.budgetMs,
    note,
  };
}

const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);

/** A plain-text table of results, one row per case. */
export function formatTable(results: BenchResult[]): string {
  const header = ['case', 'runs', 'median ms', 'p95 ms', 'min ms', 'max ms', 'budget', ''];
  const rows = results.map((r) => [
    r.note ? `${r.name} (${r.note})` : r.name,
    String(r.runs),
    ms(r.median),
    ms(r.p95),
    ms(r.min),
    ms(r.max),
    r.budgetMs === undefined ? '' : `< ${r.budgetMs} ms`,
    r.budgetMs === undefined ? '' : r.median < r.budgetMs ? 'ok' : 'OVER',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i > 0 && i < 6 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
