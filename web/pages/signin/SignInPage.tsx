/**
 * Sign-in: e-mail and password, or the province's single sign-on when it is
 * configured. After too many wrong passwords the server asks to wait; the
 * button stays disabled and counts down until the next attempt is allowed.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { Me, SignInOptions } from '../../../src/contracts/auth';
import type { ErrorBody } from '../../../src/contracts/common';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { navigate, useLocation, useTitle } from '../../router';
import { Field } from './forms';
import './auth.css';

function safeReturn(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}

function csrfHeader(): Record<string, string> {
  const token = /(?:^|;\s*)nhipso_csrf=([^;]+)/.exec(document.cookie)?.[1];
  return token ? { 'X-CSRF-Token': decodeURIComponent(token) } : {};
}

export function SignInPage(_: { params: Record<string, string> }) {
  const { t } = useI18n();
  useTitle(t('auth.page.sign_in'));
  const { user, setUser } = useAuth();
  const { search } = useLocation();
  const returnTo = safeReturn(search.get('returnTo'));
  const options = useApi<SignInOptions>('/api/auth/options');
  const [email, setEmail] = useState(search.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(() => {
    const code = search.get('error');
    return code && /^auth\.[a-z_]+$/.test(code) ? t(code, { email: search.get('email') ?? '' }) : null;
  });
  const [waitUntil, setWaitUntil] = useState(0);
  const [clock, setClock] = useState(Date.now());

  useEffect(() => {
    if (user) navigate(returnTo, { replace: true });
  }, [user, returnTo]);
  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const timer = setInterval(() => setClock(Date.now()), 500);
    return () => clearInterval(timer);
  }, [waitUntil]);
  const remaining = Math.max(0, Math.ceil((waitUntil - clock) / 1000));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // a plain fetch: the wait comes in the Retry-After header
      const res = await fetch('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeader() },
        body: JSON.stringify({ email, password }),
        credentials: 'same-origin',
      });
      const body = (await res.json()) as Me | ErrorBody;
      if (res.ok && 'user' in body) {
        setUser(body.user);
        navigate(returnTo, { replace: true });
        return;
      }
      const retry = Number(res.headers.get('retry-after'));
      if (res.status === 429 && retry > 0) {
        setWaitUntil(Date.now() + retry * 1000);
        setClock(Date.now());
      }
      setError('error' in body ? body.error.message : t('http.error'));
      if (res.status === 401) setPassword('');
    } catch {
      setError(t('http.error'));
    } finally {
      setBusy(false);
    }
  }

  const oidc = options.data?.oidc;
  return (
    <section className="page auth-page">
      <div className="auth-card">
        <h1>{t('auth.page.sign_in')}</h1>
        <p className="muted">{t('auth.page.sign_in_lead')}</p>
        {options.data?.needsFirstAdmin && (
          <div className="alert alert--info">{t('auth.page.needs_first_admin')}</div>
        )}
        {error && (
          <div className="alert alert--error" role="alert" data-testid="sign-in-error">
            {remaining > 0 ? t('auth.too_many_attempts', { seconds: remaining }) : error}
          </div>
        )}
        <form onSubmit={submit} noValidate={false}>
          <Field
            id="email"
            label={t('auth.field.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Field
            id="password"
            label={t('auth.field.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="btn auth-card__submit" disabled={busy || remaining > 0}>
            {remaining > 0 ? t('auth.page.wait_seconds', { seconds: remaining }) : t('auth.page.sign_in')}
          </button>
        </form>
        {oidc?.enabled && (
          <>
            <div className="auth-card__or">
              <span>{t('auth.page.or')}</span>
            </div>
            <a
              className="btn btn--secondary auth-card__sso"
              href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}
            >
              {oidc.label ? t('auth.page.sso_with', { name: oidc.label }) : t('auth.page.sso')}
            </a>
          </>
        )}
        <p className="small muted auth-card__help">{t('auth.page.sign_in_help')}</p>
      </div>
    </section>
  );
}
