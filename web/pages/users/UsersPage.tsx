/**
 * People and roles, for administrators (everyone) and coordinators (the
 * people of their province and those holding roles in it). Create an account
 * (its set-password link is shown once, to pass on), change details, give and
 * take roles at units, disable an account.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type {
  CreatedUser,
  PasswordLink,
  UnitBriefView,
  UserList,
  UserView,
} from '../../../src/contracts/users';
import { type RoleName, roleNames } from '../../../src/domain/auth/actor';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { RequireSignIn, useAuth } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { navigate, useLocation, useTitle } from '../../router';
import { Field, fieldErrors, generalError } from '../signin/forms';
import { RoleBadge, SecretBox, UnitPath, UnitPicker } from './parts';
import '../signin/auth.css';

/** The roles the signed-in person may give: admins all, coordinators all but admin. */
function useGrantable(): RoleName[] {
  const { can } = useAuth();
  return can('system.manage') ? [...roleNames] : roleNames.filter((r) => r !== 'admin');
}

function linkUrl(path: string): string {
  return `${window.location.origin}${path}`;
}

function RoleSelect({ id, value, onChange }: { id: string; value: RoleName; onChange(r: RoleName): void }) {
  const { t } = useI18n();
  const grantable = useGrantable();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as RoleName)}>
      {grantable.map((r) => (
        <option key={r} value={r}>
          {t(`auth.role.${r}`)}
        </option>
      ))}
    </select>
  );
}

function CreateUser({ onCreated, onCancel }: { onCreated(u: CreatedUser): void; onCancel(): void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [unit, setUnit] = useState<UnitBriefView | null>(null);
  const [role, setRole] = useState<RoleName>('reporter');
  const [roleUnit, setRoleUnit] = useState<UnitBriefView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const where = roleUnit ?? unit;
      const created = await api<CreatedUser>('POST', '/api/users', {
        email,
        displayName,
        unitId: unit?.id ?? null,
        roles: where ? [{ role, unitId: where.id }] : [],
      });
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
    <form className="card" onSubmit={submit} aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('auth.users.create')}</h2>
      {general && (
        <div className="alert alert--error" role="alert">
          {general}
        </div>
      )}
      <div className="grid grid--2">
        <Field
          id="new-name"
          label={t('auth.field.display_name')}
          required
          value={displayName}
          error={fields.displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <Field
          id="new-email"
          label={t('auth.field.email')}
          type="email"
          required
          value={email}
          error={fields.email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <Field
        id="new-unit"
        label={t('auth.field.unit')}
        error={fields.unitId}
        hint={t('auth.users.unit_hint')}
      >
        <UnitPicker id="new-unit" purpose="users" value={unit} onChange={setUnit} />
      </Field>
      <div className="grid grid--2">
        <Field id="new-role" label={t('auth.field.role')}>
          <RoleSelect id="new-role" value={role} onChange={setRole} />
        </Field>
        <Field
          id="new-role-unit"
          label={t('auth.field.role_unit')}
          hint={t('auth.users.role_unit_hint')}
          error={fields['roles.0.unitId']}
        >
          <UnitPicker id="new-role-unit" purpose="users" value={roleUnit} onChange={setRoleUnit} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={busy}>
          {t('auth.users.create_submit')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={onCancel}>
          {t('auth.common.cancel')}
        </button>
      </div>
    </form>
  );
}

function UserPanel({ id, onChanged }: { id: number; onChanged(): void }) {
  const { t, dateTime } = useI18n();
  const { user: me } = useAuth();
  const loaded = useApi<UserView>(`/api/users/${id}`);
  const [view, setView] = useState<UserView | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [unit, setUnit] = useState<UnitBriefView | null>(null);
  const [role, setRole] = useState<RoleName>('viewer');
  const [roleUnit, setRoleUnit] = useState<UnitBriefView | null>(null);
  const [link, setLink] = useState<PasswordLink | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setView(loaded.data);
    setDisplayName(loaded.data.displayName);
    setEmail(loaded.data.email);
    setUnit(
      loaded.data.unitId && loaded.data.unitName
        ? {
            id: loaded.data.unitId,
            name: loaded.data.unitName,
            kind: '',
            code: '',
            path: loaded.data.unitPath,
          }
        : null,
    );
  }, [loaded.data]);

  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!view) return <Loading />;

  async function run<T>(fn: () => Promise<T>, after?: (r: T) => void) {
    setError(null);
    setSaved(false);
    try {
      const r = await fn();
      after?.(r);
      onChanged();
    } catch (err) {
      setError(err);
    }
  }
  const update = (body: Record<string, unknown>) =>
    run(
      () => api<UserView>('PATCH', `/api/users/${id}`, body),
      (u) => {
        setView(u);
        setSaved(true);
      },
    );
  const fields = fieldErrors(error);
  const general = generalError(error, t('http.error'));
  const self = me?.id === view.id;
  return (
    <section className="card user-panel" aria-labelledby="user-panel-title">
      <h2 id="user-panel-title">
        {view.displayName}{' '}
        {!view.isActive && <span className="badge badge--bad">{t('auth.users.disabled')}</span>}
      </h2>
      <p className="muted small">
        {view.email} · {t('auth.users.last_sign_in')}:{' '}
        {view.lastSignInAt ? dateTime(view.lastSignInAt) : t('auth.users.never')}
      </p>
      {general && (
        <div className="alert alert--error" role="alert">
          {general}
        </div>
      )}
      {saved && (
        <div className="alert alert--info" role="status">
          {t('auth.users.saved')}
        </div>
      )}
      {view.editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void update({ displayName, email, unitId: unit?.id ?? null });
          }}
        >
          <div className="grid grid--2">
            <Field
              id="edit-name"
              label={t('auth.field.display_name')}
              value={displayName}
              error={fields.displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
            <Field
              id="edit-email"
              label={t('auth.field.email')}
              type="email"
              value={email}
              error={fields.email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <Field id="edit-unit" label={t('auth.field.unit')} error={fields.unitId}>
            <UnitPicker id="edit-unit" purpose="users" value={unit} onChange={setUnit} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn">
              {t('auth.common.save')}
            </button>
            {!self && (
              <button
                type="button"
                className={view.isActive ? 'btn btn--danger' : 'btn btn--secondary'}
                onClick={() => void update({ isActive: !view.isActive })}
              >
                {view.isActive ? t('auth.users.disable') : t('auth.users.enable')}
              </button>
            )}
            {view.isActive && (
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() =>
                  void run(() => api<PasswordLink>('POST', `/api/users/${id}/password-link`), setLink)
                }
              >
                {t('auth.users.password_link')}
              </button>
            )}
          </div>
        </form>
      ) : (
        <div className="alert alert--warn">{t('user.not_editable')}</div>
      )}
      {link && (
        <SecretBox
          label={t('auth.users.link_for', { email: view.email })}
          value={linkUrl(link.path)}
          note={t('auth.users.link_note', { date: dateTime(link.expiresAt) })}
        />
      )}
      <h3>{t('auth.account.roles')}</h3>
      {view.roles.length === 0 && <p className="muted">{t('auth.account.no_roles')}</p>}
      <ul className="role-list">
        {view.roles.map((r) => (
          <li key={`${r.role}:${r.unitId}`}>
            <RoleBadge role={r.role} /> <strong>{r.unitName}</strong> <UnitPath path={r.unitPath} />{' '}
            {r.editable && (
              <button
                type="button"
                className="btn btn--secondary btn--small"
                aria-label={t('auth.users.remove_role_of', {
                  role: t(`auth.role.${r.role}`),
                  unit: r.unitName,
                })}
                onClick={() =>
                  void run(
                    () =>
                      api<UserView>('POST', `/api/users/${id}/roles/remove`, {
                        role: r.role,
                        unitId: r.unitId,
                      }),
                    setView,
                  )
                }
              >
                {t('auth.users.remove_role')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {view.otherRoles > 0 && (
        <p className="muted small">{t('auth.users.other_roles', { count: view.otherRoles })}</p>
      )}
      <form
        className="add-role"
        onSubmit={(e) => {
          e.preventDefault();
          if (!roleUnit) return;
          void run(
            () => api<UserView>('POST', `/api/users/${id}/roles`, { role, unitId: roleUnit.id }),
            (u) => {
              setView(u);
              setRoleUnit(null);
            },
          );
        }}
      >
        <Field id="add-role" label={t('auth.field.role')}>
          <RoleSelect id="add-role" value={role} onChange={setRole} />
        </Field>
        <Field id="add-role-unit" label={t('auth.field.role_unit')} error={fields.unitId}>
          <UnitPicker id="add-role-unit" purpose="users" value={roleUnit} onChange={setRoleUnit} />
        </Field>
        <button type="submit" className="btn" disabled={!roleUnit}>
          {t('auth.users.add_role')}
        </button>
      </form>
    </section>
  );
}

function Users() {
  const { t, dateTime } = useI18n();
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const role = search.get('role') ?? '';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const selected = Number(search.get('id')) || null;
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [version, setVersion] = useState(0);

  const setQuery = (next: Record<string, string | number | null>) => {
    const params = new URLSearchParams(search);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') params.delete(k);
      else params.set(k, String(v));
    }
    navigate(`/users${params.toString() ? `?${params}` : ''}`, { replace: true });
  };
  useEffect(() => {
    const timer = setTimeout(() => {
      if (text.trim() !== q) setQuery({ q: text.trim(), page: null });
    }, 300);
    return () => clearTimeout(timer);
  });

  const qs = new URLSearchParams({ page: String(page), pageSize: '50', v: String(version) });
  if (q) qs.set('q', q);
  if (role) qs.set('role', role);
  const list = useApi<UserList>(`/api/users?${qs}`);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <section className="page users-page">
      <div className="page-header">
        <div>
          <h1>{t('auth.users.title')}</h1>
          <p className="muted">{t('auth.users.lead')}</p>
        </div>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setCreating(true);
            setCreated(null);
          }}
        >
          {t('auth.users.create')}
        </button>
      </div>
      {creating && (
        <CreateUser
          onCancel={() => setCreating(false)}
          onCreated={(u) => {
            setCreated(u);
            setCreating(false);
            setVersion((v) => v + 1);
          }}
        />
      )}
      {created && (
        <SecretBox
          label={t('auth.users.created', { name: created.user.displayName, email: created.user.email })}
          value={linkUrl(created.link.path)}
          note={t('auth.users.link_note', { date: dateTime(created.link.expiresAt) })}
        />
      )}
      <div className="search-box">
        <input
          type="search"
          aria-label={t('auth.users.search')}
          placeholder={t('auth.users.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          aria-label={t('auth.field.role')}
          value={role}
          onChange={(e) => setQuery({ role: e.target.value, page: null })}
        >
          <option value="">{t('auth.users.all_roles')}</option>
          {roleNames.map((r) => (
            <option key={r} value={r}>
              {t(`auth.role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={selected ? 'users-layout users-layout--split' : 'users-layout'}>
        <div>
          {list.error && <ErrorMessage error={list.error} />}
          {!list.data && !list.error && <Loading />}
          {list.data && (
            <>
              <p className="muted small">{t('auth.users.count', { count: list.data.total })}</p>
              <div className="table-wrap">
                <table className="data users-table">
                  <thead>
                    <tr>
                      <th>{t('auth.field.display_name')}</th>
                      <th>{t('auth.field.unit')}</th>
                      <th>{t('auth.account.roles')}</th>
                      <th>{t('auth.users.last_sign_in')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.items.map((u) => (
                      <tr key={u.id} className={u.id === selected ? 'selected' : undefined}>
                        <td>
                          <button type="button" className="linklike" onClick={() => setQuery({ id: u.id })}>
                            {u.displayName}
                          </button>{' '}
                          {!u.isActive && (
                            <span className="badge badge--bad">{t('auth.users.disabled')}</span>
                          )}
                          <div className="muted small">{u.email}</div>
                        </td>
                        <td>
                          {u.unitName ?? '—'}
                          <div>
                            <UnitPath path={u.unitPath} />
                          </div>
                        </td>
                        <td>
                          {u.roles.map((r) => (
                            <div key={`${r.role}:${r.unitId}`} className="role-line">
                              <RoleBadge role={r.role} /> {r.unitName}
                            </div>
                          ))}
                          {u.otherRoles > 0 && (
                            <div className="muted small">
                              {t('auth.users.other_roles', { count: u.otherRoles })}
                            </div>
                          )}
                        </td>
                        <td className="nowrap small">
                          {u.lastSignInAt ? dateTime(u.lastSignInAt) : t('auth.users.never')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {pages > 1 && (
                <nav className="pager" aria-label={t('auth.common.pages')}>
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    disabled={page <= 1}
                    onClick={() => setQuery({ page: page - 1 })}
                  >
                    {t('auth.common.previous')}
                  </button>
                  <span>{t('auth.common.page_of', { page, pages })}</span>
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    disabled={page >= pages}
                    onClick={() => setQuery({ page: page + 1 })}
                  >
                    {t('auth.common.next')}
                  </button>
                </nav>
              )}
            </>
          )}
        </div>
        {selected && (
          <div>
            <button
              type="button"
              className="btn btn--secondary btn--small"
              onClick={() => setQuery({ id: null })}
            >
              {t('auth.common.close')}
            </button>
            <UserPanel key={selected} id={selected} onChanged={() => setVersion((v) => v + 1)} />
          </div>
        )}
      </div>
    </section>
  );
}

export function UsersPage(_: { params: Record<string, string> }) {
  const { t } = useI18n();
  useTitle(t('auth.users.title'));
  return (
    <RequireSignIn action="users.manage">
      <Users />
    </RequireSignIn>
  );
}
