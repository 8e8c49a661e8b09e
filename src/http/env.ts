import type { ServiceContext } from '../services/context';
import type { AppDeps } from './deps';
import type { RequestAuth } from './middleware/actor';

/** Variables every API request carries through Hono's context. */
export type Env = { Variables: { ctx: ServiceContext; deps: AppDeps; auth: RequestAuth } };
