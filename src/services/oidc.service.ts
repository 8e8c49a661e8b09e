/**
 * Sign-in through an OpenID Connect provider (a province's single sign-on,
 * the national e-ID): authorization code flow with PKCE, state and nonce
 * (openid-client). The provider vouches for an identity (issuer, subject);
 * it is matched to an account by that pair, else by a verified e-mail address
 * of an existing account (which is then linked). Accounts are made by
 * administrators: an unknown person is told so, unless automatic creation is
 * switched on (then the account starts with no roles).
 */
import * as oidc from 'openid-client';
import { oidcRequestTtlMs } from '../domain/auth/policy';
import { AppError } from '../domain/errors';
import { inTransaction } from '../repositories/db';
import { insertOidcRequest, takeOidcRequest } from '../repositories/session.repository';
import {
  findUserByEmail,
  findUserById,
  findUserByOidc,
  insertUser,
  type UserRecord,
  updateUser,
} from '../repositories/user.repository';
import { recordAudit } from './audit';
import { type OpenedSession, signInVerifiedUser, userActor } from './auth.service';
import { sha256Hex } from './auth-secrets';
import type { ServiceContext } from './context';

/** The provider and this app's registration with it, from the environment. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** Where the provider sends the browser back; null = derived from the request's origin. */
  redirectUrl: string | null;
  scopes: string;
  /** Create an account (with no roles) for an unknown person instead of refusing. */
  autoCreate: boolean;
  /** The name on the sign-in button, e.g. "VNeID" or "Tài khoản một cửa tỉnh". */
  label: string | null;
  /** How the client authenticates at the token endpoint. */
  tokenAuth: 'client_secret_basic' | 'client_secret_post';
}

const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/**
 * Reads NHIPSO_OIDC_ISSUER, NHIPSO_OIDC_CLIENT_ID, NHIPSO_OIDC_CLIENT_SECRET,
 * NHIPSO_OIDC_REDIRECT_URL (default `<public URL>/api/auth/oidc/callback`),
 * NHIPSO_OIDC_SCOPES (default `openid email profile`), NHIPSO_OIDC_AUTO_CREATE,
 * NHIPSO_OIDC_LABEL and NHIPSO_OIDC_TOKEN_AUTH. Null when no issuer is set;
 * throws on an incomplete or insecure configuration.
 */
export function oidcSettingsFromEnv(
  env: Record<string, string | undefined>,
  publicUrl: string | null,
): OidcSettings | null {
  const issuer = env.NHIPSO_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.NHIPSO_OIDC_CLIENT_ID?.trim();
  if (!clientId) {
    throw new Error(
      'NHIPSO_OIDC_CLIENT_ID là bắt buộc khi đặt NHIPSO_OIDC_ISSUER / NHIPSO_OIDC_CLIENT_ID is required with NHIPSO_OIDC_ISSUER',
    );
  }
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`NHIPSO_OIDC_ISSUER không phải địa chỉ URL / is not a URL: ${issuer}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new Error('NHIPSO_OIDC_ISSUER phải dùng https / must use https (http only on localhost)');
  }
  const redirect =
    env.NHIPSO_OIDC_REDIRECT_URL?.trim() ||
    (publicUrl ? `${publicUrl.replace(/\/+$/, '')}/api/auth/oidc/callback` : null);
  const tokenAuth =
    env.NHIPSO_OIDC_TOKEN_AUTH?.trim() === 'client_secret_post'
      ? 'client_secret_post'
      : 'client_secret_basic';
  return {
    issuer,
    clientId,
    clientSecret: env.NHIPSO_OIDC_CLIENT_SECRET?.trim() || null,
    redirectUrl: redirect,
    scopes: env.NHIPSO_OIDC_SCOPES?.trim() || 'openid email profile',
    autoCreate: /^(1|true|yes|on)$/i.test(env.NHIPSO_OIDC_AUTO_CREATE?.trim() ?? ''),
    label: env.NHIPSO_OIDC_LABEL?.trim() || null,
    tokenAuth,
  };
}

const configs = new Map<string, Promise<oidc.Configuration>>();

/** The provider's discovered configuration, fetched once and kept (refetched after a failure). */
function providerConfig(s: OidcSettings): Promise<oidc.Configuration> {
  const key = `${s.issuer}\n${s.clientId}\n${s.clientSecret ?? ''}\n${s.tokenAuth}`;
  let found = configs.get(key);
  if (!found) {
    const auth = !s.clientSecret
      ? oidc.None()
      : s.tokenAuth === 'client_secret_post'
        ? oidc.ClientSecretPost(s.clientSecret)
        : oidc.ClientSecretBasic(s.clientSecret);
    const issuer = new URL(s.issuer);
    found = oidc.discovery(issuer, s.clientId, undefined, auth, {
      ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
      timeout: 10,
    });
    found.catch(() => configs.delete(key));
    configs.set(key, found);
  }
  return found;
}

/** A path inside this site to return to (never another site). */
export function safeReturnPath(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value.slice(0, 500);
}

/**
 * Starts a sign-in: remembers state, nonce and PKCE verifier, and returns the
 * provider's address to send the browser to, and the state for the cookie.
 */
export async function startOidcSignIn(
  ctx: ServiceContext,
  settings: OidcSettings,
  input: { returnTo: string | undefined; redirectUrl: string },
): Promise<{ url: string; state: string; maxAgeSeconds: number }> {
  let config: oidc.Configuration;
  try {
    config = await providerConfig(settings);
  } catch (cause) {
    throw new AppError('auth.oidc_failed', { status: 503, cause });
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const now = ctx.now();
  await insertOidcRequest(ctx.db, {
    stateHash: sha256Hex(state),
    nonce,
    codeVerifier,
    returnTo: safeReturnPath(input.returnTo),
    expiresAt: new Date(now.getTime() + oidcRequestTtlMs),
    now,
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUrl,
    scope: settings.scopes,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state, maxAgeSeconds: Math.round(oidcRequestTtlMs / 1000) };
}

interface Identity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/**
 * Finishes a sign-in from the provider's callback: checks state (against the
 * browser's cookie), PKCE and nonce, exchanges the code, matches the person
 * and opens a session. Errors are AppErrors whose code the sign-in page shows.
 */
export async function finishOidcSignIn(
  ctx: ServiceContext,
  settings: OidcSettings,
  input: { callbackUrl: URL; cookieState: string | undefined; userAgent: string | null },
): Promise<{ session: OpenedSession; returnTo: string }> {
  const state = input.callbackUrl.searchParams.get('state');
  if (!state || !input.cookieState || state !== input.cookieState) {
    throw new AppError('auth.oidc_state_invalid', { status: 400 });
  }
  const pending = await takeOidcRequest(ctx.db, sha256Hex(state));
  if (!pending || pending.expiresAt.getTime() <= ctx.now().getTime()) {
    throw new AppError('auth.oidc_state_invalid', { status: 400 });
  }
  if (input.callbackUrl.searchParams.get('error')) {
    throw new AppError('auth.oidc_failed', { status: 400 });
  }
  let identity: Identity;
  try {
    const config = await providerConfig(settings);
    const tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    let email = typeof claims.email === 'string' ? claims.email : null;
    let emailVerified = claims.email_verified === true;
    let name = typeof claims.name === 'string' ? claims.name : null;
    if (!email && tokens.access_token) {
      // some providers put the address in the userinfo answer only
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = typeof info.email === 'string' ? info.email : null;
      emailVerified = info.email_verified === true;
      name ??= typeof info.name === 'string' ? info.name : null;
    }
    identity = {
      issuer: claims.iss,
      subject: claims.sub,
      email: email?.toLowerCase() ?? null,
      emailVerified,
      name,
    };
  } catch (cause) {
    throw new AppError('auth.oidc_failed', { status: 400, cause });
  }
  const user = await matchUser(ctx, settings, identity);
  const session = await signInVerifiedUser(ctx, user, 'oidc', input.userAgent, { issuer: identity.issuer });
  return { session, returnTo: pending.returnTo };
}

/** The account of an identity: linked already, or linked now by verified e-mail, or created when allowed. */
async function matchUser(ctx: ServiceContext, settings: OidcSettings, id: Identity): Promise<UserRecord> {
  const linked = await findUserByOidc(ctx.db, id.issuer, id.subject);
  if (linked) return linked;
  return inTransaction(ctx.db, async (trx) => {
    const now = ctx.now();
    const byEmail = id.email ? await findUserByEmail(trx, id.email) : undefined;
    if (byEmail) {
      if (!id.emailVerified) throw new AppError('auth.oidc_email_unverified', { status: 403 });
      if (byEmail.oidcIssuer === id.issuer && byEmail.oidcSubject && byEmail.oidcSubject !== id.subject) {
        throw new AppError('auth.oidc_conflict', { status: 409 });
      }
      await updateUser(trx, byEmail.id, { oidcIssuer: id.issuer, oidcSubject: id.subject }, now);
      // the person links their own identity by signing in: record them, not "anonymous"
      await recordAudit(
        trx,
        { ...ctx, actor: userActor(byEmail, []) },
        {
          action: 'user.oidc_link',
          entityType: 'user',
          entityId: byEmail.id,
          unitId: byEmail.unitId,
          before: { oidcIssuer: byEmail.oidcIssuer, oidcSubject: byEmail.oidcSubject },
          after: { oidcIssuer: id.issuer, oidcSubject: id.subject },
        },
      );
      return (await findUserById(trx, byEmail.id)) as UserRecord;
    }
    if (!settings.autoCreate || !id.email || !id.emailVerified) {
      throw new AppError('auth.oidc_no_account', { status: 403, params: { email: id.email ?? '' } });
    }
    const userId = await insertUser(trx, {
      email: id.email,
      displayName: id.name?.trim() || id.email,
      unitId: null,
      oidcIssuer: id.issuer,
      oidcSubject: id.subject,
      now,
    });
    const created = (await findUserById(trx, userId)) as UserRecord;
    await recordAudit(
      trx,
      { ...ctx, actor: userActor(created, []) },
      {
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        after: { email: id.email, displayName: id.name, via: 'oidc', oidcIssuer: id.issuer },
      },
    );
    return created;
  });
}
