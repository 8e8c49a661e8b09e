import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  changePasswordBodySchema,
  firstAdminBodySchema,
  linkInfoSchema,
  linkInspectBodySchema,
  meSchema,
  oidcCallbackQuerySchema,
  oidcStartQuerySchema,
  sessionListSchema,
  setPasswordBodySchema,
  signInBodySchema,
  signInOptionsSchema,
} from '../../contracts/auth';
import { AppError, isAppError } from '../../domain/errors';
import {
  changePassword,
  createAdminWithLink,
  getCurrentUser,
  inspectLink,
  listMySessions,
  needsFirstAdmin,
  type OpenedSession,
  resolveSession,
  setPasswordWithLink,
  signInWithPassword,
  signOut,
  signOutOtherSessions,
} from '../../services/auth.service';
import type { ServiceContext } from '../../services/context';
import { finishOidcSignIn, startOidcSignIn } from '../../services/oidc.service';
import type { Env } from '../env';
import {
  clearOidcCookie,
  clearSessionCookies,
  OIDC_COOKIE,
  setOidcCookie,
  setSessionCookies,
} from '../middleware/cookies';
import { defineRoute } from '../route';

// sign-in forms are small; a megabyte of "password" is an attack, not a typo
const SMALL_BODY = 16 * 1024;

const auth = (c: Context) => (c as Context<Env>).get('auth');
const userAgent = (c: Context) => c.req.header('user-agent') ?? null;

/** Sets the cookies of a new session and answers with the signed-in person. */
async function signedIn(c: Context, ctx: ServiceContext, session: OpenedSession) {
  setSessionCookies(c, session);
  const resolved = await resolveSession(ctx.db, session.token, ctx.now());
  return { user: resolved ? await getCurrentUser({ ...ctx, actor: resolved.actor }) : null };
}

export const authRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/auth/me',
    summary: 'Người đang đăng nhập / The signed-in person (null when anonymous)',
    tags: ['auth'],
    access: 'public',
    response: meSchema,
    handler: async (_input, ctx) => ({ user: await getCurrentUser(ctx) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/options',
    summary: 'Cách đăng nhập / Sign-in options (password, single sign-on)',
    tags: ['auth'],
    access: 'public',
    response: signInOptionsSchema,
    handler: async (_input, ctx, c) => {
      const oidc = (c as Context<Env>).get('deps').oidc;
      return {
        password: true as const,
        oidc: { enabled: !!oidc, label: oidc?.label ?? null },
        needsFirstAdmin: await needsFirstAdmin(ctx),
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/sign-in',
    summary: 'Đăng nhập bằng mật khẩu / Sign in with a password',
    tags: ['auth'],
    access: 'public',
    body: signInBodySchema,
    maxBodyBytes: SMALL_BODY,
    response: meSchema,
    example: { body: { email: 'vanthu@ninhbinh.gov.vn', password: 'sai-mat-khau' } },
    handler: async ({ body }, ctx, c) => {
      const session = await signInWithPassword(ctx, { ...body, userAgent: userAgent(c) });
      return signedIn(c, ctx, session);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/sign-out',
    summary: 'Đăng xuất / Sign out (ends this session)',
    tags: ['auth'],
    access: 'public',
    status: 204,
    handler: async (_input, ctx, c) => {
      await signOut(ctx, auth(c).sessionToken ?? undefined);
      clearSessionCookies(c);
      return undefined;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/password',
    summary: 'Đổi mật khẩu / Change one’s password (ends the other sessions)',
    tags: ['auth'],
    access: 'signed-in',
    scope: { kind: 'self' },
    body: changePasswordBodySchema,
    maxBodyBytes: SMALL_BODY,
    response: z.object({ endedSessions: z.number().int() }),
    example: { body: { currentPassword: 'mat-khau-cu', newPassword: 'mat-khau-moi-du-dai' } },
    handler: async ({ body }, ctx, c) => changePassword(ctx, body, auth(c).sessionId),
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/sessions',
    summary: 'Các phiên đăng nhập của tôi / My sessions',
    tags: ['auth'],
    access: 'signed-in',
    scope: { kind: 'self' },
    response: sessionListSchema,
    handler: async (_input, ctx, c) => ({ items: await listMySessions(ctx, auth(c).sessionId) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/sessions/end-others',
    summary: 'Đăng xuất các phiên khác / Sign out everywhere else',
    tags: ['auth'],
    access: 'signed-in',
    scope: { kind: 'self' },
    response: z.object({ ended: z.number().int() }),
    handler: async (_input, ctx, c) => ({ ended: await signOutOtherSessions(ctx, auth(c).sessionId) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/links/inspect',
    summary: 'Kiểm tra liên kết dùng một lần / What a one-time link is for, and whether it is still valid',
    tags: ['auth'],
    access: 'public',
    body: linkInspectBodySchema,
    maxBodyBytes: SMALL_BODY,
    response: linkInfoSchema,
    example: { body: { token: 'khong-ton-tai-0123456789' } },
    handler: async ({ body }, ctx) => inspectLink(ctx, body.token),
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/links/set-password',
    summary: 'Đặt mật khẩu qua liên kết / Set a password through a one-time link (signs in)',
    tags: ['auth'],
    access: 'public',
    body: setPasswordBodySchema,
    maxBodyBytes: SMALL_BODY,
    response: meSchema,
    example: { body: { token: 'khong-ton-tai-0123456789', password: 'mat-khau-moi-du-dai' } },
    handler: async ({ body }, ctx, c) => {
      const session = await setPasswordWithLink(ctx, { ...body, userAgent: userAgent(c) });
      return signedIn(c, ctx, session);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/links/create-admin',
    summary:
      'Tạo quản trị viên qua liên kết khởi tạo / Create an administrator through a bootstrap link (signs in)',
    tags: ['auth'],
    access: 'public',
    body: firstAdminBodySchema,
    maxBodyBytes: SMALL_BODY,
    response: meSchema,
    example: {
      body: {
        token: 'khong-ton-tai-0123456789',
        email: 'quantri@ninhbinh.gov.vn',
        displayName: 'Quản trị viên',
        password: 'mat-khau-moi-du-dai',
      },
    },
    handler: async ({ body }, ctx, c) => {
      const session = await createAdminWithLink(ctx, { ...body, userAgent: userAgent(c) });
      return signedIn(c, ctx, session);
    },
  }),
];

/** Where the provider sends the browser back: configured, or this request's own origin. */
function redirectUrlOf(c: Context, configured: string | null): string {
  if (configured) return configured;
  const url = new URL(c.req.url);
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(':', '');
  const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim() || c.req.header('host') || url.host;
  return `${proto}://${host}/api/auth/oidc/callback`;
}

/** Back to the sign-in page with the reason, for failures during a browser redirect. */
function signInPageWithError(c: Context, e: unknown): Response {
  const code = isAppError(e) ? e.code : 'auth.oidc_failed';
  if (!isAppError(e) || e.status >= 500) console.error(e);
  const params = new URLSearchParams({ error: code });
  if (isAppError(e) && typeof e.params.email === 'string' && e.params.email)
    params.set('email', e.params.email);
  clearOidcCookie(c);
  return c.redirect(`/sign-in?${params}`, 302);
}

export const oidcRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/auth/oidc/start',
    summary: 'Bắt đầu đăng nhập một cửa / Start single sign-on (redirects to the provider)',
    tags: ['auth'],
    access: 'public',
    query: oidcStartQuerySchema,
    produces: 'text/html',
    handler: async ({ query }, ctx, c) => {
      const settings = (c as Context<Env>).get('deps').oidc;
      if (!settings) throw new AppError('auth.oidc_not_configured', { status: 404 });
      try {
        const started = await startOidcSignIn(ctx, settings, {
          returnTo: query.returnTo,
          redirectUrl: redirectUrlOf(c, settings.redirectUrl),
        });
        setOidcCookie(c, started.state, started.maxAgeSeconds);
        c.header('Cache-Control', 'no-store');
        return c.redirect(started.url, 302);
      } catch (e) {
        return signInPageWithError(c, e);
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/oidc/callback',
    summary: 'Nhà cung cấp danh tính trả về / The provider’s callback (signs in, then redirects)',
    tags: ['auth'],
    access: 'public',
    query: oidcCallbackQuerySchema,
    produces: 'text/html',
    handler: async (_input, ctx, c) => {
      const settings = (c as Context<Env>).get('deps').oidc;
      if (!settings) throw new AppError('auth.oidc_not_configured', { status: 404 });
      try {
        const redirectUrl = new URL(redirectUrlOf(c, settings.redirectUrl));
        // the address the provider redirected to, with its answer (behind a proxy the request URL differs)
        const callbackUrl = new URL(
          `${redirectUrl.origin}${redirectUrl.pathname}${new URL(c.req.url).search}`,
        );
        const { session, returnTo } = await finishOidcSignIn(ctx, settings, {
          callbackUrl,
          cookieState: getCookie(c, OIDC_COOKIE),
          userAgent: userAgent(c),
        });
        clearOidcCookie(c);
        setSessionCookies(c, session);
        return c.redirect(returnTo, 302);
      } catch (e) {
        return signInPageWithError(c, e);
      }
    },
  }),
];
