/**
 * First-start and every-start work: reference data the product ships
 * (provinces, departments of the seed provinces, the indicator catalog) and,
 * on an empty database, the five seed documents.
 */
import { systemActor } from '../domain/auth/actor';
import { accountsAtStart } from '../services/auth.service';
import { systemContext } from '../services/context';
import type { Db } from '../services/db';
import { demoOfferAtStart } from '../services/demo.service';
import { seedDocumentsOnFirstStart } from '../services/document-seed.service';
import { ensureBuiltinIndexMethods } from '../services/index-score.service';
import { syncIndicatorCatalogAtStart } from '../services/indicator.service';
import { ensureReferenceUnits } from '../services/unit-reference.service';

export interface BootstrapStep {
  name: string;
  run: (ctx: ReturnType<typeof systemContext>) => Promise<string | undefined>;
}

/**
 * The steps, in order; each is idempotent. Order matters: units (provinces,
 * departments) → indicator catalog → accounts → program documents (they
 * point at provinces and departments).
 */
export const bootstrapSteps: BootstrapStep[] = [
  // units
  { name: 'units', run: ensureReferenceUnits },
  // indicators
  { name: 'indicators', run: syncIndicatorCatalogAtStart },
  // index methods (DTI 922, the unit method) as rows
  { name: 'index-methods', run: (ctx) => ensureBuiltinIndexMethods(ctx) },
  // accounts
  { name: 'accounts', run: accountsAtStart },
  // documents
  { name: 'documents', run: (ctx) => seedDocumentsOnFirstStart(ctx) },
  // no figures yet: say how to load the demo data
  { name: 'demo-offer', run: demoOfferAtStart },
];

/**
 * Runs every step (but those named in `skip`); returns the lines to print.
 * The CLI skips `accounts`: a one-time first-admin link belongs to the
 * server's start, not to every operator command.
 */
export async function bootstrap(db: Db, options: { skip?: string[] } = {}): Promise<string[]> {
  const ctx = systemContext(db, systemActor('khởi động / start-up'));
  const lines: string[] = [];
  for (const step of bootstrapSteps) {
    if (options.skip?.includes(step.name)) continue;
    const line = await step.run(ctx);
    if (line) lines.push(line);
  }
  return lines;
}
