// `npm run eval:documents`: reads each seed document with the reader and
// measures it against the hand-written gold annotations
// (test/fixtures/gold/00N.json): precision and recall of targets and of task
// leads, per document and overall. Exits non-zero when any overall figure is
// below 0.95. `--verbose` lists what was missed and what was extra.
//
// A target matches a gold target when year, level, comparator, value,
// valueMax and unit agree and the quotes overlap in the text (each gold
// target matches at most one). A lead is a pair (section, unit name) of a
// task group, names compared without diacritics and case.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { foldVietnamese } from '../src/domain/text';
import { type ReaderResult, readDocumentText, type Target } from '../src/importers/document/index';

interface GoldTarget {
  year: number | null;
  level: string | null;
  comparator: string;
  value: number;
  valueMax: number | null;
  unit: string;
  indicator: string | null;
  quote: string;
  duplicated?: boolean;
}
interface GoldGroup {
  section: string;
  title: string;
  leads: string[];
  cooperating: string[];
}
interface Gold {
  file: string;
  document?: Record<string, string | null>;
  targets: GoldTarget[];
  taskGroups: GoldGroup[];
}

/** Counts of one measure. */
export interface Score {
  gold: number;
  found: number;
  matched: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
export const precision = (s: Score) => ratio(s.matched, s.found);
export const recall = (s: Score) => ratio(s.matched, s.gold);

function occurrences(text: string, quote: string, all: boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    out.push([at, at + quote.length]);
    if (!all) break;
  }
  return out;
}

const sameValues = (g: GoldTarget, t: Target) =>
  g.year === t.year &&
  g.level === t.level &&
  g.comparator === t.comparator &&
  g.value === t.value &&
  (g.valueMax ?? null) === (t.valueMax ?? null) &&
  g.unit === t.unit;

/** Matches gold targets to read ones, one to one. */
export function scoreTargets(text: string, gold: GoldTarget[], found: Target[]) {
  const used = new Set<number>();
  const missed: GoldTarget[] = [];
  for (const g of gold) {
    const spans = occurrences(text, g.quote, Boolean(g.duplicated));
    const i = found.findIndex(
      (t, k) => !used.has(k) && sameValues(g, t) && spans.some(([s, e]) => t.span[0] < e && s < t.span[1]),
    );
    if (i >= 0) used.add(i);
    else missed.push(g);
  }
  const extra = found.filter((_, k) => !used.has(k));
  return { score: { gold: gold.length, found: found.length, matched: used.size }, missed, extra };
}

/** Compares (section, lead) pairs of task groups. */
export function scoreLeads(gold: GoldGroup[], result: ReaderResult) {
  const key = (section: string, name: string) => `${section}|${foldVietnamese(name)}`;
  const goldPairs = new Set(gold.flatMap((g) => g.leads.map((l) => key(g.section, l))));
  const foundPairs = new Set(
    result.tasks.filter((t) => t.kind === 'group').flatMap((t) => t.leads.map((l) => key(t.section, l))),
  );
  const matched = [...foundPairs].filter((p) => goldPairs.has(p));
  return {
    score: { gold: goldPairs.size, found: foundPairs.size, matched: matched.length },
    missed: [...goldPairs].filter((p) => !foundPairs.has(p)),
    extra: [...foundPairs].filter((p) => !goldPairs.has(p)),
  };
}

function pct(n: number): string {
  return n.toFixed(3);
}

function main(): number {
  const root = process.cwd();
  const goldDir = resolve(root, 'test/fixtures/gold');
  const seedsDir = process.env.NHIPSO_SEEDS_DIR ?? resolve(root, '../shared/seeds');
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  if (!existsSync(goldDir)) {
    console.error(`Không có thư mục chú giải chuẩn / no gold annotations: ${goldDir}`);
    return 2;
  }
  const files = readdirSync(goldDir)
    .filter((f) => /^\d{3}\.json$/.test(f))
    .sort();
  if (!files.length) {
    console.error('Chưa có tệp chú giải chuẩn / no gold files yet');
    return 2;
  }
  const rows: string[][] = [];
  const identity: string[] = [];
  const total = { targets: { gold: 0, found: 0, matched: 0 }, leads: { gold: 0, found: 0, matched: 0 } };
  const add = (a: Score, b: Score) => {
    a.gold += b.gold;
    a.found += b.found;
    a.matched += b.matched;
  };
  for (const file of files) {
    const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as Gold;
    const path = join(seedsDir, gold.file);
    if (!existsSync(path)) {
      console.error(`Không tìm thấy văn bản mẫu / seed not found: ${path}`);
      return 2;
    }
    const text = readFileSync(path, 'utf8');
    const result = readDocumentText(text, { fileName: gold.file });
    const t = scoreTargets(text, gold.targets, result.targets);
    const l = scoreLeads(gold.taskGroups, result);
    add(total.targets, t.score);
    add(total.leads, l.score);
    rows.push([
      file.replace('.json', ''),
      `${t.score.matched}/${t.score.gold} (${t.score.found})`,
      pct(precision(t.score)),
      pct(recall(t.score)),
      `${l.score.matched}/${l.score.gold} (${l.score.found})`,
      pct(precision(l.score)),
      pct(recall(l.score)),
    ]);
    // the document's identity is shown when it differs, not scored
    if (gold.document) {
      const read = result.document as unknown as Record<string, string | null>;
      for (const [field, want] of Object.entries(gold.document))
        if (read[field] !== want)
          identity.push(
            `${file} document.${field}: read ${JSON.stringify(read[field])}, gold ${JSON.stringify(want)}`,
          );
    }
    if (verbose) {
      for (const g of t.missed)
        console.log(
          `${file} target missed: ${g.year} ${g.level} ${g.comparator} ${g.value}${g.valueMax === null ? '' : `–${g.valueMax}`} ${g.unit} “${g.quote}”`,
        );
      for (const x of t.extra)
        console.log(
          `${file} target extra:  ${x.year} ${x.level} ${x.comparator} ${x.value}${x.valueMax === null ? '' : `–${x.valueMax}`} ${x.unit} “${x.quote}”`,
        );
      for (const p of l.missed) console.log(`${file} lead missed: ${p}`);
      for (const p of l.extra) console.log(`${file} lead extra:  ${p}`);
    }
  }
  rows.push([
    'overall',
    `${total.targets.matched}/${total.targets.gold} (${total.targets.found})`,
    pct(precision(total.targets)),
    pct(recall(total.targets)),
    `${total.leads.matched}/${total.leads.gold} (${total.leads.found})`,
    pct(precision(total.leads)),
    pct(recall(total.leads)),
  ]);
  const header = ['document', 'targets ok/gold (read)', 'P', 'R', 'leads ok/gold (read)', 'P', 'R'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  const figures = [
    precision(total.targets),
    recall(total.targets),
    precision(total.leads),
    recall(total.leads),
  ];
  if (figures.some((f) => f < 0.95)) {
    console.error('\nDưới ngưỡng 0,95 / below the 0.95 threshold');
    return 1;
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
