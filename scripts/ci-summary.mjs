// Adds up the CI: each *.step file is one check (typecheck, lint…), each
// Vitest JSON report contributes its tests; a report that is missing (the run
// crashed) counts as one failure. Prints "N passed, N failed" last.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...reports] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.step'))) {
  const ok = readFileSync(join(dir, f), 'utf8').trim() === 'pass';
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAILED step: ${f.replace(/\.step$/, '')}`);
  }
}
for (const name of reports) {
  const file = join(dir, name);
  if (!existsSync(file)) {
    failed++;
    console.log(`FAILED: no report ${name} (the run did not finish)`);
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  // a file that failed to load (syntax error, failing hook) has no failed tests but failed all the same
  for (const suite of r.testResults ?? []) {
    if (suite.status === 'failed' && !(suite.assertionResults ?? []).some((a) => a.status === 'failed')) {
      failed++;
      console.log(`FAILED file (${name}): ${suite.name}: ${(suite.message ?? '').split('\n')[0]}`);
    }
    for (const a of suite.assertionResults ?? []) {
      if (a.status === 'failed') console.log(`FAILED (${name}): ${a.fullName}`);
    }
  }
  if (r.numTotalTests === 0) {
    failed++;
    console.log(`FAILED: ${name} ran no tests`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
