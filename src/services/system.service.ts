/**
 * Health of the running service: answers only when the database does.
 */
import type { Health } from '../contracts/common';
import { AppError } from '../domain/errors';
import { pingDatabase } from '../repositories/system.repository';
import type { ServiceContext } from './context';

export async function getHealth(
  ctx: ServiceContext,
  info: Pick<Health, 'version' | 'engine'>,
): Promise<Health> {
  try {
    await pingDatabase(ctx.db);
  } catch (cause) {
    throw new AppError('db.unavailable', { status: 503, cause });
  }
  return { status: 'ok', version: info.version, engine: info.engine, time: ctx.now().toISOString() };
}
