// `npm run bench [-- <filter>]`: runs every case of bench/*.bench.ts (or those
// whose name or file contains <filter>) and prints a table; exits non-zero when
// a case's median is over its budget. Speed is measured here, never in tests.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchCase, type BenchResult, formatTable, measure } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv
  .slice(2)
  .find((a) => !a.startsWith('-'))
  ?.toLowerCase();

/**
 * A suite does its own preparation and measuring (data sets, several engines)
 * and returns a table to print and the goals it missed.
 */
interface BenchSuite {
  name: string;
  run: () => Promise<{ table: string; failures: string[] }>;
}

const results: BenchResult[] = [];
const suiteTables: string[] = [];
const suiteFailures: string[] = [];
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    cases?: BenchCase[];
    suites?: BenchSuite[];
  };
  for (const c of mod.cases ?? []) {
    if (filter && !c.name.toLowerCase().includes(filter) && !file.toLowerCase().includes(filter)) continue;
    process.stderr.write(`… ${c.name}\n`);
    results.push(await measure(c));
  }
  for (const s of mod.suites ?? []) {
    if (filter && !s.name.toLowerCase().includes(filter) && !file.toLowerCase().includes(filter)) continue;
    process.stderr.write(`… ${s.name}\n`);
    const r = await s.run();
    suiteTables.push(`${s.name}\n${r.table}`);
    suiteFailures.push(...r.failures);
  }
}
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
if (results.length) console.log(formatTable(results));
for (const t of suiteTables) console.log(`\n${t}`);
if (results.some((r) => r.budgetMs !== undefined && r.median >= r.budgetMs) || suiteFailures.length) {
  console.error(
    `\nVượt ngân sách thời gian / over budget${suiteFailures.length ? `: ${suiteFailures.join('; ')}` : ''}`,
  );
  process.exitCode = 1;
}
