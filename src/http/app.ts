/**
 * The HTTP application: middleware, the route table, errors, the web app.
 * `createApp(deps).request(...)` serves tests without a port.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { AppError, isAppError } from '../domain/errors';
import { type Locale, parseLocale } from '../i18n';
import type { AppDeps } from './deps';
import type { Env } from './env';
import { invalidRequest, toErrorBody } from './errors';
import { authenticate } from './middleware/actor';
import { clearSessionCookies } from './middleware/cookies';
import { checkCsrf } from './middleware/csrf';
import { buildOpenApi } from './openapi';
import type { RouteDef } from './route';
import { routes as routeTable } from './routes';

const MAX_JSON_BODY = 2 * 1024 * 1024;
const MAX_UPLOAD_BODY = 60 * 1024 * 1024;

/** The language of a request: `?lang=`, then the `nhipso_lang` cookie, then Accept-Language. */
export function requestLocale(c: Context): Locale {
  const q = c.req.query('lang');
  if (q) return parseLocale(q);
  const cookie = /(?:^|;\s*)nhipso_lang=(\w+)/.exec(c.req.header('cookie') ?? '')?.[1];
  if (cookie) return parseLocale(cookie);
  return parseLocale(c.req.header('accept-language'));
}

/**
 * The client's address. X-Forwarded-For is believed only for the reverse
 * proxies the operator declared (`trustedProxies`): each appends the address
 * it saw, so the client is that many entries from the right. Anything further
 * left was written by the client and could be forged (and so dodge the
 * per-address sign-in backoff).
 */
function clientIp(c: Context, trustedProxies: number): string | null {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const socket = incoming?.socket?.remoteAddress ?? null;
  if (trustedProxies <= 0) return socket;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - trustedProxies)] ?? socket;
}

async function readInput(route: RouteDef, c: Context) {
  const params = route.params ? route.params.safeParse(c.req.param()) : { success: true as const, data: {} };
  if (!params.success) throw invalidRequest(params.error.issues, 'params');
  const query = route.query ? route.query.safeParse(c.req.query()) : { success: true as const, data: {} };
  if (!query.success) throw invalidRequest(query.error.issues, 'query');
  let body: unknown;
  if (route.body && (route.bodyKind ?? 'json') === 'json') {
    const type = c.req.header('content-type') ?? '';
    if (!type.includes('application/json'))
      throw new AppError('request.unsupported_media_type', { status: 415 });
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new AppError('request.invalid', {
        status: 400,
        details: [{ path: 'body', code: 'validation.invalid_format' }],
      });
    }
    const parsed = route.body.safeParse(raw);
    if (!parsed.success) throw invalidRequest(parsed.error.issues, 'body');
    body = parsed.data;
  }
  return { params: params.data, query: query.data, body };
}

function register(app: Hono<Env>, route: RouteDef) {
  const maxSize =
    route.maxBodyBytes ?? (route.bodyKind && route.bodyKind !== 'json' ? MAX_UPLOAD_BODY : MAX_JSON_BODY);
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('request.too_large', {
        status: 413,
        params: {
          max:
            maxSize >= 1024 * 1024
              ? `${Math.round(maxSize / 1024 / 1024)} MB`
              : `${Math.round(maxSize / 1024)} KB`,
        },
      });
    },
  });
  app.on(route.method.toUpperCase(), route.path, limit, async (c) => {
    const ctx = c.get('ctx');
    if (route.access === 'signed-in' && ctx.actor.kind === 'anonymous') {
      throw new AppError('auth.required', { status: 401 });
    }
    const input = await readInput(route, c);
    const result = await route.handler(input as never, ctx, c);
    if (result instanceof Response) return result;
    if (route.status === 204) return c.body(null, 204);
    return c.json(result as object, route.status ?? 200);
  });
}

/** Builds the app for the given dependencies. */
export function createApp(deps: AppDeps, routes: RouteDef[] = routeTable): Hono<Env> {
  const app = new Hono<Env>();
  const now = deps.now ?? (() => new Date());

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use('/api/*', async (c, next) => {
    const locale = requestLocale(c);
    const auth = await authenticate(c, deps, now());
    checkCsrf(c, auth, deps);
    c.set('ctx', { db: deps.db, actor: auth.actor, now, locale, ip: clientIp(c, deps.trustedProxies ?? 0) });
    c.set('deps', deps);
    c.set('auth', auth);
    await next();
    if (auth.staleCookie) clearSessionCookies(c);
    // answers for a signed-in caller are theirs alone: no shared cache may keep them
    if (auth.via !== 'anonymous' && !c.res.headers.has('Cache-Control'))
      c.header('Cache-Control', 'private, no-store');
  });

  for (const route of routes) register(app, route);

  const openapi = buildOpenApi(routes, deps.version);
  app.get('/api/openapi.json', (c) => c.json(openapi));

  app.all('/api/*', (c) => {
    throw new AppError('route.not_found', { status: 404, params: { path: c.req.path } });
  });

  if (deps.webRoot && existsSync(join(deps.webRoot, 'index.html'))) {
    const webRoot = deps.webRoot;
    const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
    app.use(
      '/assets/*',
      serveStatic({
        root: webRoot,
        onFound: (_path, c) => {
          c.header('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    app.use('*', serveStatic({ root: webRoot }));
    // every other path is a page of the single-page app
    app.get('*', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(indexHtml);
    });
  }

  app.onError((err, c) => {
    const locale = c.get('ctx')?.locale ?? requestLocale(c);
    const { status, body } = toErrorBody(err, locale);
    if (status >= 500) console.error(err);
    const wait = status === 429 && isAppError(err) ? err.params.seconds : undefined;
    if (typeof wait === 'number') c.header('Retry-After', String(wait));
    return c.json(body, status as 400);
  });
  app.notFound((c) => {
    const { status, body } = toErrorBody(
      new AppError('route.not_found', { status: 404, params: { path: c.req.path } }),
      requestLocale(c),
    );
    return c.json(body, status as 404);
  });
  return app;
}
