/**
 * Done when (issue 3): every endpoint × every role × a unit in and out of
 * scope, zero out-of-scope successes. The table is read from the route table
 * itself, so a route added tomorrow is in the matrix tomorrow.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { entityFixtures } from '../../test/access-fixtures';
import { runAccessMatrix } from '../../test/access-matrix';
import { createTestDatabase } from '../../test/db';
import type { DatabaseHandle } from '../db/connect';
import { defineRoute, type RouteDef } from './route';
import { routes } from './routes';

describe('the access matrix over the route table', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDatabase();
  });
  afterAll(() => h.close());

  it('finds no success outside a caller’s scope, and no refusal inside it, on any route', {
    timeout: 600_000,
  }, async () => {
    const result = await runAccessMatrix({ db: h.db, engine: h.engine, routes, fixtures: entityFixtures });
    // the matrix really walked the whole table
    expect(result.calls).toBeGreaterThan(routes.length * 2);
    console.info(`access matrix: ${result.calls} calls over ${routes.length} routes`, result.summary);
    expect(result.violations).toEqual([]);
  });

  it('declares a scope on every signed-in route, or is meant for admins only', () => {
    const undeclared = routes
      .filter((r) => r.access === 'signed-in' && !r.scope)
      .map((r) => `${r.method} ${r.path}`);
    // an undeclared route is checked as admin-only by the matrix; list them so that it is a choice
    expect(undeclared).toEqual([]);
  });
});

describe('the access matrix itself', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDatabase();
  });
  afterAll(() => h.close());

  it('catches a route that answers outside the caller’s scope, and one that forgot its declaration', async () => {
    const leaky: RouteDef[] = [
      defineRoute({
        method: 'get',
        path: '/api/leak/:unitId',
        summary: 'reads figures of any unit without checking',
        tags: ['test'],
        access: 'signed-in',
        scope: { kind: 'unit', action: 'figures.read', unit: 'params.unitId' },
        params: z.object({ unitId: z.coerce.number() }),
        handler: async ({ params }) => ({ unitId: params.unitId }),
      }),
      defineRoute({
        method: 'post',
        path: '/api/leak-undeclared',
        summary: 'changes something for anyone signed in',
        tags: ['test'],
        access: 'signed-in',
        handler: async () => ({ ok: true }),
      }),
    ];
    const result = await runAccessMatrix({
      db: h.db,
      engine: h.engine,
      routes: leaky,
      fixtures: entityFixtures,
    });
    expect(result.violations).toContainEqual(
      expect.stringMatching(
        /^GET \/api\/leak\/:unitId answered viewer@P1 at a unit out its scope 200 — a success/,
      ),
    );
    expect(result.violations).toContainEqual(
      expect.stringMatching(/^POST \/api\/leak-undeclared let reporter@P1 through \(admin route\): 200/),
    );
  });
});
