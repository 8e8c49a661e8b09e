import type { Context } from 'hono';
import { healthSchema } from '../../contracts/common';
import { getHealth } from '../../services/system.service';
import type { Env } from '../env';
import { defineRoute } from '../route';

export const systemRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/health',
    summary: 'Tình trạng hệ thống / Service health',
    tags: ['system'],
    access: 'public',
    response: healthSchema,
    handler: async (_input, ctx, c) => {
      const deps = (c as Context<Env>).get('deps');
      return getHealth(ctx, { version: deps.version, engine: deps.engine });
    },
  }),
];
