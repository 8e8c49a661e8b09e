/**
 * `/provinces/:code/overview` — where a province stands, for its leaders: the
 * targets of 2025 and 2030 by status, the three pillars and the foundations,
 * the largest gaps, late tasks, the index and its rank over the years, and
 * every confirmed target with its status and a one-click explanation.
 */
import { useMemo, useState } from 'react';
import type { ProvinceOverview } from '../../../src/contracts/dashboard';
import type { Publication, TargetStatusItem } from '../../../src/contracts/status';
import { ApiError, api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation, useTitle } from '../../router';
import './dashboard.css';
import { ProvinceMethodPanel, TargetMethodForm } from './MethodSettings';
import {
  DemoLabel,
  Dialog,
  formatValue,
  ProvinceTabs,
  SourceNote,
  StatusBadge,
  StatusBar,
  TargetExplanation,
  targetText,
} from './status-parts';

type I18n = ReturnType<typeof useI18n>;
const pillarOrder = ['government', 'economy', 'society', 'foundation', 'other'];

export function OverviewPage({ params }: { params: Record<string, string> }) {
  const i = useI18n();
  const code = params.code ?? '';
  const { search } = useLocation();
  const year = search.get('year');
  const source = search.get('source');
  const view = search.get('view');
  const qs = new URLSearchParams();
  if (year) qs.set('year', year);
  if (source) qs.set('source', source);
  if (view) qs.set('view', view);
  const { data, error, loading, reload } = useApi<ProvinceOverview>(
    `/api/provinces/${encodeURIComponent(code)}/overview?${qs}&lang=${i.locale}`,
  );
  useTitle(
    data
      ? i.t('dashboard.overview.title', { name: data.status.province.name })
      : i.t('dashboard.overview.heading'),
  );
  if (error) return <ErrorMessage error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return <Loading />;
  return <Overview data={data} code={code} reload={reload} />;
}

function setQuery(key: string, value: string | null) {
  const url = new URL(window.location.href);
  if (value === null || value === '') url.searchParams.delete(key);
  else url.searchParams.set(key, value);
  navigate(`${url.pathname}${url.search}`, { replace: true });
}

function Overview({ data, code, reload }: { data: ProvinceOverview; code: string; reload: () => void }) {
  const i = useI18n();
  const s = data.status;
  const [explainId, setExplainId] = useState<number | null>(null);
  const [tab, setTab] = useState<string>('2025');
  const byId = useMemo(() => new Map(s.items.map((x) => [x.target.id, x])), [s.items]);
  const explain = explainId === null ? null : (byId.get(explainId) ?? null);
  const setExplain = (x: TargetStatusItem | null) => setExplainId(x ? x.target.id : null);
  const years = [...new Set(s.items.map((x) => x.target.year))].sort();
  const activeTab = years.map(String).includes(tab) ? tab : String(years[0] ?? '');
  const thisYear = new Date().getFullYear();
  const province = s.province;
  const trendLast = data.index.trend.at(-1);

  return (
    <section className="page dashboard">
      <nav className="breadcrumbs" aria-label={i.t('nav.main')}>
        <Link to="/provinces">{i.t('provinces.title')}</Link> ›{' '}
        <Link to={`/provinces/${code}`}>{province.name}</Link> › {i.t('dashboard.tab.overview')}
      </nav>
      <header className="dashboard-header">
        <div>
          <h1>{i.t('dashboard.overview.title', { name: province.name })}</h1>
          <SourceNote source={s.source} view={s.view} publication={s.publication} computedAt={s.computedAt} />
        </div>
        <div className="dashboard-header__tools">
          {s.isDemo && <DemoLabel />}
          {s.source === 'live' && (
            <label className="inline-field">
              {i.t('dashboard.as_of')}
              <select value={String(s.asOf ?? thisYear)} onChange={(e) => setQuery('year', e.target.value)}>
                {[thisYear, thisYear - 1, thisYear - 2, thisYear - 3, thisYear - 4].map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
          )}
          {s.canReadLive && (
            <fieldset className="segmented" aria-label={i.t('dashboard.source.choose')}>
              <button
                type="button"
                aria-pressed={s.source === 'live' && s.view === 'approved'}
                onClick={() => {
                  setQuery('source', null);
                  setQuery('view', null);
                }}
              >
                {i.t('dashboard.view.approved')}
              </button>
              <button
                type="button"
                aria-pressed={s.source === 'live' && s.view === 'submitted'}
                onClick={() => {
                  setQuery('source', null);
                  setQuery('view', 'submitted');
                }}
              >
                {i.t('dashboard.view.submitted')}
              </button>
              <button
                type="button"
                aria-pressed={s.source === 'published'}
                onClick={() => {
                  setQuery('view', null);
                  setQuery('source', 'published');
                }}
              >
                {i.t('dashboard.view.published')}
              </button>
            </fieldset>
          )}
        </div>
      </header>
      <ProvinceTabs code={code} />

      {province.successor && (
        <div className="alert alert--warn">
          {i.t('dashboard.ceased', {
            name: province.name,
            successor: province.successor.name,
            date: i.date(province.successor.effectiveOn),
          })}{' '}
          <Link to={`/provinces/${province.successor.code}/overview`}>
            {i.t('dashboard.open_successor', { name: province.successor.name })}
          </Link>
        </div>
      )}
      {province.mergedFrom.length > 0 && (
        <div className="alert alert--info">
          {i.t('dashboard.merged_from', {
            names: province.mergedFrom.map((m) => m.name).join(', '),
            date: i.date(province.mergedFrom[0]?.effectiveOn ?? ''),
          })}
          {province.mergedFrom.map((m) => (
            <span key={m.id}>
              {' '}
              <Link to={`/provinces/${m.code}/overview`}>
                {i.t('dashboard.open_program', { name: m.name })}
              </Link>
            </span>
          ))}
        </div>
      )}

      {s.source === 'published' && !s.publication ? (
        <div className="card empty-state">
          <h2>{i.t('dashboard.not_published_title')}</h2>
          <p>{i.t('dashboard.not_published_text', { name: province.name })}</p>
          {!s.canReadLive && (
            <p>
              <Link to={`/sign-in?returnTo=${encodeURIComponent(window.location.pathname)}`}>
                {i.t('dashboard.sign_in_for_live')}
              </Link>
            </p>
          )}
        </div>
      ) : (
        <>
          <div className="kpi-grid">
            {['2025', '2030'].map((y) => (
              <section key={y} className="kpi kpi--targets" aria-labelledby={`kpi-${y}`}>
                <h2 id={`kpi-${y}`}>{i.t('dashboard.targets_of', { year: y })}</h2>
                <div className="kpi__big">
                  {s.counts[y] ? s.counts[y].met + s.counts[y].on_track : 0}
                  <span>/{s.counts[y] ? Object.values(s.counts[y]).reduce((a, b) => a + b, 0) : 0}</span>
                </div>
                <p className="kpi__caption">{i.t('dashboard.met_or_on_track')}</p>
                {s.counts[y] && (
                  <StatusBar counts={s.counts[y]} label={i.t('dashboard.targets_of', { year: y })} />
                )}
              </section>
            ))}
            <section className="kpi" aria-labelledby="kpi-tasks">
              <h2 id="kpi-tasks">{i.t('dashboard.tasks')}</h2>
              <div className={`kpi__big ${data.tasks.counts.late > 0 ? 'kpi__big--bad' : ''}`}>
                {data.tasks.counts.late}
                <span>/{data.tasks.total}</span>
              </div>
              <p className="kpi__caption">{i.t('dashboard.tasks_late_of')}</p>
              <p className="small">
                {i.t('dashboard.tasks_summary', {
                  done: data.tasks.counts.done,
                  behind: data.tasks.counts.behind,
                  noReport: data.tasks.counts.no_report,
                })}
              </p>
              <Link to={`/provinces/${code}/tasks`}>{i.t('dashboard.open_tasks')} →</Link>
            </section>
            <section className="kpi" aria-labelledby="kpi-index">
              <h2 id="kpi-index">{i.t('dashboard.index')}</h2>
              {trendLast ? (
                <>
                  <div className="kpi__big">
                    {i.number(trendLast.total, 0)}
                    <span>/{i.number(trendLast.maxTotal)}</span>
                  </div>
                  <p className="kpi__caption">
                    {i.t('dashboard.index_rank', {
                      rank: trendLast.rank,
                      peers: trendLast.peers,
                      year: trendLast.year,
                    })}
                  </p>
                  <IndexTrend data={data} />
                </>
              ) : (
                <p className="muted">{i.t('dashboard.index_none')}</p>
              )}
              {data.index.officialRank.length > 0 && (
                <p className="small">
                  {i.t('dashboard.official_rank')}:{' '}
                  {data.index.officialRank.map((r) => `${r.year}: ${i.number(r.value)}`).join(' · ')}
                </p>
              )}
              <Link to={`/national?index=DTI_PROVINCE`}>{i.t('dashboard.open_national')} →</Link>
            </section>
          </div>

          <section className="card" aria-labelledby="pillars">
            <h2 id="pillars">{i.t('dashboard.pillars')}</h2>
            <div className="pillar-grid">
              {pillarOrder
                .map((p) => data.pillars.find((x) => x.pillar === p))
                .filter((x): x is ProvinceOverview['pillars'][number] => x !== undefined)
                .map((p) => (
                  <div key={p.pillar} className={`pillar pillar--${p.pillar}`}>
                    <h3>{i.t(`dashboard.pillar.${p.pillar}`)}</h3>
                    <p className="pillar__count">{i.t('dashboard.n_targets', { n: p.targets })}</p>
                    <StatusBar counts={p.counts} label={i.t(`dashboard.pillar.${p.pillar}`)} />
                  </div>
                ))}
            </div>
          </section>

          <div className="dashboard-columns">
            <section className="card" aria-labelledby="gaps">
              <h2 id="gaps">{i.t('dashboard.gaps')}</h2>
              <p className="muted small">{i.t('dashboard.gaps_hint')}</p>
              {data.gaps.length === 0 ? (
                <p className="muted">{i.t('dashboard.gaps_none')}</p>
              ) : (
                <ol className="gap-list">
                  {data.gaps.map((g) => {
                    const item = byId.get(g.targetId);
                    if (!item) return null;
                    return (
                      <li key={g.targetId}>
                        <GapRow
                          i={i}
                          item={item}
                          remaining={g.remaining}
                          code={code}
                          onExplain={() => setExplain(item)}
                        />
                      </li>
                    );
                  })}
                </ol>
              )}
            </section>
            <section className="card" aria-labelledby="late">
              <h2 id="late">{i.t('dashboard.late_tasks')}</h2>
              {data.tasks.late.length === 0 ? (
                <p className="muted">{i.t('dashboard.late_none')}</p>
              ) : (
                <ul className="late-list">
                  {data.tasks.late.map((t) => (
                    <li key={`${t.taskId}-${t.lead.name}`}>
                      <span className="late-list__section">{t.section}</span>
                      <span className="late-list__title">{t.title}</span>
                      <span className="late-list__meta">
                        {t.lead.unitId ? (
                          <Link to={`/units/${t.lead.unitId}/scorecard`}>{t.lead.name}</Link>
                        ) : (
                          t.lead.name
                        )}{' '}
                        · {i.t('dashboard.due', { date: i.date(t.due) })}
                        {t.reported?.percent !== null && t.reported?.percent !== undefined
                          ? ` · ${i.percent(t.reported.percent, 0)}`
                          : ` · ${i.t('dashboard.task_state.no_report')}`}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <Link to={`/provinces/${code}/tasks`}>{i.t('dashboard.open_tasks')} →</Link>
            </section>
          </div>

          <section className="card" aria-labelledby="all-targets">
            <div className="card-head">
              <h2 id="all-targets">{i.t('dashboard.all_targets', { n: s.items.length })}</h2>
              <div className="tabs tabs--compact" role="tablist">
                {years.map((y) => (
                  <button
                    key={y}
                    type="button"
                    role="tab"
                    aria-selected={activeTab === String(y)}
                    onClick={() => setTab(String(y))}
                  >
                    {i.t('dashboard.by_year', { year: y })} (
                    {s.counts[String(y)]
                      ? Object.values(s.counts[String(y)] ?? {}).reduce((a, b) => a + b, 0)
                      : 0}
                    )
                  </button>
                ))}
              </div>
            </div>
            <TargetsTable
              items={s.items.filter((x) => String(x.target.year) === activeTab)}
              code={code}
              onExplain={setExplain}
            />
          </section>

          {s.canManage && (
            <section className="card" aria-label={i.t('dashboard.settings.province_title')}>
              <ProvinceMethodPanel provinceId={province.id} onSaved={reload} />
            </section>
          )}
          {(s.canManage || data.publications.length > 0) && (
            <PublicationPanel data={data} onPublished={reload} />
          )}
        </>
      )}
      <Dialog open={explain !== null} onClose={() => setExplain(null)} title={i.t('dashboard.explain.title')}>
        {explain && <TargetExplanation item={explain} />}
        {explain && s.canManage && (
          <TargetMethodForm provinceId={province.id} targetId={explain.target.id} onSaved={reload} />
        )}
      </Dialog>
    </section>
  );
}

function GapRow({
  i,
  item,
  remaining,
  code,
  onExplain,
}: {
  i: I18n;
  item: TargetStatusItem;
  remaining: number | null;
  code: string;
  onExplain: () => void;
}) {
  const t = item.target;
  const done = remaining === null ? null : Math.max(0, Math.min(1, 1 - remaining));
  return (
    <div className="gap-row">
      <div className="gap-row__head">
        {t.indicator ? (
          <Link to={`/provinces/${code}/indicators/${t.indicator.code}`}>
            {i.pick(t.indicator.nameVi, t.indicator.nameEn)}
          </Link>
        ) : (
          <span>{t.quote}</span>
        )}
        <StatusBadge status={item.status} />
      </div>
      <div className="gap-row__meta">
        {i.t('dashboard.gap_line', {
          level: t.level ? i.t(`dashboard.level.${t.level}`) : i.t('dashboard.level.whole'),
          target: targetText(i, t),
          year: t.year,
          current: formatValue(
            i,
            item.primary.current?.value,
            item.primary.judgedOn === 'share' ? 'percent' : t.unit,
            t.unitLabel,
          ),
        })}
        {t.documentNumber ? ` · ${t.documentNumber}` : ''}
      </div>
      <div
        className="db-progress"
        role="img"
        aria-label={i.t('dashboard.achievement_of', { p: done === null ? '—' : i.percent(100 * done, 0) })}
      >
        <span
          className={`db-progress__bar db-progress__bar--${item.status}`}
          style={{ width: `${100 * (done ?? 0)}%` }}
        />
      </div>
      <button type="button" className="link-button" onClick={onExplain}>
        {i.t('dashboard.how_judged')}
      </button>
    </div>
  );
}

/** Every target of a year, by pillar, with its status and the button that explains it. */
export function TargetsTable({
  items,
  code,
  onExplain,
}: {
  items: TargetStatusItem[];
  code: string;
  onExplain: (item: TargetStatusItem) => void;
}) {
  const i = useI18n();
  const hasToday = items.some((x) => x.today !== null);
  const groups = pillarOrder
    .map((p) => ({ pillar: p, rows: items.filter((x) => (x.target.indicator?.pillar ?? 'other') === p) }))
    .filter((g) => g.rows.length > 0);
  return (
    <div className="table-wrap">
      <table className="data targets-table">
        <thead>
          <tr>
            <th>{i.t('dashboard.col.indicator')}</th>
            <th>{i.t('dashboard.col.target')}</th>
            <th className="num">{i.t('dashboard.col.baseline')}</th>
            <th className="num">{i.t('dashboard.col.current')}</th>
            <th className="num">{i.t('dashboard.col.achievement')}</th>
            <th className="num">{i.t('dashboard.col.projection')}</th>
            <th>{i.t('dashboard.col.status')}</th>
            {hasToday && <th>{i.t('dashboard.col.today')}</th>}
            <th>
              <span className="visually-hidden">{i.t('dashboard.how_judged')}</span>
            </th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.pillar}>
            <tr className="group-row">
              <th colSpan={hasToday ? 9 : 8}>{i.t(`dashboard.pillar.${g.pillar}`)}</th>
            </tr>
            {g.rows.map((x) => {
              const t = x.target;
              const r = x.primary;
              const unit = r.judgedOn === 'share' ? 'percent' : t.unit;
              return (
                <tr key={t.id} className="status-row" data-target-id={t.id}>
                  <td>
                    {t.indicator ? (
                      <Link to={`/provinces/${code}/indicators/${t.indicator.code}`}>
                        {i.pick(t.indicator.nameVi, t.indicator.nameEn)}
                      </Link>
                    ) : (
                      <span title={t.quote}>
                        {t.quote.length > 80 ? `${t.quote.slice(0, 80)}…` : t.quote}
                      </span>
                    )}
                    <div className="muted small">
                      {t.level ? i.t(`dashboard.level.${t.level}`) : i.t('dashboard.level.whole')}
                      {t.documentNumber ? ` · ${t.documentNumber}` : ''}
                    </div>
                  </td>
                  <td className="nowrap">
                    {targetText(i, t)}{' '}
                    <span className="muted small">
                      ({t.year}
                      {t.yearAssumed ? '*' : ''})
                    </span>
                  </td>
                  <td className="num">
                    {r.baseline ? `${formatValue(i, r.baseline.value, unit, t.unitLabel)}` : '—'}
                    <div className="muted small">{r.baseline?.year ?? ''}</div>
                  </td>
                  <td className="num">
                    {r.current ? formatValue(i, r.current.value, unit, t.unitLabel) : '—'}
                    <div className="muted small">{r.current?.year ?? ''}</div>
                  </td>
                  <td className="num">{r.achievement === null ? '—' : i.percent(100 * r.achievement, 0)}</td>
                  <td className="num">{formatValue(i, r.projectedValue, unit, t.unitLabel)}</td>
                  <td>
                    <StatusBadge status={x.status} />
                    {r.result.fallback && (
                      <span
                        className="badge badge--muted"
                        title={i.t(`status.fallback.${r.result.fallback.reason}`)}
                      >
                        ↺
                      </span>
                    )}
                  </td>
                  {hasToday && <td>{x.today ? <StatusBadge status={x.today.result.status} /> : '—'}</td>}
                  <td>
                    <button
                      type="button"
                      className="btn btn--secondary btn--small explain-button"
                      onClick={() => onExplain(x)}
                    >
                      {i.t('dashboard.how_judged')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      {items.some((x) => x.target.yearAssumed) && (
        <p className="muted small">* {i.t('dashboard.year_assumed')}</p>
      )}
    </div>
  );
}

function IndexTrend({ data }: { data: ProvinceOverview }) {
  const i = useI18n();
  const trend = data.index.trend;
  if (trend.length < 2) return null;
  const w = 160;
  const h = 36;
  const max = Math.max(...trend.map((x) => x.normalized), 0.01);
  const pts = trend.map(
    (x, n) => `${(n / (trend.length - 1)) * (w - 8) + 4},${h - 4 - (x.normalized / max) * (h - 8)}`,
  );
  return (
    <div className="sparkline">
      <svg
        viewBox={`0 0 ${w} ${h}`}
        width={w}
        height={h}
        role="img"
        aria-label={trend
          .map((x) => `${x.year}: ${i.number(x.total, 0)}, ${i.t('dashboard.rank_short', { rank: x.rank })}`)
          .join('; ')}
      >
        <polyline points={pts.join(' ')} fill="none" stroke="#0b3a6f" strokeWidth="2" />
        {pts.map((p) => {
          const [x, y] = p.split(',');
          return <circle key={p} cx={x} cy={y} r="2.5" fill="#0b3a6f" />;
        })}
      </svg>
      <div className="sparkline__labels">
        {trend.map((x) => (
          <span key={x.year}>
            {x.year}: {i.t('dashboard.rank_short', { rank: x.rank })}
          </span>
        ))}
      </div>
      {data.index.method && (
        <p className="muted small">
          {i.pick(data.index.method.name.vi, data.index.method.name.en)} ({data.index.method.version}) ·{' '}
          {i.t('dashboard.index_provisional')}
        </p>
      )}
    </div>
  );
}

function PublicationPanel({ data, onPublished }: { data: ProvinceOverview; onPublished: () => void }) {
  const i = useI18n();
  const s = data.status;
  const [year, setYear] = useState(String((s.asOf ?? new Date().getFullYear()) - 0));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<Publication | null>(null);
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      setDone(
        await api<Publication>('POST', `/api/provinces/${s.province.id}/publications`, {
          year: Number(year),
          ...(note ? { note } : {}),
        }),
      );
      onPublished();
    } catch (e) {
      setError(
        e instanceof Error ? e : new ApiError(500, { code: 'http.error', message: String(e), details: [] }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="publish">
      <h2 id="publish">{i.t('dashboard.publications')}</h2>
      <p className="muted small">{i.t('dashboard.publish_hint')}</p>
      {s.canManage && (
        <div className="publish-form">
          <label className="inline-field">
            {i.t('dashboard.year')}
            <select value={year} onChange={(e) => setYear(e.target.value)}>
              {[0, 1, 2, 3, 4].map((d) => {
                const y = new Date().getFullYear() - d;
                return (
                  <option key={y} value={y}>
                    {y}
                  </option>
                );
              })}
            </select>
          </label>
          <label className="inline-field publish-form__note">
            {i.t('dashboard.publish_note')}
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </label>
          <button type="button" className="btn" disabled={busy} onClick={publish}>
            {i.t('dashboard.publish', { year })}
          </button>
        </div>
      )}
      {error && <ErrorMessage error={error} />}
      {done && <p className="alert alert--info">{i.t('dashboard.published_ok', { year: done.periodId })}</p>}
      {data.publications.length > 0 && (
        <table className="data">
          <thead>
            <tr>
              <th>{i.t('dashboard.year')}</th>
              <th>{i.t('dashboard.published_at')}</th>
              <th>{i.t('dashboard.published_by')}</th>
              <th>{i.t('dashboard.publish_note')}</th>
            </tr>
          </thead>
          <tbody>
            {data.publications.map((p) => (
              <tr key={p.id}>
                <td>{p.periodId}</td>
                <td>{i.dateTime(p.publishedAt)}</td>
                <td>{p.publishedBy ?? '—'}</td>
                <td>{p.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
