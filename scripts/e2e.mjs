// `npm run test:e2e`: makes sure Chromium is installed, then runs the browser
// tests (which build the app if needed and start the real server).
import { spawnSync } from 'node:child_process';

const chromium = spawnSync('bash', ['scripts/ensure-chromium.sh'], { stdio: 'inherit' });
if (chromium.status !== 0) process.exit(chromium.status ?? 1);
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);
