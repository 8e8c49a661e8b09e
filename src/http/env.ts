import type { ServiceContext } from '../services/context';
import type { AppDeps } from './deps';

/** Variables every API request carries through Hono's context. */
export type Env = { Variables: { ctx: ServiceContext; deps: AppDeps } };
