/**
 * The access matrix: calls every route of a route table as every role (people
 * and API tokens, held at province P1) and as an anonymous visitor, on a unit
 * inside the caller's scope and one outside it, and reports every answer that
 * breaks the route's declared rule (see "Access" in docs/ARCHITECTURE.md):
 *
 * - anonymous callers succeed on public routes only (401 elsewhere);
 * - nobody succeeds outside their scope (a 2xx there is a leak; the answer
 *   must be 401, 403 or 404);
 * - a role the permission table allows succeeds inside its scope (2xx), so
 *   a route that refuses everyone, or an invalid example, shows up too;
 * - a list never shows a record from outside the caller's scope.
 *
 * Every call runs in a transaction that is rolled back, so calls cannot
 * affect each other.
 */
import { type RoleName, roleNames } from '../src/domain/auth/actor';
import {
  type Action,
  roleAllows,
  type TokenRole,
  tokenRoles,
  tokensMay,
} from '../src/domain/auth/permissions';
import { createApp } from '../src/http/app';
import type { AppDeps } from '../src/http/deps';
import type { InputRef, RouteDef, RouteExample, RouteScope } from '../src/http/route';
import type { Db } from '../src/repositories/db';
import type { EntityFixture } from './access-fixtures';
import { buildWorld, type Credentials, personWithSession, tokenFor, type World } from './auth-world';

type ActorKind = 'anonymous' | 'user' | 'token';

interface MatrixActor {
  name: string;
  kind: ActorKind;
  role: RoleName | null;
  /** Where the role is held. */
  at: number | null;
  headers: Record<string, string>;
}

export interface MatrixOptions {
  db: Db;
  engine: AppDeps['engine'];
  routes: RouteDef[];
  fixtures: Record<string, EntityFixture>;
}

export interface MatrixResult {
  /** Calls made. */
  calls: number;
  /** One line per broken rule: route, caller, unit, answer. */
  violations: string[];
  /** Routes by kind of declaration, for the report. */
  summary: Record<string, number>;
}

class Rollback extends Error {}

const isOk = (s: number) => s >= 200 && s < 400;
const isDenied = (s: number) => s === 401 || s === 403 || s === 404;

function replaceUnit(value: unknown, unitId: number): unknown {
  if (value === '$unit') return unitId;
  if (Array.isArray(value)) return value.map((v) => replaceUnit(v, unitId));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceUnit(v, unitId)]));
  }
  return value;
}

function setAt(
  input: Required<Pick<RouteExample, 'params' | 'query' | 'form'>> & { body: unknown },
  ref: InputRef,
  value: number,
) {
  const [where, ...path] = ref.split('.') as [keyof typeof input, ...string[]];
  if (where === 'body') {
    if (input.body === undefined || input.body === null || typeof input.body !== 'object') input.body = {};
    let node = input.body as Record<string, unknown>;
    for (const key of path.slice(0, -1)) {
      node[key] = (node[key] as Record<string, unknown> | undefined) ?? {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1] as string] = value;
  } else {
    (input[where] as Record<string, unknown>)[path.join('.')] = where === 'form' ? String(value) : value;
  }
}

/** Builds the request of a route from its example, a unit and an entity. */
function buildRequest(
  route: RouteDef,
  unitId: number,
  entity: { ref: InputRef; id: number; input?: RouteExample } | null,
  headers: Record<string, string>,
): { url: string; init: RequestInit } {
  const ex = (replaceUnit(structuredClone(route.example ?? {}), unitId) ?? {}) as RouteExample;
  const extra = entity?.input ? (replaceUnit(structuredClone(entity.input), unitId) as RouteExample) : {};
  const input = {
    params: { ...(ex.params ?? {}), ...(extra.params ?? {}) } as Record<string, string | number>,
    query: { ...(ex.query ?? {}), ...(extra.query ?? {}) } as Record<string, string | number>,
    form: { ...(ex.form ?? {}), ...(extra.form ?? {}) } as NonNullable<RouteExample['form']>,
    body: extra.body !== undefined ? extra.body : ex.body,
  };
  const scope = route.scope;
  if (scope?.kind === 'unit') setAt(input, scope.unit, unitId);
  if (entity) setAt(input, entity.ref, entity.id);
  const path = route.path.replace(/:(\w+)/g, (_m, name: string) =>
    encodeURIComponent(String(input.params[name] ?? `:${name}`)),
  );
  const qs = new URLSearchParams(Object.entries(input.query).map(([k, v]) => [k, String(v)])).toString();
  const init: RequestInit = { method: route.method.toUpperCase(), headers: { ...headers } };
  if (route.method !== 'get') {
    if (route.bodyKind === 'multipart') {
      const form = new FormData();
      for (const [k, v] of Object.entries(input.form)) {
        form.set(k, typeof v === 'string' ? v : new File([v.content], v.fileName, { type: v.type }));
      }
      init.body = form;
    } else if (route.body && (route.bodyKind ?? 'json') === 'json') {
      init.body = JSON.stringify(input.body ?? {});
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
  }
  return { url: `${path}${qs ? `?${qs}` : ''}`, init };
}

/** The items of a list answer: the array itself or its `items`. */
function itemIds(body: unknown): number[] | null {
  const list = Array.isArray(body) ? body : (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(list)) return null;
  return list.map((i) => Number((i as { id?: unknown }).id));
}

function allowedAt(actor: MatrixActor, action: Action): boolean {
  if (actor.kind === 'anonymous' || !actor.role) return false;
  if (actor.kind === 'token' && !tokensMay(action)) return false;
  return roleAllows(actor.role, action);
}

/** Runs the matrix over a route table on a database (which it fills with a unit tree and people). */
export async function runAccessMatrix(opts: MatrixOptions): Promise<MatrixResult> {
  const { db } = opts;
  const world: World = await buildWorld(db);
  const actors: MatrixActor[] = [{ name: 'anonymous', kind: 'anonymous', role: null, at: null, headers: {} }];
  const withSession = async (role: RoleName, at: number): Promise<Credentials> =>
    personWithSession(db, { grants: [{ role, unitId: at }], unitId: role === 'admin' ? null : at });
  for (const role of roleNames) {
    const at = role === 'admin' ? world.nation : world.p1;
    actors.push({
      name: `${role}@P1`,
      kind: 'user',
      role,
      at,
      headers: (await withSession(role, at)).headers,
    });
  }
  for (const role of tokenRoles as readonly TokenRole[]) {
    actors.push({
      name: `token:${role}@P1`,
      kind: 'token',
      role,
      at: world.p1,
      headers: (await tokenFor(db, role, world.p1)).headers,
    });
  }
  // the same roles held lower down, at a commune: its parent and its sibling are outside
  const communeActors: MatrixActor[] = [];
  for (const role of roleNames.filter((r) => r !== 'admin')) {
    communeActors.push({
      name: `${role}@C1`,
      kind: 'user',
      role,
      at: world.c1,
      headers: (await withSession(role, world.c1)).headers,
    });
  }

  const deps: AppDeps = { db, engine: opts.engine, version: 'matrix' };
  const app = createApp(deps, opts.routes);
  const violations: string[] = [];
  const summary: Record<string, number> = {};
  let calls = 0;

  /** One call inside a rolled-back transaction; `prepare` creates fixtures in it. */
  async function call<T>(
    route: RouteDef,
    actor: MatrixActor,
    unitId: number,
    prepare: (trx: Db) => Promise<T>,
    makeEntity: (prepared: T) => { ref: InputRef; id: number; input?: RouteExample } | null,
  ): Promise<{ status: number; body: unknown; prepared: T }> {
    let out: { status: number; body: unknown; prepared: T } | undefined;
    try {
      await db.transaction().execute(async (trx) => {
        const prepared = await prepare(trx);
        deps.db = trx;
        try {
          const { url, init } = buildRequest(route, unitId, makeEntity(prepared), actor.headers);
          const res = await app.request(url, init);
          const text = await res.text();
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON (a redirect or a file)
          }
          out = { status: res.status, body, prepared };
        } finally {
          deps.db = db;
        }
        throw new Rollback();
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
    calls++;
    return out as { status: number; body: unknown; prepared: T };
  }

  const describe = (route: RouteDef) => `${route.method.toUpperCase()} ${route.path}`;
  const brief = (body: unknown) => JSON.stringify(body)?.slice(0, 160) ?? '';
  const fixtureOf = (route: RouteDef, entity: string): EntityFixture | null => {
    const f = opts.fixtures[entity];
    if (!f)
      violations.push(`${describe(route)}: no fixture for entity "${entity}" in test/access-fixtures.ts`);
    return f ?? null;
  };
  const asEntity = (v: number | { id: number; input?: RouteExample }) =>
    typeof v === 'number' ? { id: v } : v;

  for (const route of opts.routes) {
    const scope: RouteScope = route.scope ?? { kind: 'admin' };
    const kind = route.access === 'public' ? 'public' : scope.kind;
    summary[kind] = (summary[kind] ?? 0) + 1;
    const anon = actors[0] as MatrixActor;

    if (route.access === 'public') {
      const r = await call(
        route,
        anon,
        world.c1,
        async () => null,
        () => null,
      );
      const code = (r.body as { error?: { code?: string } } | null)?.error?.code ?? '';
      // a public route may still say "wrong password"; it must not say "sign in first"
      if (
        (r.status === 401 || r.status === 403) &&
        /^auth\.(required|forbidden|person_required)$/.test(code)
      ) {
        violations.push(
          `${describe(route)} is public but refused an anonymous visitor: ${r.status} ${brief(r.body)}`,
        );
      }
      continue;
    }
    if (route.scope === undefined && route.access === 'signed-in') {
      // no declaration: the route must be for admins only (checked below like { kind: 'admin' })
    }
    const r0 = await call(
      route,
      anon,
      world.c1,
      async () => null,
      () => null,
    );
    if (r0.status !== 401)
      violations.push(`${describe(route)} answered an anonymous visitor ${r0.status}, not 401`);

    const signedIn = actors.slice(1);
    for (const actor of signedIn) {
      if (scope.kind === 'admin' || scope.kind === 'self') {
        const allowed =
          scope.kind === 'admin' ? actor.role === 'admin' && actor.kind === 'user' : actor.kind === 'user';
        const r = await call(
          route,
          actor,
          world.c1,
          async () => null,
          () => null,
        );
        if (allowed && (r.status === 401 || r.status === 403)) {
          violations.push(
            `${describe(route)} refused ${actor.name} (${scope.kind} route): ${r.status} ${brief(r.body)}`,
          );
        }
        if (!allowed && !isDenied(r.status)) {
          violations.push(
            `${describe(route)} let ${actor.name} through (${scope.kind} route): ${r.status} ${brief(r.body)}`,
          );
        }
        continue;
      }
      const action = scope.action;
      const province = scope.kind !== 'list' && scope.unitKind === 'province';
      if (scope.kind === 'list') {
        const fixture = scope.entity ? fixtureOf(route, scope.entity) : null;
        if (scope.entity && !fixture) break;
        const inUnit = province ? world.p1 : world.c1;
        const outUnit = province ? world.p2 : world.c2;
        const r = await call(
          route,
          actor,
          inUnit,
          async (trx) =>
            fixture
              ? {
                  inId: asEntity(await fixture(trx, inUnit, world)).id,
                  outId: asEntity(await fixture(trx, outUnit, world)).id,
                }
              : null,
          () => null,
        );
        const allowed = allowedAt(actor, action);
        const ids = itemIds(r.body);
        if (allowed && !isOk(r.status)) {
          violations.push(
            `${describe(route)} refused ${actor.name}, allowed ${action}: ${r.status} ${brief(r.body)}`,
          );
        }
        if (!allowed && !isDenied(r.status) && !isOk(r.status)) {
          violations.push(`${describe(route)} answered ${actor.name} ${r.status}: ${brief(r.body)}`);
        }
        if (isOk(r.status) && r.prepared && scope.entity) {
          if (ids === null) {
            violations.push(`${describe(route)}: a list answer must be an array or have "items" with ids`);
          } else {
            if (actor.role !== 'admin' && ids.includes(r.prepared.outId)) {
              violations.push(
                `${describe(route)} showed ${actor.name} a ${scope.entity} outside its scope (id ${r.prepared.outId})`,
              );
            }
            if (!allowed && ids.includes(r.prepared.inId)) {
              violations.push(
                `${describe(route)} showed ${actor.name} a ${scope.entity} it may not see (lacks ${action})`,
              );
            }
            if (allowed && !ids.includes(r.prepared.inId)) {
              violations.push(
                `${describe(route)} did not show ${actor.name} the ${scope.entity} inside its scope (id ${r.prepared.inId})`,
              );
            }
          }
        }
        continue;
      }
      // unit and entity routes: one call inside the scope, one outside
      for (const where of ['in', 'out'] as const) {
        const unitId = where === 'in' ? (province ? world.p1 : world.c1) : province ? world.p2 : world.c2;
        const fixture = scope.kind === 'entity' ? fixtureOf(route, scope.entity) : null;
        if (scope.kind === 'entity' && !fixture) break;
        const r = await call(
          route,
          actor,
          unitId,
          async (trx) => (fixture ? asEntity(await fixture(trx, unitId, world)) : null),
          (p) => (p && scope.kind === 'entity' ? { ref: scope.id, ...p } : null),
        );
        const allowed = (where === 'in' || actor.role === 'admin') && allowedAt(actor, action);
        if (allowed && !isOk(r.status)) {
          violations.push(
            `${describe(route)} refused ${actor.name} at a unit ${where} its scope (allowed ${action}): ${r.status} ${brief(r.body)}`,
          );
        }
        if (!allowed && !isDenied(r.status)) {
          violations.push(
            `${describe(route)} answered ${actor.name} at a unit ${where} its scope ${r.status}${isOk(r.status) ? ' — a success it must not have' : ''}: ${brief(r.body)}`,
          );
        }
      }
    }
    // roles held at a commune: the commune is inside, its parent province and a sibling unit outside
    if (scope.kind === 'unit' && scope.unitKind !== 'province') {
      for (const actor of communeActors) {
        for (const [where, unitId] of [
          ['in', world.c1],
          ['out (sibling)', world.d1],
          ['out (parent)', world.p1],
        ] as const) {
          const r = await call(
            route,
            actor,
            unitId,
            async () => null,
            () => null,
          );
          const allowed = where === 'in' && allowedAt(actor, scope.action);
          if (allowed && !isOk(r.status)) {
            violations.push(
              `${describe(route)} refused ${actor.name} at its own commune: ${r.status} ${brief(r.body)}`,
            );
          }
          if (!allowed && !isDenied(r.status)) {
            violations.push(
              `${describe(route)} answered ${actor.name} at a unit ${where} ${r.status}: ${brief(r.body)}`,
            );
          }
        }
      }
    }
  }
  return { calls, violations, summary };
}
