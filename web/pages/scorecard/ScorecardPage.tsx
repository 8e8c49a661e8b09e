/**
 * `/units/:id/scorecard` — one department or commune for a year: its figures
 * against the year before, the province and the target for its level; its
 * index score and rank among its peers, taken apart; the tasks it leads.
 */
import type { UnitScorecard } from '../../../src/contracts/dashboard';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation, useTitle } from '../../router';
import { ScoreDetail } from '../index-method/score-parts';
import '../overview/dashboard.css';
import { DemoLabel, SourceNote, targetText } from '../overview/status-parts';
import { TaskState } from '../tasks-board/TasksBoardPage';

export function ScorecardPage({ params }: { params: Record<string, string> }) {
  const i = useI18n();
  const { user } = useAuth();
  const id = params.id ?? '';
  const { search } = useLocation();
  const year = search.get('year');
  const { data, error, reload } = useApi<UnitScorecard>(
    `/api/units/${encodeURIComponent(id)}/scorecard${year ? `?year=${year}` : ''}`,
  );
  useTitle(data ? i.t('dashboard.scorecard_title', { name: data.unit.name }) : '');
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const u = data.unit;
  const pct = (ind: { aggregation: string; unitOfMeasure: string }) =>
    ind.aggregation === 'ratio' || ind.unitOfMeasure === '%';
  const fmt = (
    v: number | null,
    ind: { aggregation: string; unitOfMeasure: string; unitOfMeasureEn: string | null },
  ) =>
    v === null
      ? '—'
      : pct(ind)
        ? i.percent(v)
        : `${i.number(v, 2)} ${i.pick(ind.unitOfMeasure, ind.unitOfMeasureEn)}`;
  const years = data.years.length ? data.years : [data.year];
  return (
    <section className="page dashboard">
      <nav className="breadcrumbs" aria-label={i.t('nav.main')}>
        <Link to="/provinces">{i.t('provinces.title')}</Link>
        {u.province && (
          <>
            {' › '}
            <Link to={`/provinces/${u.province.code}/overview`}>{u.province.name}</Link>
          </>
        )}
        {' › '}
        <Link to={`/units/${u.id}`}>{u.name}</Link> › {i.t('dashboard.scorecard')}
      </nav>
      <header className="dashboard-header">
        <div>
          <h1>{i.t('dashboard.scorecard_title', { name: u.name })}</h1>
          <p className="meta muted">
            {i.t(`units.kind.${u.kind}`)}
            {u.parent ? ` · ${u.parent.name}` : ''}
            {u.validTo ? ` · ${i.t('dashboard.valid_until', { date: i.date(u.validTo) })}` : ''}
          </p>
          <SourceNote source={data.source} />
        </div>
        <div className="dashboard-header__tools">
          {data.isDemo && <DemoLabel />}
          <label className="inline-field">
            {i.t('dashboard.year')}
            <select
              value={String(data.year)}
              onChange={(e) => navigate(`/units/${u.id}/scorecard?year=${e.target.value}`, { replace: true })}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>

      {data.figures.length === 0 && data.index === null && (
        <p className="alert alert--info">
          {data.canReadLive ? i.t('dashboard.scorecard_empty') : i.t('dashboard.scorecard_not_published')}
        </p>
      )}

      {data.index && (
        <section className="card scorecard-index" aria-labelledby="sc-index">
          <div className="card-head">
            <h2 id="sc-index">{i.t('dashboard.index')}</h2>
            {data.indexMethod && (
              <Link to={`/index-methods/${data.indexMethod.id}`} className="small">
                {i.pick(data.indexMethod.name.vi, data.indexMethod.name.en)} ({data.indexMethod.version})
              </Link>
            )}
          </div>
          <div className="scorecard-index__head">
            <div className="kpi__big">
              {i.number(data.index.total, 1)}
              <span>/{i.number(data.index.maxTotal)}</span>
            </div>
            <div>
              <strong>
                {i.t('dashboard.rank_among', {
                  rank: data.index.rank,
                  peers: data.index.peers,
                  kind: i.t(`units.kind.${u.kind}`),
                })}
              </strong>
              <div className="muted small">
                {i.t('dashboard.coverage_note', { p: i.percent(100 * data.index.coverage, 0) })}
              </div>
            </div>
          </div>
          <ScoreDetail
            score={data.index}
            actions={
              data.source === 'live' && user
                ? {
                    year: data.year,
                    methodCode: data.indexMethod?.code ?? 'UNIT_DX',
                    canAdjust: false,
                    canEnter: true,
                    onChanged: reload,
                  }
                : undefined
            }
          />
        </section>
      )}

      {data.figures.length > 0 && (
        <section className="card" aria-labelledby="sc-figures">
          <h2 id="sc-figures">{i.t('dashboard.figures_of', { year: data.year })}</h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th>{i.t('dashboard.col.indicator')}</th>
                  <th className="num">{data.year}</th>
                  <th className="num">{data.year - 1}</th>
                  <th className="num">{i.t('dashboard.province_value')}</th>
                  <th>{i.t('dashboard.col.level_target')}</th>
                </tr>
              </thead>
              <tbody>
                {data.figures.map((f) => (
                  <tr key={f.indicator.id}>
                    <td>
                      {u.province ? (
                        <Link to={`/provinces/${u.province.code}/indicators/${f.indicator.code}`}>
                          {i.pick(f.indicator.nameVi, f.indicator.nameEn)}
                        </Link>
                      ) : (
                        i.pick(f.indicator.nameVi, f.indicator.nameEn)
                      )}
                      {f.numerator !== null && f.denominator !== null && (
                        <div className="muted small">
                          {i.number(f.numerator, 2)}/{i.number(f.denominator, 2)}
                        </div>
                      )}
                    </td>
                    <td className="num">
                      <strong>{fmt(f.value, f.indicator)}</strong>
                      {f.previous && f.value !== null && (
                        <Delta now={f.value} before={f.previous.value} good={f.indicator.direction} />
                      )}
                    </td>
                    <td className="num">{f.previous ? fmt(f.previous.value, f.indicator) : '—'}</td>
                    <td className="num">{fmt(f.provinceValue, f.indicator)}</td>
                    <td>
                      {f.target ? (
                        <>
                          {targetText(i, { ...f.target, unit: pct(f.indicator) ? 'percent' : 'count' })} (
                          {f.target.year}){' '}
                          {f.target.meets === null ? null : f.target.meets ? (
                            <span className="status-badge status-badge--met">{i.t('dashboard.meets')}</span>
                          ) : (
                            <span className="status-badge status-badge--off_track">
                              {i.t('dashboard.not_meets')}
                            </span>
                          )}
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {data.tasks.length > 0 && (
        <section className="card" aria-labelledby="sc-tasks">
          <h2 id="sc-tasks">{i.t('dashboard.tasks_led')}</h2>
          <table className="data">
            <thead>
              <tr>
                <th>{i.t('dashboard.col.section')}</th>
                <th>{i.t('dashboard.col.task')}</th>
                <th>{i.t('dashboard.col.due')}</th>
                <th>{i.t('dashboard.col.state')}</th>
                <th className="num">%</th>
              </tr>
            </thead>
            <tbody>
              {data.tasks.map((t) => (
                <tr key={`${t.taskId}-${t.lead.name}`}>
                  <td>
                    <code>{t.section}</code>
                  </td>
                  <td>{t.title}</td>
                  <td>{t.due ? i.date(t.due) : '—'}</td>
                  <td>
                    <TaskState state={t.state} />
                  </td>
                  <td className="num">
                    {t.reported?.percent !== null && t.reported?.percent !== undefined
                      ? i.percent(t.reported.percent, 0)
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

function Delta({ now, before, good }: { now: number; before: number; good: string }) {
  const i = useI18n();
  const d = now - before;
  if (Math.abs(d) < 1e-9) return null;
  const better = good === 'lower_better' ? d < 0 : d > 0;
  return (
    <span
      className={`delta ${better ? 'delta--up' : 'delta--down'}`}
      title={i.t('dashboard.change_from_before')}
    >
      {d > 0 ? '▲' : '▼'} {i.number(Math.abs(d), 1)}
    </span>
  );
}
