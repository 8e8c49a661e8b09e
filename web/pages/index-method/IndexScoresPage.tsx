/**
 * `/provinces/:code/index` — the province's departments and communes scored
 * with its unit method for a year, ranked among their own kind, each opening
 * onto its score taken apart (manual items and adjustments for those allowed).
 */
import { useState } from 'react';
import type { IndexScoresReport } from '../../../src/contracts/index-score';
import type { UnitIndexScore } from '../../../src/domain/index-method/types';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation, useTitle } from '../../router';
import '../overview/dashboard.css';
import { DemoLabel, ProvinceTabs, SourceNote } from '../overview/status-parts';
import { PointsBar, ScoreDetail } from './score-parts';

export function IndexScoresPage({ params }: { params: Record<string, string> }) {
  const i = useI18n();
  const { user } = useAuth();
  const code = params.code ?? '';
  const { search } = useLocation();
  const year = search.get('year') ?? String(new Date().getFullYear() - 1);
  const { data, error, reload } = useApi<IndexScoresReport>(
    `/api/provinces/${encodeURIComponent(code)}/index-scores?year=${year}`,
  );
  const [open, setOpen] = useState<number | null>(null);
  useTitle(data ? i.t('dashboard.index_scores_title', { name: data.province.name }) : '');
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const groups = ['department', 'agency', 'commune', 'district'].map((k) => ({
    kind: k,
    items: data.items.filter((s) => (s.unit.peerGroup ?? s.unit.kind) === k),
  }));
  const thisYear = new Date().getFullYear();
  return (
    <section className="page dashboard">
      <nav className="breadcrumbs" aria-label={i.t('nav.main')}>
        <Link to="/provinces">{i.t('provinces.title')}</Link> ›{' '}
        <Link to={`/provinces/${code}`}>{data.province.name}</Link> › {i.t('dashboard.tab.index')}
      </nav>
      <header className="dashboard-header">
        <div>
          <h1>{i.t('dashboard.index_scores_title', { name: data.province.name })}</h1>
          <SourceNote source={data.source} publication={data.publication} />
          {data.method && (
            <p className="muted small">
              {i.t('dashboard.method_used', {
                name: i.pick(data.method.name.vi, data.method.name.en),
                version: data.method.version,
              })}{' '}
              <Link to={`/index-methods/${data.method.id}`}>{i.t('dashboard.open_method')}</Link>
            </p>
          )}
        </div>
        <div className="dashboard-header__tools">
          {data.isDemo && <DemoLabel />}
          <label className="inline-field">
            {i.t('dashboard.year')}
            <select
              value={year}
              onChange={(e) => navigate(`/provinces/${code}/index?year=${e.target.value}`, { replace: true })}
            >
              {[0, 1, 2, 3, 4].map((d) => (
                <option key={d} value={thisYear - d}>
                  {thisYear - d}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <ProvinceTabs code={code} />
      {!data.method && <p className="alert alert--info">{i.t('dashboard.no_method_for_year', { year })}</p>}
      {data.province.successor && (
        <p className="alert alert--warn">
          {i.t('dashboard.index_ceased', {
            name: data.province.name,
            successor: data.province.successor.name,
          })}{' '}
          <Link to={`/provinces/${data.province.successor.code}/index?year=${year}`}>
            {data.province.successor.name}
          </Link>
        </p>
      )}
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <section key={g.kind} className="card" aria-labelledby={`g-${g.kind}`}>
            <h2 id={`g-${g.kind}`}>
              {i.t('dashboard.ranked_among', { kind: i.t(`units.kind.${g.kind}`), n: g.items.length })}
            </h2>
            <div className="table-wrap">
              <table className="data score-table">
                <thead>
                  <tr>
                    <th className="num">{i.t('dashboard.col.rank')}</th>
                    <th>{i.t('dashboard.col.unit')}</th>
                    <th className="num">{i.t('dashboard.col.points')}</th>
                    <th>{i.t('dashboard.col.pillars')}</th>
                    <th className="num">{i.t('dashboard.col.coverage')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {g.items.map((s) => (
                    <ScoreRow
                      key={String(s.unit.id)}
                      s={s}
                      open={open === Number(s.unit.id)}
                      onToggle={() => setOpen(open === Number(s.unit.id) ? null : Number(s.unit.id))}
                      actions={{
                        year: Number(year),
                        methodCode: data.method?.code ?? 'UNIT_DX',
                        canAdjust: data.canAdjust,
                        canEnter: user !== null && data.source === 'live',
                        onChanged: reload,
                      }}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      {data.withoutData.length > 0 && (
        <section className="card">
          <details>
            <summary>{i.t('dashboard.units_without_data', { n: data.withoutData.length })}</summary>
            <p className="small">
              {data.withoutData.map((u) => (
                <span key={u.unitId} className="db-unit-chip">
                  <Link to={`/units/${u.unitId}/scorecard?year=${year}`}>{u.name}</Link>
                </span>
              ))}
            </p>
          </details>
        </section>
      )}
    </section>
  );
}

function ScoreRow({
  s,
  open,
  onToggle,
  actions,
}: {
  s: UnitIndexScore;
  open: boolean;
  onToggle: () => void;
  actions: Parameters<typeof ScoreDetail>[0]['actions'];
}) {
  const i = useI18n();
  return (
    <>
      <tr className={open ? 'is-open' : undefined}>
        <td className="num">
          <strong>{s.rank}</strong>
          <span className="muted small">/{s.peers}</span>
        </td>
        <td>
          <Link to={`/units/${s.unit.id}/scorecard?year=${actions?.year ?? ''}`}>{s.unit.name}</Link>
          {s.adjustments.length > 0 && <span className="badge badge--warn">{i.t('dashboard.adjusted')}</span>}
        </td>
        <td className="num nowrap">
          <strong>{i.number(s.total, 1)}</strong>
          <span className="muted small">/{i.number(s.maxTotal)}</span>
          <PointsBar points={s.total} max={s.maxTotal} />
        </td>
        <td className="pillar-minis">
          {s.byPillar
            .filter((p) => p.scored)
            .map((p) => (
              <span
                key={p.code}
                title={`${i.pick(p.name.vi, p.name.en)}: ${i.number(p.points, 1)}/${i.number(p.maxPoints)}`}
              >
                <PointsBar points={p.points} max={p.maxPoints} />
              </span>
            ))}
        </td>
        <td className="num">{i.percent(100 * s.coverage, 0)}</td>
        <td>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            aria-expanded={open}
            onClick={onToggle}
          >
            {open ? i.t('dashboard.close') : i.t('dashboard.details')}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="score-detail-row">
          <td colSpan={6}>
            <ScoreDetail score={s} {...(actions ? { actions } : {})} />
          </td>
        </tr>
      )}
    </>
  );
}
