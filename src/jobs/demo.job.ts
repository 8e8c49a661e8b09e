/**
 * Loading the demo data from the web (the home page's button): one job per
 * server process, run in the background, its progress read by polling.
 * The operator's way is `npm run seed:demo`.
 */
import { AppError } from '../domain/errors';
import { requireAdmin } from '../services/authorize';
import type { ServiceContext } from '../services/context';
import { type DemoProgress, type DemoResult, seedDemoData } from '../services/demo.service';

export interface DemoJobState {
  running: boolean;
  progress: DemoProgress | null;
  result: DemoResult | null;
  error: { code: string; message: string } | null;
  startedAt: string | null;
}

let state: DemoJobState = { running: false, progress: null, result: null, error: null, startedAt: null };

/** Where the job stands. */
export function demoJobState(): DemoJobState {
  return state;
}

/**
 * Starts loading the demo in the background with the caller's authority.
 * Refused while it runs, and on a database handle that is a transaction
 * (the job outlives the request, so it needs the pool).
 */
export function startDemoJob(ctx: ServiceContext, options: { unitsDir?: string } = {}): DemoJobState {
  requireAdmin(ctx);
  if (state.running) throw new AppError('demo.busy', { status: 409 });
  if (ctx.db.isTransaction) throw new AppError('demo.needs_pool', { status: 409 });
  state = { running: true, progress: null, result: null, error: null, startedAt: new Date().toISOString() };
  const jobCtx: ServiceContext = { ...ctx, now: () => new Date() };
  void seedDemoData(jobCtx, { ...options, onProgress: (p) => (state = { ...state, progress: p }) }).then(
    (result) => {
      state = { ...state, running: false, result };
    },
    (e: unknown) => {
      const code = e instanceof AppError ? e.code : 'internal.error';
      state = {
        ...state,
        running: false,
        error: { code, message: e instanceof Error ? e.message : String(e) },
      };
      if (!(e instanceof AppError)) console.error(e);
    },
  );
  return state;
}
