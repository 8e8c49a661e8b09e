/**
 * API tokens for machines (a department's system pushing figures). A token
 * carries one role at one unit and acts for the person who made it: a person
 * may give it only a role that one of their own roles at or above that unit
 * includes. The secret is shown once; the database keeps its SHA-256.
 */
import type { CreatedToken, CreateTokenBody, TokenView } from '../contracts/tokens';
import { roleIncludes } from '../domain/auth/permissions';
import { AppError } from '../domain/errors';
import {
  type ApiTokenRecord,
  findApiToken,
  insertApiToken,
  listApiTokens as listTokenRecords,
  revokeApiToken as revokeTokenRecord,
} from '../repositories/api-token.repository';
import { inTransaction } from '../repositories/db';
import { unitAncestry, unitBriefs } from '../repositories/unit-scope.repository';
import { recordAudit } from './audit';
import { newApiToken, sha256Hex } from './auth-secrets';
import { hasPermission, permittedUnitIds, requirePerson } from './authorize';
import type { ServiceContext } from './context';

function toView(r: ApiTokenRecord, me: number, now: Date): TokenView {
  const status = r.revokedAt
    ? 'revoked'
    : r.expiresAt && r.expiresAt.getTime() <= now.getTime()
      ? 'expired'
      : 'active';
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    role: r.role,
    unitId: r.unitId,
    unitName: r.unitName,
    createdBy: r.createdBy,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    status,
    mine: r.createdBy === me,
  };
}

/** The end of a day in Vietnam (UTC+7): a token valid "until 31/12/2025" works all that day. */
function endOfVietnamDay(isoDate: string): Date {
  return new Date(new Date(`${isoDate}T00:00:00+07:00`).getTime() + 86_400_000);
}

/** Creates a token; the response holds the only copy of the secret. */
export async function createApiToken(ctx: ServiceContext, body: CreateTokenBody): Promise<CreatedToken> {
  const me = requirePerson(ctx);
  if (ctx.actor.kind !== 'user') throw new AppError('auth.person_required', { status: 403 });
  const grants = ctx.actor.grants;
  const now = ctx.now();
  const unit = (await unitBriefs(ctx.db, [body.unitId])).get(body.unitId);
  if (!unit) {
    throw new AppError('request.invalid', {
      status: 400,
      details: [{ path: 'body.unitId', code: 'user.unit_not_found' }],
    });
  }
  const ancestry = await unitAncestry(ctx.db, body.unitId);
  const covered = grants.some(
    (g) => ancestry.includes(g.unitId) && (g.role === 'admin' || roleIncludes(g.role, body.role)),
  );
  if (!covered) throw new AppError('token.role_not_held', { status: 403, params: { role: body.role } });
  const expiresAt = body.expiresOn ? endOfVietnamDay(body.expiresOn) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw new AppError('request.invalid', {
      status: 400,
      details: [{ path: 'body.expiresOn', code: 'token.expiry_past' }],
    });
  }
  const { token, prefix } = newApiToken();
  return inTransaction(ctx.db, async (trx) => {
    const id = await insertApiToken(trx, {
      name: body.name,
      tokenHash: sha256Hex(token),
      prefix,
      role: body.role,
      unitId: body.unitId,
      createdBy: me,
      now,
      expiresAt,
    });
    await recordAudit(trx, ctx, {
      action: 'token.create',
      entityType: 'api_token',
      entityId: id,
      unitId: body.unitId,
      after: {
        name: body.name,
        prefix,
        role: body.role,
        unitId: body.unitId,
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    });
    const rec = (await findApiToken(trx, id)) as ApiTokenRecord;
    return { token, item: toView(rec, me, now) };
  });
}

/**
 * The caller's own tokens, and (for coordinators and admins) every token at
 * the units where they manage tokens.
 */
export async function listApiTokens(ctx: ServiceContext, includeRevoked: boolean): Promise<TokenView[]> {
  const me = requirePerson(ctx);
  const scope = await permittedUnitIds(ctx, 'tokens.manage');
  const records = await listTokenRecords(ctx.db, {
    createdBy: me,
    units: scope === 'all' ? 'all' : [...scope],
    includeRevoked,
  });
  const now = ctx.now();
  return records.map((r) => toView(r, me, now));
}

/** Revokes a token: one's own, or any at a unit where one manages tokens. */
export async function revokeApiToken(ctx: ServiceContext, id: number): Promise<TokenView> {
  const me = requirePerson(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const rec = await findApiToken(trx, id);
    // a token the caller may not manage is reported as missing, not as forbidden
    if (!rec || (rec.createdBy !== me && !(await hasPermission(ctx, 'tokens.manage', rec.unitId, trx)))) {
      throw new AppError('token.not_found', { status: 404, params: { id } });
    }
    const now = ctx.now();
    if (!rec.revokedAt) {
      await revokeTokenRecord(trx, id, now);
      await recordAudit(trx, ctx, {
        action: 'token.revoke',
        entityType: 'api_token',
        entityId: id,
        unitId: rec.unitId,
        before: { name: rec.name, prefix: rec.prefix, role: rec.role, unitId: rec.unitId, revokedAt: null },
        after: { revokedAt: now.toISOString() },
      });
    }
    return toView((await findApiToken(trx, id)) as ApiTokenRecord, me, now);
  });
}
