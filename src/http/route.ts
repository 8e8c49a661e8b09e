/**
 * Routes are declared as data: method, path, schemas, who may call, handler.
 * The one table (`routes.ts`) is what the app registers, what the OpenAPI
 * document describes and what the access-matrix test walks, so the three can
 * never disagree.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { ServiceContext } from '../services/context';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route before the service looks at scopes:
 * `public` — anyone, signed in or not; `signed-in` — any person or token;
 * the service still checks the unit scope of whatever is touched.
 */
export type Access = 'public' | 'signed-in';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Hono path, e.g. `/api/units/:id`. */
  path: string;
  summary: string;
  tags: string[];
  access: Access;
  params?: P;
  query?: Q;
  /** JSON body; for multipart/binary uploads set `bodyKind`. */
  body?: B;
  bodyKind?: 'json' | 'multipart' | 'binary';
  /** Response schema of a 200 JSON response; omit for files and streams. */
  response?: R;
  /** Status of a success (200 by default, 201 for creation). */
  status?: 200 | 201 | 204;
  /** Response media type when it is not JSON (e.g. a spreadsheet). */
  produces?: string;
  handler: (
    input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>,
    ctx: ServiceContext,
    c: Context,
  ) => Promise<z.input<R> | Response>;
}

/** Declares a route with inferred types for its handler. */
export function defineRoute<
  P extends z.ZodType = z.ZodType<Record<string, never>>,
  Q extends z.ZodType = z.ZodType<Record<string, never>>,
  B extends z.ZodType = z.ZodType<undefined>,
  R extends z.ZodType = z.ZodType<unknown>,
>(def: RouteDef<P, Q, B, R>): RouteDef {
  return def as unknown as RouteDef;
}
