/**
 * The audit trail: every change with who, when, from where, what, and the
 * fields before and after, filtered by person, unit (with the units below it),
 * kind and days. Administrators can check the hash chain from here.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { AuditEntryView, AuditList, AuditVerification } from '../../../src/contracts/audit';
import type { UnitBriefView } from '../../../src/contracts/users';
import { diffAudit } from '../../../src/domain/auth/audit-diff';
import { api, apiGet } from '../../api/client';
import { RequireSignIn, useAuth } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { navigate, useLocation, useTitle } from '../../router';
import { Field } from '../signin/forms';
import { UnitPicker } from '../users/parts';
import '../signin/auth.css';

/** Areas of the product that write to the trail, for the kind filter. */
const areas = [
  'auth',
  'user',
  'token',
  'unit',
  'indicator',
  'document',
  'target',
  'task',
  'round',
  'submission',
  'value',
];

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function Diff({ entry }: { entry: AuditEntryView }) {
  const { t } = useI18n();
  const changes = diffAudit(entry.before, entry.after);
  if (changes.length === 0) return <p className="muted small">{t('auth.audit.no_fields')}</p>;
  return (
    <table className="data audit-diff">
      <thead>
        <tr>
          <th>{t('auth.audit.field')}</th>
          <th>{t('auth.audit.before')}</th>
          <th>{t('auth.audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.path} className={`diff--${c.kind}`}>
            <td>
              <code>{c.path}</code>
            </td>
            <td className="diff-before">{c.kind === 'added' ? '' : show(c.before)}</td>
            <td className="diff-after">{c.kind === 'removed' ? '' : show(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Verify() {
  const { t } = useI18n();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  return (
    <div className="audit-verify">
      <button
        type="button"
        className="btn btn--secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          api<AuditVerification>('POST', '/api/audit/verify').then(
            (r) => {
              setResult(r);
              setBusy(false);
            },
            (e: Error) => {
              setError(e);
              setBusy(false);
            },
          );
        }}
      >
        {busy ? t('common.loading') : t('auth.audit.verify')}
      </button>
      {error && <ErrorMessage error={error} />}
      {result && (
        <div
          className={`alert ${result.ok ? 'alert--info' : 'alert--error'}`}
          role="status"
          data-testid="verify-result"
        >
          {result.problem ? result.problem.message : t('audit.chain.ok', { checked: result.checked })}
        </div>
      )}
    </div>
  );
}

function Audit() {
  const { t, dateTime } = useI18n();
  const { can } = useAuth();
  const { search } = useLocation();
  const filters = {
    actor: search.get('actor') ?? '',
    action: search.get('action') ?? '',
    unitId: search.get('unitId') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
  };
  const [actor, setActor] = useState(filters.actor);
  const [action, setAction] = useState(filters.action);
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);
  const [unit, setUnit] = useState<UnitBriefView | null>(null);
  const [items, setItems] = useState<AuditEntryView[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [open, setOpen] = useState<Set<number>>(new Set());

  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) query.set(k, v);
  const queryString = query.toString();

  useEffect(() => {
    let live = true;
    setItems(null);
    setError(null);
    apiGet<AuditList>(`/api/audit?limit=50${queryString ? `&${queryString}` : ''}`).then(
      (r) => {
        if (!live) return;
        setItems(r.items);
        setNext(r.nextBeforeSeq);
      },
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [queryString]);

  async function more() {
    if (next === null) return;
    const r = await apiGet<AuditList>(
      `/api/audit?limit=50&beforeSeq=${next}${queryString ? `&${queryString}` : ''}`,
    );
    setItems((old) => [...(old ?? []), ...r.items]);
    setNext(r.nextBeforeSeq);
  }

  function apply(e: FormEvent) {
    e.preventDefault();
    const q = new URLSearchParams();
    if (actor.trim()) q.set('actor', actor.trim());
    if (action) q.set('action', action);
    if (unit) q.set('unitId', String(unit.id));
    else if (filters.unitId) q.set('unitId', filters.unitId);
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    navigate(`/audit${q.toString() ? `?${q}` : ''}`, { replace: true });
  }

  const actionLabel = (code: string) => {
    const label = t(`audit.action.${code}`);
    return label === `audit.action.${code}` ? code : label;
  };

  return (
    <section className="page audit-page">
      <div className="page-header">
        <div>
          <h1>{t('auth.audit.title')}</h1>
          <p className="muted">{t('auth.audit.lead')}</p>
        </div>
        {can('system.manage') && <Verify />}
      </div>
      <form className="card audit-filters" onSubmit={apply} aria-label={t('auth.audit.filters')}>
        <Field
          id="f-actor"
          label={t('auth.audit.person')}
          type="search"
          value={actor}
          placeholder={t('auth.audit.person_hint')}
          onChange={(e) => setActor(e.target.value)}
        />
        <Field id="f-action" label={t('auth.audit.kind')}>
          <select id="f-action" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t('auth.audit.all_kinds')}</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {t(`auth.audit.area.${a}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-unit" label={t('auth.field.unit')}>
          <UnitPicker id="f-unit" purpose="users" value={unit} onChange={setUnit} />
        </Field>
        <Field
          id="f-from"
          label={t('auth.audit.from')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <Field
          id="f-to"
          label={t('auth.audit.to')}
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="btn">
            {t('auth.audit.apply')}
          </button>
          {queryString && (
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => {
                setActor('');
                setAction('');
                setUnit(null);
                setFrom('');
                setTo('');
                navigate('/audit', { replace: true });
              }}
            >
              {t('auth.audit.clear')}
            </button>
          )}
        </div>
      </form>
      {error && <ErrorMessage error={error} />}
      {!items && !error && <Loading />}
      {items &&
        (items.length === 0 ? (
          <p className="muted">{t('auth.audit.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data audit-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('auth.audit.when')}</th>
                  <th>{t('auth.audit.person')}</th>
                  <th>{t('auth.audit.kind')}</th>
                  <th>{t('auth.audit.entity')}</th>
                  <th>{t('auth.field.unit')}</th>
                  <th>
                    <span className="visually-hidden">{t('auth.audit.changes')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => {
                  const expanded = open.has(e.seq);
                  return (
                    <AuditRow
                      key={e.seq}
                      entry={e}
                      expanded={expanded}
                      when={dateTime(e.at)}
                      action={actionLabel(e.action)}
                      toggle={() =>
                        setOpen((s) => {
                          const n = new Set(s);
                          if (n.has(e.seq)) n.delete(e.seq);
                          else n.add(e.seq);
                          return n;
                        })
                      }
                    />
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      {next !== null && (
        <p>
          <button type="button" className="btn btn--secondary" onClick={() => void more()}>
            {t('auth.audit.more')}
          </button>
        </p>
      )}
    </section>
  );
}

function AuditRow({
  entry: e,
  expanded,
  when,
  action,
  toggle,
}: {
  entry: AuditEntryView;
  expanded: boolean;
  when: string;
  action: string;
  toggle(): void;
}) {
  const { t } = useI18n();
  return (
    <>
      <tr>
        <td className="num small">{e.seq}</td>
        <td className="nowrap small">{when}</td>
        <td className="small">
          {e.actorLabel}
          {e.actorIp && <div className="muted">{e.actorIp}</div>}
        </td>
        <td>
          {action}
          <div className="muted small">
            <code>{e.action}</code>
          </div>
        </td>
        <td className="small">
          {e.entityType}
          {e.entityId && ` #${e.entityId}`}
        </td>
        <td className="small">{e.unitName ?? '—'}</td>
        <td>
          {(e.before !== null || e.after !== null) && (
            <button
              type="button"
              className="btn btn--secondary btn--small"
              aria-expanded={expanded}
              onClick={toggle}
            >
              {expanded ? t('auth.audit.hide') : t('auth.audit.changes')}
            </button>
          )}
        </td>
      </tr>
      {expanded && (
        <tr className="audit-diff-row">
          <td colSpan={7}>
            <Diff entry={e} />
          </td>
        </tr>
      )}
    </>
  );
}

export function AuditPage(_: { params: Record<string, string> }) {
  const { t } = useI18n();
  useTitle(t('auth.audit.title'));
  return (
    <RequireSignIn action="audit.read">
      <Audit />
    </RequireSignIn>
  );
}
