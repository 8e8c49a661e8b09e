/**
 * My account: who I am and where my roles are, changing my password (which
 * signs out my other sessions), and the sessions I have open.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { SessionView } from '../../../src/contracts/auth';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { RequireSignIn, useAuth } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, useTitle } from '../../router';
import { Field, fieldErrors, generalError, NewPasswordFields, passwordsDiffer } from '../signin/forms';
import { RoleBadge, UnitPath } from '../users/parts';
import '../signin/auth.css';

function ChangePassword({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = passwordsDiffer(next, confirm);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await api<{ endedSessions: number }>('POST', '/api/auth/password', {
        currentPassword: current,
        newPassword: next,
      });
      setDone(r.endedSessions);
      setCurrent('');
      setNext('');
      setConfirm('');
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const fields = fieldErrors(error);
  const general = generalError(error, t('http.error'));
  return (
    <form onSubmit={submit} className="card account-password" id="password" aria-labelledby="password-title">
      <h2 id="password-title">{t('auth.account.change_password')}</h2>
      {done !== null && (
        <div className="alert alert--info" role="status">
          {t('auth.account.password_changed', { count: done })}
        </div>
      )}
      {general && (
        <div className="alert alert--error" role="alert">
          {general}
        </div>
      )}
      <Field
        id="currentPassword"
        label={t('auth.field.current_password')}
        type="password"
        autoComplete="current-password"
        required
        value={current}
        error={fields.currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <NewPasswordFields
        id="newPassword"
        confirmId="confirmPassword"
        password={next}
        confirm={confirm}
        error={fields.newPassword}
        onPassword={setNext}
        onConfirm={setConfirm}
      />
      <button type="submit" className="btn" disabled={busy || mismatch}>
        {t('auth.account.change_password')}
      </button>
    </form>
  );
}

function Sessions({ version }: { version: number }) {
  const { t, dateTime } = useI18n();
  const sessions = useApi<{ items: SessionView[] }>(`/api/auth/sessions?v=${version}`);
  const [ended, setEnded] = useState<number | null>(null);
  async function endOthers() {
    const r = await api<{ ended: number }>('POST', '/api/auth/sessions/end-others');
    setEnded(r.ended);
    sessions.reload();
  }
  if (sessions.error) return <ErrorMessage error={sessions.error} />;
  if (!sessions.data) return <Loading />;
  const others = sessions.data.items.filter((s) => !s.current).length;
  return (
    <div className="card">
      <h2>{t('auth.account.sessions')}</h2>
      {ended !== null && (
        <div className="alert alert--info" role="status">
          {t('auth.account.sessions_ended', { count: ended })}
        </div>
      )}
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th>{t('auth.account.session_started')}</th>
              <th>{t('auth.account.session_last_seen')}</th>
              <th>{t('auth.account.session_method')}</th>
              <th>{t('auth.account.session_from')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.items.map((s) => (
              <tr key={s.ref}>
                <td className="nowrap">
                  {dateTime(s.createdAt)}{' '}
                  {s.current && <span className="badge badge--info">{t('auth.account.this_session')}</span>}
                </td>
                <td className="nowrap">{dateTime(s.lastSeenAt)}</td>
                <td>{t(`auth.method.${s.authMethod}`)}</td>
                <td className="small">
                  {s.ip ?? '—'}
                  <div className="muted">{s.userAgent?.slice(0, 90)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button
          type="button"
          className="btn btn--secondary"
          disabled={others === 0}
          onClick={() => void endOthers()}
        >
          {t('auth.account.end_other_sessions')}
        </button>
      </p>
    </div>
  );
}

function Account() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (window.location.hash === '#password') document.getElementById('currentPassword')?.focus();
  }, []);
  if (!user) return null;
  return (
    <section className="page account-page">
      <h1>{t('auth.account.title')}</h1>
      <div className="grid grid--2">
        <div className="card">
          <h2>{user.displayName}</h2>
          <dl className="account-facts">
            <dt>{t('auth.field.email')}</dt>
            <dd>{user.email}</dd>
            <dt>{t('auth.field.unit')}</dt>
            <dd>{user.unitName ?? '—'}</dd>
            <dt>{t('auth.account.sign_in_methods')}</dt>
            <dd>
              {[user.hasPassword && t('auth.method.password'), user.oidcLinked && t('auth.method.oidc')]
                .filter(Boolean)
                .join(', ') || '—'}
            </dd>
          </dl>
          <h3>{t('auth.account.roles')}</h3>
          {user.grants.length === 0 ? (
            <p className="muted">{t('auth.account.no_roles')}</p>
          ) : (
            <ul className="role-list">
              {user.grants.map((g) => (
                <li key={`${g.role}:${g.unitId}`}>
                  <RoleBadge role={g.role} /> <strong>{g.unitName}</strong> <UnitPath path={g.unitPath} />
                </li>
              ))}
            </ul>
          )}
          {user.actions.includes('tokens.create') && (
            <p>
              <Link to="/tokens">{t('auth.menu.tokens')}</Link>
            </p>
          )}
        </div>
        {user.hasPassword ? (
          <ChangePassword onChanged={() => setVersion((v) => v + 1)} />
        ) : (
          <div className="card">
            <h2>{t('auth.account.change_password')}</h2>
            <p className="muted">{t('auth.password_not_set')}</p>
          </div>
        )}
      </div>
      <Sessions version={version} />
    </section>
  );
}

export function AccountPage(_: { params: Record<string, string> }) {
  const { t } = useI18n();
  useTitle(t('auth.account.title'));
  return (
    <RequireSignIn>
      <Account />
    </RequireSignIn>
  );
}
