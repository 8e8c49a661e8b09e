// Building the app: the web app with Vite into dist/web, the server with
// esbuild into dist/server.js (packages stay external), migrations beside it.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'dist', '.build-stamp');

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** A fingerprint of everything the build reads: paths, sizes and modification times. */
export function sourceFingerprint() {
  const hash = createHash('sha256');
  const inputs = [
    ...walk(join(root, 'src')),
    ...walk(join(root, 'web')),
    join(root, 'package-lock.json'),
    join(root, 'vite.config.ts'),
    join(root, 'scripts', 'build-lib.mjs'),
    // the initial database holds the seed documents and their reviewed programs
    ...walk(process.env.NHIPSO_SEEDS_DIR || join(root, '..', 'shared', 'seeds')),
    ...walk(process.env.NHIPSO_GOLD_DIR || join(root, 'test', 'fixtures', 'gold')),
  ].filter((p) => !p.endsWith('.test.ts') && existsSync(p));
  for (const p of inputs.sort()) {
    const s = statSync(p);
    hash.update(`${relative(root, p)}:${s.size}:${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export function isBuildCurrent() {
  if (!existsSync(join(root, 'dist', 'server.js')) || !existsSync(join(root, 'dist', 'web', 'index.html')))
    return false;
  if (!existsSync(stampFile)) return false;
  return readFileSync(stampFile, 'utf8').trim() === sourceFingerprint();
}

/**
 * An initialised and migrated embedded database with the shipped reference
 * data and the seed documents, dumped as a tarball: a first start restores it
 * instead of running PGlite's (slow) initdb and the start-up steps.
 */
async function buildInitialDatabase() {
  const { tsImport } = await import('tsx/esm/api');
  const { openDatabase } = await tsImport('../src/db/connect.ts', import.meta.url);
  const { migrate } = await tsImport('../src/db/migrate.ts', import.meta.url);
  const { bootstrap } = await tsImport('../src/runtime/bootstrap.ts', import.meta.url);
  const handle = await openDatabase({ engine: 'pglite' });
  try {
    await migrate(handle.db);
    // the reference data and the seed documents too, so that a first start only
    // restores the tarball; the first-admin link is made at the real start
    await bootstrap(handle.db, { skip: ['accounts', 'demo-offer'] });
    const dump = await handle.dumpDataDir('gzip');
    writeFileSync(join(root, 'dist', 'pglite-initial.tgz'), Buffer.from(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
}

export async function buildAll({ quiet = false } = {}) {
  const started = Date.now();
  const fingerprint = sourceFingerprint();
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(root, 'src', 'runtime', 'main.ts')],
    outfile: join(root, 'dist', 'server.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: quiet ? 'warning' : 'info',
  });
  mkdirSync(join(root, 'dist', 'migrations'), { recursive: true });
  cpSync(join(root, 'src', 'db', 'migrations'), join(root, 'dist', 'migrations'), { recursive: true });
  await buildInitialDatabase();
  writeFileSync(stampFile, fingerprint);
  if (!quiet) console.log(`Đã dựng / built in ${Date.now() - started} ms`);
}
