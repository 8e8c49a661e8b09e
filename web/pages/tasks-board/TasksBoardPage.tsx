/**
 * `/provinces/:code/tasks` — the tasks of a province's program by lead unit,
 * late ones first: when each is due, what its lead last reported, and whether
 * it is late or behind. Tasks the documents give to no unit are listed apart.
 */
import { useMemo, useState } from 'react';
import { type TaskBoardState, type TasksBoard, taskBoardStates } from '../../../src/contracts/dashboard';
import { useApi } from '../../api/useApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, useTitle } from '../../router';
import '../overview/dashboard.css';
import { DemoLabel, ProvinceTabs, SourceNote } from '../overview/status-parts';

const stateClass: Record<TaskBoardState, string> = {
  late: 'task-state--late',
  behind: 'task-state--behind',
  no_report: 'task-state--none',
  not_started: 'task-state--waiting',
  in_progress: 'task-state--progress',
  done: 'task-state--done',
  cancelled: 'task-state--cancelled',
};

export function TaskState({ state }: { state: TaskBoardState }) {
  const { t } = useI18n();
  return <span className={`task-state ${stateClass[state]}`}>{t(`dashboard.task_state.${state}`)}</span>;
}

export function TasksBoardPage({ params }: { params: Record<string, string> }) {
  const i = useI18n();
  const code = params.code ?? '';
  const { data, error } = useApi<TasksBoard>(`/api/provinces/${encodeURIComponent(code)}/tasks-board`);
  const [filter, setFilter] = useState<TaskBoardState | ''>('');
  const [query, setQuery] = useState('');
  useTitle(data ? i.t('dashboard.tasks_title', { name: data.province.name }) : '');
  const groups = useMemo(() => {
    if (!data) return [];
    const q = query.trim().toLowerCase();
    return data.groups
      .map((g) => ({
        ...g,
        items: g.items.filter(
          (t) =>
            (!filter || t.state === filter) &&
            (!q || `${t.section} ${t.title} ${g.lead.name}`.toLowerCase().includes(q)),
        ),
      }))
      .filter((g) => g.items.length > 0);
  }, [data, filter, query]);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const total = taskBoardStates.reduce((s, k) => s + (data.counts[k] ?? 0), 0);

  return (
    <section className="page dashboard">
      <nav className="breadcrumbs" aria-label={i.t('nav.main')}>
        <Link to="/provinces">{i.t('provinces.title')}</Link> ›{' '}
        <Link to={`/provinces/${code}`}>{data.province.name}</Link> › {i.t('dashboard.tab.tasks')}
      </nav>
      <header className="dashboard-header">
        <div>
          <h1>{i.t('dashboard.tasks_title', { name: data.province.name })}</h1>
          <SourceNote source={data.source} />
          <p className="muted small">{i.t('dashboard.tasks_rule', { date: i.date(data.asOf) })}</p>
        </div>
        <div className="dashboard-header__tools">{data.isDemo && <DemoLabel />}</div>
      </header>
      <ProvinceTabs code={code} />

      <fieldset className="task-summary" aria-label={i.t('dashboard.filter_state')}>
        <button
          type="button"
          className={`task-chip ${filter === '' ? 'is-active' : ''}`}
          onClick={() => setFilter('')}
        >
          {i.t('dashboard.all')} <strong>{total}</strong>
        </button>
        {taskBoardStates.map((k) => (
          <button
            key={k}
            type="button"
            className={`task-chip task-chip--${k} ${filter === k ? 'is-active' : ''}`}
            aria-pressed={filter === k}
            onClick={() => setFilter(filter === k ? '' : k)}
          >
            {i.t(`dashboard.task_state.${k}`)} <strong>{data.counts[k] ?? 0}</strong>
          </button>
        ))}
        <input
          className="task-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={i.t('dashboard.task_search')}
          aria-label={i.t('dashboard.task_search')}
        />
      </fieldset>

      {groups.length === 0 && <p className="muted">{i.t('dashboard.no_tasks')}</p>}
      <div className="task-groups">
        {groups.map((g) => (
          <section
            key={g.key}
            className={`card task-group ${g.counts.late > 0 ? 'task-group--late' : ''}`}
            aria-label={g.lead.name}
          >
            <div className="task-group__head">
              <h2>
                {g.lead.unitId ? (
                  <Link to={`/units/${g.lead.unitId}/scorecard`}>{g.lead.name}</Link>
                ) : (
                  g.lead.name
                )}
                {g.collective && (
                  <span className="badge badge--muted">{i.t('dashboard.collective_lead')}</span>
                )}
              </h2>
              <p className="task-group__counts">
                {taskBoardStates
                  .filter((k) => g.counts[k] > 0)
                  .map((k) => (
                    <span key={k} className={`task-state ${stateClass[k]}`}>
                      {i.t(`dashboard.task_state.${k}`)}: {g.counts[k]}
                    </span>
                  ))}
              </p>
            </div>
            <div className="table-wrap">
              <table className="data task-table">
                <thead>
                  <tr>
                    <th>{i.t('dashboard.col.section')}</th>
                    <th>{i.t('dashboard.col.task')}</th>
                    <th>{i.t('dashboard.col.due')}</th>
                    <th>{i.t('dashboard.col.state')}</th>
                    <th>{i.t('dashboard.col.reported')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.items.map((t) => (
                    <tr key={`${t.taskId}-${g.key}`} className={`task-row task-row--${t.state}`}>
                      <td className="nowrap">
                        <code>{t.section}</code>
                        {t.documentNumber && <div className="muted small">{t.documentNumber}</div>}
                      </td>
                      <td>
                        <Link to={`/documents/${t.documentId}`}>{t.title}</Link>
                      </td>
                      <td className="nowrap">
                        {t.due ? i.date(t.due) : '—'}
                        {t.dueSource === 'horizon' && (
                          <div className="muted small">{i.t('dashboard.due_horizon')}</div>
                        )}
                      </td>
                      <td>
                        <TaskState state={t.state} />
                      </td>
                      <td className="task-reported">
                        {t.reported ? (
                          <>
                            <div
                              className="db-progress"
                              role="img"
                              aria-label={i.percent(t.reported.percent ?? 0, 0)}
                            >
                              <span
                                className="db-progress__bar"
                                style={{ width: `${t.reported.percent ?? 0}%` }}
                              />
                            </div>
                            <span className="small">
                              {t.reported.percent !== null
                                ? i.percent(t.reported.percent, 0)
                                : i.t(`dashboard.task_status.${t.reported.status}`)}{' '}
                              · {i.t('dashboard.reported_in', { period: t.reported.periodId })}
                              {t.reported.unitId !== t.lead.unitId ? ` · ${t.reported.unitName}` : ''}
                            </span>
                            {t.reported.note && <div className="muted small">{t.reported.note}</div>}
                          </>
                        ) : (
                          <span className="muted small">{i.t('dashboard.task_state.no_report')}</span>
                        )}
                        {t.expectedPercent !== null && t.state !== 'done' && t.state !== 'cancelled' && (
                          <div className="muted small">
                            {i.t('dashboard.expected_by_now', { p: i.percent(t.expectedPercent, 0) })}
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </div>

      {data.withoutLead.length > 0 && (
        <section className="card" aria-labelledby="without-lead">
          <details>
            <summary>
              <h2 id="without-lead" className="inline-heading">
                {i.t('dashboard.without_lead', { n: data.withoutLead.length })}
              </h2>
            </summary>
            <p className="muted small">{i.t('dashboard.without_lead_hint')}</p>
            <ul className="without-lead">
              {data.withoutLead.map((t) => (
                <li key={t.taskId}>
                  <code>{t.section}</code> {t.title}
                  {t.documentNumber && <span className="muted small"> · {t.documentNumber}</span>}
                </li>
              ))}
            </ul>
          </details>
        </section>
      )}
    </section>
  );
}
