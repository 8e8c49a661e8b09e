/**
 * Routes are declared as data: method, path, schemas, who may call, handler.
 * The one table (`routes.ts`) is what the app registers, what the OpenAPI
 * document describes and what the access-matrix test walks, so the three can
 * never disagree.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Action } from '../domain/auth/permissions';
import type { ServiceContext } from '../services/context';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route before the service looks at scopes:
 * `public` — anyone, signed in or not; `signed-in` — any person or token;
 * the service still checks the unit scope of whatever is touched.
 */
export type Access = 'public' | 'signed-in';

/** Where a value sits in a request: `params.id`, `query.unitId`, `body.unitId`, `form.provinceId`. */
export type InputRef = `${'params' | 'query' | 'body' | 'form'}.${string}`;

/**
 * What a route touches and which action of the permission table
 * (domain/auth/permissions.ts) guards it. The service enforces the rule; this
 * declaration documents it (OpenAPI `x-scope`) and drives the access-matrix
 * test, which calls every route as every role on a unit in and out of scope.
 *
 * - `unit` — the input names a unit (`unit: 'params.unitId'`); the service
 *   checks `action` at that unit. `unitKind: 'province'` when it must be a province.
 * - `entity` — the input names a record that belongs to a unit (a submission,
 *   a target, a token); the matrix creates one in and one out of scope with the
 *   fixture of that entity kind in test/access-fixtures.ts.
 * - `list` — a list filtered to the caller's scope for `action`; every item
 *   carries its `unitId`. With `entity`, the matrix puts one record in and one
 *   out of scope and checks that no item leaks from outside.
 * - `self` — the caller's own account (password, sessions); people only, not tokens.
 * - `admin` — administrators only. This is also what a missing `scope` means
 *   on a route that is not public.
 */
export type RouteScope =
  | { kind: 'unit'; action: Action; unit: InputRef; unitKind?: 'province' }
  | { kind: 'entity'; action: Action; entity: string; id: InputRef; unitKind?: 'province' }
  | { kind: 'list'; action: Action; entity?: string; unitKind?: 'province' }
  | { kind: 'self' }
  | { kind: 'admin' };

/**
 * A valid input for the route, used as the OpenAPI example and by the access
 * matrix (which puts the unit or entity id at the `scope` reference).
 */
export interface RouteExample {
  params?: Record<string, string | number>;
  query?: Record<string, string | number>;
  body?: unknown;
  /** Fields of a multipart form; a file is `{ fileName, type, content }`. */
  form?: Record<string, string | { fileName: string; type: string; content: string }>;
}

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
  /** What the route touches and the action that guards it; required unless `access` is 'public'. */
  scope?: RouteScope;
  /** A valid input (OpenAPI example; the access matrix calls the route with it). */
  example?: RouteExample;
  params?: P;
  query?: Q;
  /** JSON body; for multipart/binary uploads set `bodyKind`. */
  body?: B;
  bodyKind?: 'json' | 'multipart' | 'binary';
  /** A smaller (or larger) body limit than the default 2 MB JSON / 60 MB upload. */
  maxBodyBytes?: number;
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
