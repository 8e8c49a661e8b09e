/**
 * Who may do what with a program document, by the permission table:
 * confirmed targets and tasks are public (resolutions are published); the
 * reader's proposals are `program.read`, importing and reviewing is
 * `program.manage`, both at the document's province. A national document or
 * the ministry's template (no province) is managed by administrators.
 */
import { isAdmin } from '../domain/auth/scope';
import { AppError } from '../domain/errors';
import { hasPermission, requireAdmin, requirePermission, requireSignedIn } from './authorize';
import type { ServiceContext } from './context';

/** 401/403 unless the actor may import and review documents of this province (null: national). */
export async function requireProgramManager(ctx: ServiceContext, provinceId: number | null): Promise<void> {
  requireSignedIn(ctx);
  if (provinceId === null) requireAdmin(ctx);
  else await requirePermission(ctx, 'program.manage', provinceId);
}

/** Whether the actor may review documents of this province (no throw). */
export async function mayManageProgram(ctx: ServiceContext, provinceId: number | null): Promise<boolean> {
  if (ctx.actor.kind === 'anonymous') return false;
  if (provinceId === null) return isAdmin(ctx.actor);
  return hasPermission(ctx, 'program.manage', provinceId);
}

/** 401/403 unless the actor may read the proposals (not yet confirmed items) of this province. */
export async function requireProposalReader(ctx: ServiceContext, provinceId: number | null): Promise<void> {
  requireSignedIn(ctx);
  const allowed =
    provinceId === null ? isAdmin(ctx.actor) : await hasPermission(ctx, 'program.read', provinceId);
  if (!allowed) throw new AppError('auth.forbidden', { status: 403 });
}
