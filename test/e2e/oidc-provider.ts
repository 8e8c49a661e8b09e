/**
 * A real OpenID Connect provider for the browser tests (the `oidc-provider`
 * package, certified by the OpenID Foundation), started inside the test on a
 * local port. Its sign-in page accepts the accounts given here with their
 * passwords; it then asks for consent and sends the browser back to Nhịp Số
 * with an authorization code.
 */
import { createServer, type Server } from 'node:http';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export interface TestAccount {
  /** The subject the provider vouches for. */
  sub: string;
  password: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

export interface RunningProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

const page = (title: string, body: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family:sans-serif;max-width:28rem;margin:3rem auto">
<h1>Cổng đăng nhập thử nghiệm</h1>${body}</body></html>`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Starts the provider on `port` for one client whose callback is `redirectUri`.
 * The interaction pages are the provider's own flow with a password check:
 * login (account + password) then consent.
 */
export async function startOidcProvider(options: {
  port: number;
  redirectUri: string;
  accounts: TestAccount[];
}): Promise<RunningProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const clientId = 'nhipso-test';
  const clientSecret = 'bi-mat-cua-ung-dung-thu-nghiem-0123456789';
  const bySub = new Map(options.accounts.map((a) => [a.sub, a]));

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['khoa-cookie-thu-nghiem-nhipso'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = bySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: account.emailVerified, name: account.name };
        },
      };
    },
  };
  const provider = new Provider(issuer, configuration);

  // the interaction pages: a sign-in form that checks the password, then consent
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    const m = /^\/interaction\/([\w-]+)(\/login|\/confirm)?$/.exec(ctx.path);
    if (!m) return next();
    const uid = m[1] as string;
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === 'GET') {
      ctx.type = 'html';
      if (details.prompt.name === 'login') {
        ctx.body = page(
          'Đăng nhập',
          `<form method="post" action="/interaction/${uid}/login">
            <label>Tài khoản <input name="login" autofocus></label><br>
            <label>Mật khẩu <input name="password" type="password"></label><br>
            <button type="submit">Đăng nhập</button></form>`,
        );
      } else {
        ctx.body = page(
          'Đồng ý',
          `<p>Cho phép Nhịp Số biết tên và email của bạn?</p>
          <form method="post" action="/interaction/${uid}/confirm"><button type="submit">Đồng ý</button></form>`,
        );
      }
      return;
    }
    const form = new URLSearchParams(await readBody(ctx.req));
    if (m[2] === '/login') {
      const account = bySub.get(form.get('login') ?? '');
      if (!account || account.password !== form.get('password')) {
        ctx.type = 'html';
        ctx.status = 401;
        ctx.body = page('Sai', `<p>Sai tài khoản hoặc mật khẩu: ${escapeHtml(form.get('login') ?? '')}</p>`);
        return;
      }
      const to = await provider.interactionResult(
        ctx.req,
        ctx.res,
        { login: { accountId: account.sub } },
        {
          mergeWithLastSubmission: false,
        },
      );
      ctx.redirect(to);
      ctx.status = 303;
      return;
    }
    const grant = new provider.Grant({ accountId: details.session?.accountId as string, clientId });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const to = await provider.interactionResult(
      ctx.req,
      ctx.res,
      { consent: { grantId: await grant.save() } },
      {
        mergeWithLastSubmission: true,
      },
    );
    ctx.redirect(to);
    ctx.status = 303;
  });

  const server: Server = createServer(provider.callback());
  await new Promise<void>((ok) => server.listen(options.port, '127.0.0.1', ok));
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

function readBody(req: NodeJS.ReadableStream): Promise<string> {
  return new Promise((ok, fail) => {
    let text = '';
    req.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    req.on('end', () => ok(text));
    req.on('error', fail);
  });
}
