/**
 * Opens the configured database and brings its schema up to date. The
 * embedded database is one process's alone: a lock file in the data folder
 * stops a second process (a CLI command while the server runs) from opening it.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DatabaseHandle, openDatabase } from '../db/connect';
import { migrate } from '../db/migrate';
import type { Config } from './config';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function acquireLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'nhipso.lock');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} sử dụng (máy chủ Nhịp Số đang chạy?). Hãy dừng nó trước.\n` +
          `The data folder ${dataDir} is in use by process ${pid} (is the Nhịp Số server running?). Stop it first.`,
      );
    }
    rmSync(file, { force: true });
  }
  const fd = openSync(file, 'wx');
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(file, { force: true });
}

/**
 * The build leaves an initialised, migrated embedded database as a tarball
 * (dist/pglite-initial.tgz): restoring it takes under a second where PGlite's
 * initdb takes several, so a first start is quick. Later migrations still
 * apply on top as usual.
 */
function initialDataDir(pgliteDir: string): Blob | undefined {
  if (existsSync(pgliteDir) && readdirSync(pgliteDir).length > 0) return undefined;
  for (const rel of ['./pglite-initial.tgz', '../../dist/pglite-initial.tgz']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return new Blob([readFileSync(file)]);
  }
  return undefined;
}

/** Opens and migrates the database of the configuration. */
export async function openConfiguredDatabase(
  config: Config,
): Promise<DatabaseHandle & { migrated: string[] }> {
  let handle: DatabaseHandle;
  if (config.databaseUrl) {
    handle = await openDatabase({ engine: 'postgres', url: config.databaseUrl });
  } else {
    const release = acquireLock(config.dataDir);
    try {
      const dataDir = join(config.dataDir, 'pglite');
      const initial = initialDataDir(dataDir);
      handle = await openDatabase({
        engine: 'pglite',
        dataDir,
        ...(initial ? { loadDataDir: initial } : {}),
      });
    } catch (e) {
      release();
      throw e;
    }
    const close = handle.close;
    handle = {
      ...handle,
      async close() {
        await close();
        release();
      },
    };
  }
  try {
    const { applied } = await migrate(handle.db);
    return { ...handle, migrated: applied };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
