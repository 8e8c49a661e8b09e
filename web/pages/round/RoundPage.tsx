/**
 * One reporting round (`/rounds/:id`) for the coordinator: what it asks, its
 * deadline, who has not submitted, who was returned, who is late, the
 * province's totals so far from the maintained roll-ups (an approval shows
 * at once), and the steps of the round (open, close) and of its reports
 * (approve many at once). Refreshes itself every 20 seconds.
 */
import { useEffect, useMemo, useState } from 'react';
import type { RoundDetail, RoundStatus, RoundStatusRow } from '../../../src/contracts/round';
import { foldVietnamese } from '../../../src/domain/text';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { RequireSignIn } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, useTitle } from '../../router';
import { DemoLabel, RoundStateBadge, StateBadge } from '../rounds/text';
import '../rounds/rounds.css';

type Filter = 'all' | 'pending' | 'returned' | 'late' | 'submitted' | 'approved';

/** Units listed at first; the rest on request (a province has a few hundred). */
const PAGE = 40;

export function RoundPage({ params }: { params: Record<string, string> }) {
  return (
    <RequireSignIn action="figures.read">
      <RoundView id={Number(params.id)} />
    </RequireSignIn>
  );
}

function RoundView({ id }: { id: number }) {
  const { t, date, number, pick, dateTime } = useI18n();
  const round = useApi<RoundDetail>(`/api/rounds/${id}`);
  const status = useApi<RoundStatus>(`/api/rounds/${id}/status`);
  useTitle(round.data?.name ?? t('round.title'));
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [refreshedAt, setRefreshedAt] = useState(new Date());
  const [shown, setShown] = useState(PAGE);

  // the live list: who has reported changes while the coordinator watches
  useEffect(() => {
    const timer = setInterval(() => {
      status.reload();
      setRefreshedAt(new Date());
    }, 20_000);
    return () => clearInterval(timer);
  }, [status.reload]);

  const rows = useMemo(() => {
    const all = status.data?.rows ?? [];
    const needle = foldVietnamese(q.trim());
    return all.filter((r) => {
      if (needle && !foldVietnamese(`${r.name} ${r.code} ${r.parentName ?? ''}`).includes(needle))
        return false;
      if (filter === 'pending') return r.progress === 'not_started' || r.progress === 'in_progress';
      if (filter === 'returned') return r.progress === 'returned';
      if (filter === 'late') return r.late;
      if (filter === 'submitted') return r.progress === 'submitted';
      if (filter === 'approved') return r.progress === 'approved';
      return true;
    });
  }, [status.data, filter, q]);

  if (round.error) return <ErrorMessage error={round.error} />;
  if (!round.data || !status.data) return <Loading />;
  const r = round.data;
  const s = status.data;

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      round.reload();
      status.reload();
      setSelected(new Set());
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const approveSelected = () =>
    act(() =>
      api('POST', '/api/submissions/decide', {
        action: 'approve',
        items: [...selected].map((sid) => ({ id: sid })),
      }),
    );
  const selectable = (row: RoundStatusRow) =>
    r.can.approve && row.state === 'submitted' && row.submissionId !== null;

  return (
    <section className="page round-page">
      <div className="breadcrumbs">
        <Link to="/rounds">{t('nav.rounds')}</Link> › {r.provinceName}
      </div>
      <div className="page-header">
        <div>
          <h1>
            {r.name} {r.isDemo && <DemoLabel />}
          </h1>
          <div className="meta">
            {r.periodLabel} · {t('round.window', { from: date(r.windowStart), to: date(r.windowEnd) })} ·{' '}
            <strong>{t('round.deadline', { date: date(r.lastDayOnTime) })}</strong>
            {r.dueBefore && (
              <span className="muted"> ({t('round.due_before', { date: date(r.dueOn) })})</span>
            )}
          </div>
          {r.regime && <div className="meta small">{pick(r.regime.nameVi, r.regime.nameEn)}</div>}
        </div>
        <div className="round-page__actions">
          <RoundStateBadge state={r.state} />
          {r.can.manage && r.state === 'draft' && (
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => act(() => api('POST', `/api/rounds/${id}/open`))}
            >
              {t('round.action.open')}
            </button>
          )}
          {r.can.manage && r.state === 'open' && (
            <button
              type="button"
              className="btn btn--secondary"
              disabled={busy}
              onClick={() =>
                window.confirm(t('round.confirm_close')) &&
                void act(() => api('POST', `/api/rounds/${id}/close`))
              }
            >
              {t('round.action.close')}
            </button>
          )}
        </div>
      </div>
      {r.description && <p className="lead">{r.description}</p>}
      {error && <ErrorMessage error={error} />}

      <div className="grid grid--4 round-stats" data-testid="round-stats">
        <Stat label={t('round.stat.units')} value={s.summary.units} />
        <Stat
          label={t('round.stat.not_submitted')}
          value={s.summary.notStarted + s.summary.inProgress}
          tone="warn"
        />
        <Stat label={t('round.stat.returned')} value={s.summary.returned} tone="warn" />
        <Stat label={t('round.stat.submitted')} value={s.summary.submitted} tone="info" />
        <Stat label={t('round.stat.approved')} value={s.summary.approved} tone="ok" />
        <Stat label={t('round.stat.late')} value={s.summary.late} tone="bad" />
      </div>
      <p className="muted small">
        {t('round.today', { date: date(s.today) })} · {t('round.refreshed', { time: dateTime(refreshedAt) })}{' '}
        ·{' '}
        {s.email.configured ? (
          t('round.email_on')
        ) : (
          <span data-testid="email-off">{t('round.email_off')}</span>
        )}
      </p>

      {s.totals.length > 0 && (
        <>
          <h2>{t('round.totals', { province: r.provinceName })}</h2>
          <div className="table-wrap">
            <table className="data round-totals" data-testid="round-totals">
              <thead>
                <tr>
                  <th scope="col">{t('report.col.indicator')}</th>
                  <th scope="col" className="num">
                    {t('round.totals.approved')}
                  </th>
                  <th scope="col" className="num">
                    {t('round.totals.submitted')}
                  </th>
                  <th scope="col" className="num">
                    {t('round.totals.units')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.totals.map((x) => {
                  const read = (v: RoundStatus['totals'][number]['approved']) =>
                    x.kind === 'ratio'
                      ? v.numerator !== null && v.denominator
                        ? `${number((100 * v.numerator) / v.denominator, 1)}%`
                        : '—'
                      : v.value === null
                        ? '—'
                        : number(v.value);
                  const parts = (v: RoundStatus['totals'][number]['approved']) =>
                    x.kind === 'ratio' && v.numerator !== null
                      ? `${number(v.numerator)} / ${number(v.denominator ?? 0)}`
                      : '';
                  return (
                    <tr key={x.indicatorId} data-code={x.code}>
                      <th scope="row">
                        {pick(x.nameVi, x.nameEn)} <span className="muted small">{x.code}</span>
                      </th>
                      <td className="num" data-testid={`total-approved:${x.code}`}>
                        <strong>{read(x.approved)}</strong>
                        <div className="muted small">{parts(x.approved)}</div>
                      </td>
                      <td className="num" data-testid={`total-submitted:${x.code}`}>
                        {read(x.submitted)}
                        <div className="muted small">{parts(x.submitted)}</div>
                      </td>
                      <td className="num">
                        {number(x.approved.reportingUnits)} / {number(x.askedUnits)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="muted small">{t('round.totals.note')}</p>
        </>
      )}

      <h2>{t('round.units')}</h2>
      <div className="round-filters">
        <div className="tabs" role="tablist">
          {(['all', 'pending', 'returned', 'late', 'submitted', 'approved'] as Filter[]).map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              aria-selected={filter === f}
              onClick={() => {
                setFilter(f);
                setShown(PAGE);
              }}
            >
              {t(`round.filter.${f}`)}
            </button>
          ))}
        </div>
        <input
          className="round-filters__search"
          type="search"
          placeholder={t('round.search')}
          aria-label={t('round.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        {r.can.approve && (
          <button
            type="button"
            className="btn"
            disabled={busy || selected.size === 0}
            onClick={() => void approveSelected()}
          >
            {t('round.approve_selected', { count: selected.size })}
          </button>
        )}
      </div>
      <div className="table-wrap">
        <table className="data round-units" data-testid="round-units">
          <thead>
            <tr>
              {r.can.approve && (
                <th scope="col">
                  <span className="visually-hidden">{t('round.select')}</span>
                </th>
              )}
              <th scope="col">{t('round.col.unit')}</th>
              <th scope="col">{t('round.col.state')}</th>
              <th scope="col" className="num">
                {t('round.col.figures')}
              </th>
              <th scope="col">{t('round.col.submitted')}</th>
              <th scope="col">{t('round.col.deadline')}</th>
              <th scope="col">{t('round.col.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((row) => (
              <tr key={row.unitId} data-unit={row.code} className={row.late ? 'is-late' : undefined}>
                {r.can.approve && (
                  <td>
                    {selectable(row) && (
                      <input
                        type="checkbox"
                        aria-label={t('round.select_unit', { unit: row.name })}
                        checked={selected.has(row.submissionId as number)}
                        onChange={(e) =>
                          setSelected((x) => {
                            const n = new Set(x);
                            if (e.target.checked) n.add(row.submissionId as number);
                            else n.delete(row.submissionId as number);
                            return n;
                          })
                        }
                      />
                    )}
                  </td>
                )}
                <th scope="row">
                  <Link to={`/rounds/${id}/units/${row.unitId}`}>{row.name}</Link>
                  <div className="muted small">
                    {t(`units.kind.${row.kind}`)}
                    {row.parentName ? ` · ${row.parentName}` : ''}
                  </div>
                </th>
                <td>
                  <StateBadge state={row.progress} />
                </td>
                <td className="num">
                  {number(row.valueCount)} / {number(row.expectedValues)}
                  {row.taskCount > 0 && (
                    <div className="muted small">
                      {t('round.tasks_updated', { done: row.taskUpdateCount, total: row.taskCount })}
                    </div>
                  )}
                </td>
                <td>{row.submittedAt ? dateTime(row.submittedAt) : '—'}</td>
                <td>
                  {row.late ? (
                    <span className="badge badge--bad">{t('round.late_days', { days: row.daysLate })}</span>
                  ) : row.daysLeft !== null ? (
                    <span className="muted">{t('round.days_left', { days: row.daysLeft })}</span>
                  ) : (
                    <span className="badge badge--ok">{t('round.on_time')}</span>
                  )}
                </td>
                <td className="round-units__comment">{row.progress === 'returned' ? row.comment : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <p className="round-more">
          <span className="muted small">{t('round.more_rows', { shown, total: rows.length })}</span>{' '}
          <button
            type="button"
            className="btn btn--small btn--secondary"
            onClick={() => setShown((n) => n + 200)}
          >
            {t('round.show_more')}
          </button>
        </p>
      )}

      <details className="card round-asks">
        <summary>{t('round.asks', { indicators: r.indicators.length, tasks: r.tasks.length })}</summary>
        <div className="grid grid--2">
          <div>
            <h3>{t('round.asks.indicators')}</h3>
            <ul className="round-asks__list">
              {r.indicators.map((i) => (
                <li key={`${i.indicatorId}:${i.unitKind}`}>
                  <span className="badge">{t(`units.kind.${i.unitKind}`)}</span> {pick(i.nameVi, i.nameEn)}{' '}
                  <span className="muted small">{i.code}</span>
                  {i.fromTargets && <span className="badge badge--info">{t('round.from_targets')}</span>}
                  {!i.required && <span className="muted small"> ({t('round.optional')})</span>}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3>{t('round.asks.tasks')}</h3>
            {r.tasks.length === 0 ? (
              <p className="muted">{t('common.none')}</p>
            ) : (
              <ul className="round-asks__list">
                {r.tasks.map((x) => (
                  <li key={x.taskId}>
                    <span className="muted small">{x.sectionLabel}</span> {x.title}
                    <div className="muted small">{x.leads.map((l) => l.name).join(', ')}</div>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </details>
    </section>
  );
}

function Stat({
  label,
  value,
  tone,
}: {
  label: string;
  value: number;
  tone?: 'ok' | 'warn' | 'bad' | 'info';
}) {
  const { number } = useI18n();
  return (
    <div className={`stat ${tone ? `stat--${tone}` : ''}`}>
      <div className="stat__value">{number(value)}</div>
      <div className="stat__label">{label}</div>
    </div>
  );
}
