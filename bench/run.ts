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

const results: BenchResult[] = [];
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { cases?: BenchCase[] };
  for (const c of mod.cases ?? []) {
    if (filter && !c.name.toLowerCase().includes(filter) && !file.toLowerCase().includes(filter)) continue;
    process.stderr.write(`… ${c.name}\n`);
    results.push(await measure(c));
  }
}
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(formatTable(results));
if (results.some((r) => r.budgetMs !== undefined && r.median >= r.budgetMs)) {
  console.error('\nVượt ngân sách thời gian / over budget');
  process.exitCode = 1;
}
