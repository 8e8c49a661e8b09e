/**
 * Reporting rounds (`/rounds`): the rounds the person may see — of their
 * province, or those asking their unit — with how far each has got; the
 * person's notifications (reminders, returned and approved reports); and,
 * for a coordinator, the way to a new round.
 */

import type { NotificationList, RoundList } from '../../../src/contracts/round';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { RequireSignIn, useAuth } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, useLocation, useTitle } from '../../router';
import { DemoLabel, RoundStateBadge } from './text';
import './rounds.css';

export function RoundsPage(_: { params: Record<string, string> }) {
  return (
    <RequireSignIn action="figures.read">
      <RoundsView />
    </RequireSignIn>
  );
}

function RoundsView() {
  const { t, date, number, dateTime } = useI18n();
  useTitle(t('rounds.title'));
  const { can } = useAuth();
  const { search } = useLocation();
  const state = search.get('state');
  const rounds = useApi<RoundList>(`/api/rounds${state ? `?state=${state}` : ''}`);
  const notes = useApi<NotificationList>('/api/notifications');

  const markAll = async () => {
    await api('POST', '/api/notifications/read', { ids: 'all' });
    notes.reload();
  };

  return (
    <section className="page rounds-page">
      <div className="page-header">
        <div>
          <h1>{t('rounds.title')}</h1>
          <p className="lead">{t('rounds.intro')}</p>
        </div>
        {can('rounds.manage') && (
          <Link to="/rounds/new" className="btn">
            {t('rounds.new')}
          </Link>
        )}
      </div>

      {notes.data && notes.data.items.length > 0 && (
        <div className="card notifications" data-testid="notifications">
          <div className="notifications__head">
            <h2>
              {t('rounds.notifications')}{' '}
              {notes.data.unread > 0 && (
                <span className="badge badge--warn">{t('rounds.unread', { count: notes.data.unread })}</span>
              )}
            </h2>
            {notes.data.unread > 0 && (
              <button type="button" className="btn btn--small btn--secondary" onClick={() => void markAll()}>
                {t('rounds.mark_read')}
              </button>
            )}
          </div>
          <ul className="notifications__list">
            {notes.data.items.slice(0, 8).map((n) => (
              <li key={n.id} className={n.readAt ? '' : 'is-unread'}>
                <span
                  className={`badge badge--${n.kind === 'returned' || n.kind === 'overdue' ? 'warn' : n.kind === 'approved' ? 'ok' : 'info'}`}
                >
                  {t(`rounds.notification_kind.${n.kind}`)}
                </span>{' '}
                {n.link ? <Link to={n.link}>{n.message}</Link> : n.message}
                <span className="muted small"> · {dateTime(n.createdAt)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="tabs" role="tablist">
        {[null, 'open', 'draft', 'closed'].map((s) => (
          <Link
            key={s ?? 'all'}
            to={s ? `/rounds?state=${s}` : '/rounds'}
            role="tab"
            aria-selected={state === s}
            className={state === s ? 'active' : undefined}
          >
            {t(`rounds.filter.${s ?? 'all'}`)}
          </Link>
        ))}
      </div>
      {rounds.error && <ErrorMessage error={rounds.error} />}
      {!rounds.data ? (
        <Loading />
      ) : rounds.data.items.length === 0 ? (
        <p className="muted">{t('rounds.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="rounds">
            <thead>
              <tr>
                <th scope="col">{t('rounds.col.round')}</th>
                <th scope="col">{t('rounds.col.state')}</th>
                <th scope="col">{t('rounds.col.deadline')}</th>
                <th scope="col" className="num">
                  {t('rounds.col.units')}
                </th>
                <th scope="col">{t('rounds.col.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.data.items.map((r) => {
                const done = r.counts.approved;
                const sent = r.counts.submitted;
                const pct = r.unitCount ? (100 * done) / r.unitCount : 0;
                const pctSent = r.unitCount ? (100 * sent) / r.unitCount : 0;
                return (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/rounds/${r.id}`}>{r.name}</Link> {r.isDemo && <DemoLabel />}
                      <div className="muted small">
                        {r.provinceName} · {r.periodLabel}
                      </div>
                    </th>
                    <td>
                      <RoundStateBadge state={r.state} />
                    </td>
                    <td>{date(r.lastDayOnTime)}</td>
                    <td className="num">{number(r.unitCount)}</td>
                    <td>
                      <div className="progress" aria-hidden="true">
                        <div className="progress__bar progress__bar--ok" style={{ width: `${pct}%` }} />
                        <div className="progress__bar progress__bar--info" style={{ width: `${pctSent}%` }} />
                      </div>
                      <div className="muted small">
                        {t('rounds.progress', {
                          approved: number(done),
                          submitted: number(sent),
                          total: number(r.unitCount),
                        })}
                        {r.counts.returned > 0 && ` · ${t('rounds.returned', { count: r.counts.returned })}`}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
