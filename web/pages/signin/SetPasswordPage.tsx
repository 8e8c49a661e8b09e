/**
 * Opening a one-time link: `/set-password#token=…` sets one's password (an
 * account an administrator created, or a reset); `/setup#token=…` creates an
 * administrator (the first one, or one an operator made a link for). Both
 * sign the person in.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { LinkInfo, Me } from '../../../src/contracts/auth';
import { api } from '../../api/client';
import { useAuth } from '../../auth';
import { Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { navigate, useTitle } from '../../router';
import {
  Field,
  fieldErrors,
  generalError,
  NewPasswordFields,
  passwordsDiffer,
  tokenFromFragment,
} from './forms';
import './auth.css';

function LinkPage({ purpose }: { purpose: 'set_password' | 'bootstrap' }) {
  const { t } = useI18n();
  useTitle(t(purpose === 'bootstrap' ? 'auth.page.setup' : 'auth.page.set_password'));
  const { setUser } = useAuth();
  const [token] = useState(tokenFromFragment);
  const [info, setInfo] = useState<LinkInfo | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!token) {
      setInfo({ purpose, valid: false, problem: 'unknown', email: null, displayName: null, expiresAt: null });
      return;
    }
    api<LinkInfo>('POST', '/api/auth/links/inspect', { token }).then(setInfo, setError);
  }, [token, purpose]);

  if (!info && !error) return <Loading />;
  const unusable = info && (!info.valid || info.purpose !== purpose);
  const mismatch = passwordsDiffer(password, confirm);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    try {
      const me =
        purpose === 'bootstrap'
          ? await api<Me>('POST', '/api/auth/links/create-admin', { token, email, displayName, password })
          : await api<Me>('POST', '/api/auth/links/set-password', { token, password });
      // the secret has done its work: keep it out of the history
      window.history.replaceState(null, '', window.location.pathname);
      setUser(me.user);
      navigate(purpose === 'bootstrap' ? '/users' : '/account', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fields = fieldErrors(error);
  const general = generalError(error, t('http.error'));
  return (
    <section className="page auth-page">
      <div className="auth-card">
        <h1>{t(purpose === 'bootstrap' ? 'auth.page.setup' : 'auth.page.set_password')}</h1>
        {unusable ? (
          <div className="alert alert--error" role="alert">
            {t(
              `auth.page.link_${info?.purpose !== purpose && info?.valid ? 'unknown' : (info?.problem ?? 'unknown')}`,
            )}
          </div>
        ) : (
          <>
            <p className="muted">
              {purpose === 'bootstrap'
                ? t('auth.page.setup_lead')
                : t('auth.page.set_password_lead', {
                    name: info?.displayName ?? '',
                    email: info?.email ?? '',
                  })}
            </p>
            {general && (
              <div className="alert alert--error" role="alert">
                {general}
              </div>
            )}
            <form onSubmit={submit}>
              {purpose === 'bootstrap' && (
                <>
                  <Field
                    id="displayName"
                    label={t('auth.field.display_name')}
                    autoComplete="name"
                    required
                    value={displayName}
                    error={fields.displayName}
                    onChange={(e) => setDisplayName(e.target.value)}
                  />
                  <Field
                    id="email"
                    label={t('auth.field.email')}
                    type="email"
                    autoComplete="username"
                    required
                    value={email}
                    error={fields.email}
                    onChange={(e) => setEmail(e.target.value)}
                  />
                </>
              )}
              <NewPasswordFields
                id="password"
                confirmId="confirm"
                password={password}
                confirm={confirm}
                error={fields.password}
                onPassword={setPassword}
                onConfirm={setConfirm}
              />
              <button type="submit" className="btn auth-card__submit" disabled={busy || mismatch}>
                {t(purpose === 'bootstrap' ? 'auth.page.setup_submit' : 'auth.page.set_password_submit')}
              </button>
            </form>
          </>
        )}
      </div>
    </section>
  );
}

export function SetPasswordPage(_: { params: Record<string, string> }) {
  return <LinkPage purpose="set_password" />;
}

export function SetupPage(_: { params: Record<string, string> }) {
  return <LinkPage purpose="bootstrap" />;
}
