/**
 * API tokens: a machine's credential (a department's system pushing figures)
 * with one role at one unit. Created here, shown once, listed with when each
 * was last used, revoked with one click. Coordinators also see and revoke the
 * tokens of their province.
 */
import { type FormEvent, useState } from 'react';
import type { CreatedToken, TokenView } from '../../../src/contracts/tokens';
import type { UnitBriefView } from '../../../src/contracts/users';
import { type TokenRole, tokenRoles } from '../../../src/domain/auth/permissions';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { RequireSignIn } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { useTitle } from '../../router';
import { Field, fieldErrors, generalError } from '../signin/forms';
import { RoleBadge, SecretBox, UnitPicker } from '../users/parts';
import '../signin/auth.css';

function CreateToken({ onCreated }: { onCreated(t: CreatedToken): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [role, setRole] = useState<TokenRole>('reporter');
  const [unit, setUnit] = useState<UnitBriefView | null>(null);
  const [expiresOn, setExpiresOn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!unit) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api<CreatedToken>('POST', '/api/tokens', {
        name,
        role,
        unitId: unit.id,
        expiresOn: expiresOn || null,
      });
      setName('');
      setExpiresOn('');
      onCreated(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const fields = fieldErrors(error);
  const general = generalError(error, t('http.error'));
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-token-title">
      <h2 id="create-token-title">{t('auth.tokens.create')}</h2>
      <p className="muted small">{t('auth.tokens.create_lead')}</p>
      {general && (
        <div className="alert alert--error" role="alert">
          {general}
        </div>
      )}
      <div className="grid grid--2">
        <Field
          id="token-name"
          label={t('auth.tokens.name')}
          hint={t('auth.tokens.name_hint')}
          required
          maxLength={120}
          value={name}
          error={fields.name}
          onChange={(e) => setName(e.target.value)}
        />
        <Field id="token-role" label={t('auth.field.role')} error={fields.role}>
          <select id="token-role" value={role} onChange={(e) => setRole(e.target.value as TokenRole)}>
            {tokenRoles.map((r) => (
              <option key={r} value={r}>
                {t(`auth.role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="grid grid--2">
        <Field id="token-unit" label={t('auth.field.unit')} error={fields.unitId}>
          <UnitPicker id="token-unit" purpose="tokens" value={unit} onChange={setUnit} required />
        </Field>
        <Field
          id="token-expires"
          label={t('auth.tokens.expires_on')}
          hint={t('auth.tokens.expires_hint')}
          type="date"
          value={expiresOn}
          error={fields.expiresOn}
          onChange={(e) => setExpiresOn(e.target.value)}
        />
      </div>
      <button type="submit" className="btn" disabled={busy || !unit || !name.trim()}>
        {t('auth.tokens.create_submit')}
      </button>
    </form>
  );
}

function statusBadge(status: TokenView['status']): string {
  return status === 'active' ? 'badge--ok' : status === 'expired' ? 'badge--warn' : 'badge--muted';
}

function Tokens() {
  const { t, dateTime, date } = useI18n();
  const [showRevoked, setShowRevoked] = useState(false);
  const [version, setVersion] = useState(0);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = useApi<{ items: TokenView[] }>(`/api/tokens?includeRevoked=${showRevoked}&v=${version}`);

  async function revoke(token: TokenView) {
    if (!window.confirm(t('auth.tokens.revoke_confirm', { name: token.name }))) return;
    setError(null);
    try {
      await api('POST', `/api/tokens/${token.id}/revoke`);
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="page tokens-page">
      <h1>{t('auth.tokens.title')}</h1>
      <p className="muted">{t('auth.tokens.lead')}</p>
      <CreateToken
        onCreated={(c) => {
          setCreated(c);
          setVersion((v) => v + 1);
        }}
      />
      {created && (
        <SecretBox
          label={t('auth.tokens.created', { name: created.item.name })}
          value={created.token}
          note={t('auth.tokens.created_note')}
        />
      )}
      {error instanceof Error && <ErrorMessage error={error} />}
      <div className="page-header">
        <h2>{t('auth.tokens.list')}</h2>
        <label className="small">
          <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} />{' '}
          {t('auth.tokens.show_revoked')}
        </label>
      </div>
      {list.error && <ErrorMessage error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p className="muted">{t('auth.tokens.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data tokens-table">
              <thead>
                <tr>
                  <th>{t('auth.tokens.name')}</th>
                  <th>{t('auth.field.role')}</th>
                  <th>{t('auth.tokens.made_by')}</th>
                  <th>{t('auth.tokens.created_at')}</th>
                  <th>{t('auth.tokens.last_used')}</th>
                  <th>{t('auth.tokens.expires_on')}</th>
                  <th>{t('auth.tokens.status')}</th>
                  <th>
                    <span className="visually-hidden">{t('auth.tokens.revoke')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((tok) => (
                  <tr key={tok.id}>
                    <td>
                      <strong>{tok.name}</strong>
                      <div>
                        <code className="small">{tok.prefix}…</code>
                      </div>
                    </td>
                    <td>
                      <RoleBadge role={tok.role} />
                      <div className="small">{tok.unitName}</div>
                    </td>
                    <td className="small">{tok.mine ? t('auth.tokens.me') : tok.createdByName}</td>
                    <td className="nowrap small">{dateTime(tok.createdAt)}</td>
                    <td className="nowrap small">
                      {tok.lastUsedAt ? dateTime(tok.lastUsedAt) : t('auth.tokens.never_used')}
                    </td>
                    <td className="nowrap small">
                      {/* the last valid day: the stored instant is the first moment of the next (Vietnam) day */}
                      {tok.expiresAt ? date(new Date(new Date(tok.expiresAt).getTime() - 1)) : '—'}
                    </td>
                    <td>
                      <span className={`badge ${statusBadge(tok.status)}`}>
                        {t(`auth.tokens.status_${tok.status}`)}
                      </span>
                    </td>
                    <td>
                      {tok.status !== 'revoked' && (
                        <button
                          type="button"
                          className="btn btn--danger btn--small"
                          aria-label={t('auth.tokens.revoke_named', { name: tok.name })}
                          onClick={() => void revoke(tok)}
                        >
                          {t('auth.tokens.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <div className="card small">
        <h3>{t('auth.tokens.howto')}</h3>
        <pre className="code-sample">
          curl -H "Authorization: Bearer nhs_…" {window.location.origin}/api/auth/me
        </pre>
      </div>
    </section>
  );
}

export function TokensPage(_: { params: Record<string, string> }) {
  const { t } = useI18n();
  useTitle(t('auth.tokens.title'));
  return (
    <RequireSignIn action="tokens.create">
      <Tokens />
    </RequireSignIn>
  );
}
