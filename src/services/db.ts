/** Re-exported for the HTTP and CLI layers, which may not import repositories/. */
export type { Db } from '../repositories/db';
