/**
 * The five seed documents on first start. On an empty database (no program
 * document yet) they are read by the reader like any upload, stored with
 * their province and links, and — for the demo — reviewed with the
 * hand-checked gold annotations through the review service, so the demo
 * programs are right and the review path is exercised.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DerivedLink } from '../domain/document/links';
import type { ReaderResult } from '../importers/document/types';
import { inTransaction } from '../repositories/db';
import { countDocuments, findProvinceByCode } from '../repositories/document.repository';
import type { ServiceContext } from './context';
import { sha256Of, storeDocumentReading } from './document.service';
import { readUploadedDocument } from './document-reader.service';
import { applyCoordinatorReview, type CoordinatorReview } from './review.service';

/**
 * What the seeds' own words do not say: the province of each (by official
 * code; the ministry's template has none) and links known from outside the
 * text. Nam Định's plan (004) carries out its resolution 09-NQ/TU without
 * citing it. Everything else — number, date, issuer, kind, the links the
 * texts state — comes from the reader.
 */
const SEED_MANIFEST: Record<string, { province: string | null; links: DerivedLink[] }> = {
  '000': { province: '36', links: [] },
  '001': { province: null, links: [] },
  '002': { province: '40', links: [] },
  '003': { province: '49', links: [] },
  '004': { province: '36', links: [{ relation: 'implements', reference: '09-NQ/TU' }] },
};

/** The folder holding package.json (the repository or the installed package). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'nhipso') return dir;
      } catch {
        // not ours: keep looking upwards
      }
    }
    dir = dirname(dir);
  }
  return process.cwd();
}

/** Where the seeds are: NHIPSO_SEEDS_DIR, else `../shared/seeds` beside the package. */
export function seedsDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.NHIPSO_SEEDS_DIR
    ? resolve(env.NHIPSO_SEEDS_DIR)
    : resolve(packageRoot(), '..', 'shared', 'seeds');
}

/** Where the gold annotations (test fixtures) are: NHIPSO_GOLD_DIR, else test/fixtures/gold in the package. */
export function goldDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.NHIPSO_GOLD_DIR ? resolve(env.NHIPSO_GOLD_DIR) : join(packageRoot(), 'test', 'fixtures', 'gold');
}

const SEED_FILE = /^(\d{3})_[^/]+\.(txt|md|docx|pdf)$/i;

export interface SeedOptions {
  seedsDir?: string;
  goldDir?: string;
}

/**
 * Stores the seed documents when no program document exists yet; returns the
 * line to print (or undefined when there was nothing to do).
 */
export async function seedDocumentsOnFirstStart(
  ctx: ServiceContext,
  options: SeedOptions = {},
): Promise<string | undefined> {
  if ((await countDocuments(ctx.db)) > 0) return undefined;
  const dir = options.seedsDir ?? seedsDirectory();
  if (!existsSync(dir)) {
    return `Không có thư mục văn bản mẫu ${dir} — bỏ qua / seed documents folder ${dir} not found — skipped`;
  }
  const started = Date.now();
  const files = readdirSync(dir)
    .filter((f) => SEED_FILE.test(f))
    .sort();
  const read: { prefix: string; file: string; bytes: Uint8Array; reading: ReaderResult }[] = [];
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    read.push({
      prefix: SEED_FILE.exec(file)![1]!,
      file,
      bytes,
      reading: await readUploadedDocument(bytes, file),
    });
  }
  // templates first, so that the provinces' resolutions can be linked to them
  read.sort(
    (a, b) => Number(b.reading.document.kind === 'template') - Number(a.reading.document.kind === 'template'),
  );

  // one transaction for all of it: the seeds are stored and reviewed together or not at all
  // (and on the embedded database each commit is a write to disk)
  const goldDir = options.goldDir ?? goldDirectory();
  const stored: { prefix: string; documentId: number }[] = [];
  let reviewed = 0;
  await inTransaction(ctx.db, async (trx) => {
    const tctx: ServiceContext = { ...ctx, db: trx };
    for (const seed of read) {
      const manifest = SEED_MANIFEST[seed.prefix];
      const provinceCode = manifest ? manifest.province : null;
      const province = provinceCode
        ? await findProvinceByCode(trx, provinceCode, seed.reading.document.date)
        : undefined;
      const { documentId } = await storeDocumentReading(trx, tctx, seed.reading, {
        fileName: seed.file,
        format:
          seed.reading.format === 'markdown'
            ? 'md'
            : seed.reading.format === 'text'
              ? 'txt'
              : seed.reading.format,
        sha256: sha256Of(seed.bytes),
        kind: seed.reading.document.kind,
        provinceId: province?.id ?? null,
        isSeed: true,
        supersedes: null,
        extraLinks: manifest?.links ?? [],
      });
      stored.push({ prefix: seed.prefix, documentId });
    }
    // the coordinator's review of the seeds, for the demo
    for (const { prefix, documentId } of stored) {
      const file = join(goldDir, `${prefix}.json`);
      if (!existsSync(file)) continue;
      const gold = JSON.parse(readFileSync(file, 'utf8')) as CoordinatorReview;
      await applyCoordinatorReview(tctx, documentId, {
        targets: gold.targets ?? [],
        taskGroups: gold.taskGroups ?? [],
      });
      reviewed++;
    }
  });
  const ms = Date.now() - started;
  return (
    `Văn bản mẫu: đã nạp ${stored.length} văn bản${reviewed ? `, ${reviewed} đã được xem xét (demo)` : ''} (${ms} ms) / ` +
    `seed documents: ${stored.length} loaded${reviewed ? `, ${reviewed} reviewed (demo)` : ''}`
  );
}
