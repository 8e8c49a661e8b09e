import { idParamsSchema } from '../../contracts/common';
import {
  createdTokenSchema,
  createTokenBodySchema,
  tokenListQuerySchema,
  tokenListSchema,
  tokenViewSchema,
} from '../../contracts/tokens';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/api-token.service';
import { defineRoute } from '../route';

export const tokensRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/tokens',
    summary: 'Mã truy cập API / API tokens: one’s own, and those one manages',
    tags: ['tokens'],
    access: 'signed-in',
    scope: { kind: 'list', action: 'tokens.manage', entity: 'apiToken' },
    query: tokenListQuerySchema,
    response: tokenListSchema,
    handler: async ({ query }, ctx) => ({ items: await listApiTokens(ctx, query.includeRevoked === 'true') }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/tokens',
    summary: 'Tạo mã truy cập API / Create an API token (the secret is in this answer only)',
    tags: ['tokens'],
    access: 'signed-in',
    scope: { kind: 'unit', action: 'tokens.create', unit: 'body.unitId' },
    body: createTokenBodySchema,
    maxBodyBytes: 16 * 1024,
    status: 201,
    response: createdTokenSchema,
    example: { body: { name: 'Hệ thống báo cáo Sở Y tế', role: 'viewer', unitId: '$unit' } },
    handler: async ({ body }, ctx, c) => {
      c.header('Cache-Control', 'no-store');
      return createApiToken(ctx, body);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/tokens/:id/revoke',
    summary: 'Thu hồi mã truy cập API / Revoke an API token',
    tags: ['tokens'],
    access: 'signed-in',
    scope: { kind: 'entity', action: 'tokens.manage', entity: 'apiToken', id: 'params.id' },
    params: idParamsSchema,
    response: tokenViewSchema,
    handler: async ({ params }, ctx) => revokeApiToken(ctx, params.id),
  }),
];
