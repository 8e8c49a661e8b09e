/**
 * `/provinces/:code/indicators/:indicatorCode` — one indicator of a province:
 * its trend with the target lines and the projection, the targets and their
 * status, a table and a bar chart by unit, the country on the tile map, and
 * the figures as CSV.
 */
import { useMemo, useState } from 'react';
import type { IndicatorView } from '../../../src/contracts/dashboard';
import type { TargetStatusItem, TargetStatusReport } from '../../../src/contracts/status';
import { provinceTiles63, provinceTiles2025 } from '../../../src/domain/reference/province-tiles';
import { useApi } from '../../api/useApi';
import { TrendChart } from '../../components/charts/TrendChart';
import { UnitBarChart } from '../../components/charts/UnitBarChart';
import { ErrorMessage, Loading } from '../../components/Status';
import { TileMap } from '../../components/TileMap';
import { useBoundaries } from '../../components/useBoundaries';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation, useTitle } from '../../router';
import '../overview/dashboard.css';
import {
  DemoLabel,
  Dialog,
  ProvinceTabs,
  SourceNote,
  StatusBadge,
  statusColors,
  TargetExplanation,
  targetText,
} from '../overview/status-parts';

export function IndicatorViewPage({ params }: { params: Record<string, string> }) {
  const i = useI18n();
  const code = params.code ?? '';
  const indicatorCode = params.indicatorCode ?? '';
  const { search } = useLocation();
  const qs = new URLSearchParams();
  for (const k of ['period', 'unitKind', 'view']) {
    const v = search.get(k);
    if (v) qs.set(k, v);
  }
  const path = `/api/provinces/${encodeURIComponent(code)}/indicators/${encodeURIComponent(indicatorCode)}`;
  const { data, error } = useApi<IndicatorView>(`${path}?${qs}`);
  // the targets' full judgements, for the explanation button
  const status = useApi<TargetStatusReport>(
    data
      ? `/api/provinces/${encodeURIComponent(code)}/target-status?${data.source === 'published' ? 'source=published' : `view=${data.view}`}`
      : null,
  );
  useTitle(data ? `${i.pick(data.indicator.nameVi, data.indicator.nameEn)} — ${data.province.name}` : '');
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  return <View data={data} code={code} csv={`${path}/csv?${qs}`} status={status.data ?? null} />;
}

function setQuery(key: string, value: string | null) {
  const url = new URL(window.location.href);
  if (value === null || value === '') url.searchParams.delete(key);
  else url.searchParams.set(key, value);
  navigate(`${url.pathname}${url.search}`, { replace: true });
}

function View({
  data,
  code,
  csv,
  status,
}: {
  data: IndicatorView;
  code: string;
  csv: string;
  status: TargetStatusReport | null;
}) {
  const i = useI18n();
  const ind = data.indicator;
  const name = i.pick(ind.nameVi, ind.nameEn);
  const unit = ind.aggregation === 'ratio' || ind.unitOfMeasure === '%' ? '%' : '';
  const unitLabel = i.pick(ind.unitOfMeasure, ind.unitOfMeasureEn);
  const [explain, setExplain] = useState<TargetStatusItem | null>(null);
  const boundaries = useBoundaries(data.national.layout);
  const fmt = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : unit === '%' ? i.percent(v) : `${i.number(v, 2)} ${unitLabel}`;

  // the chart follows one scope at a time: the whole province, or one level with its own targets
  const levels = useMemo(() => {
    const keys = [...new Set(data.targets.map((t) => t.level ?? 'whole'))];
    return keys.includes('whole') || keys.length === 0
      ? ['whole', ...keys.filter((k) => k !== 'whole')]
      : keys;
  }, [data.targets]);
  const [level, setLevel] = useState<string>(levels[0] ?? 'whole');
  const levelTargets = data.targets.filter((t) => (t.level ?? 'whole') === level);
  const points =
    level === 'whole' || levelTargets.length === 0
      ? data.trend
      : (levelTargets[0]?.series ?? []).map((p) => ({
          ...p,
          numerator: null,
          denominator: null,
          reportingUnits: 0,
        }));
  const targets = levelTargets.map((t) => ({
    label: i.t('dashboard.target_line_short', {
      target: targetText(i, { ...t, unit: t.judgedOn === 'share' || unit === '%' ? 'percent' : 'count' }),
      year: t.year,
    }),
    year: t.year,
    value: t.judgedOn === 'share' ? 100 : t.value,
    valueMax: t.valueMax,
    color: statusColors[t.status] === '#c9ced6' ? '#6b7280' : statusColors[t.status],
    projection: t.projection,
  }));
  const mapData = Object.fromEntries(
    data.national.items.map((x) => [
      x.code,
      x.visible ? { value: x.value } : { label: i.t('dashboard.not_published_short') },
    ]),
  );
  const levelTarget = data.targets.find(
    (t) => t.level !== null && data.units.kind && levelOf(data.units.kind) === t.level,
  );
  const meets = (v: number | null) => {
    if (v === null || !levelTarget) return null;
    return levelTarget.comparator === '<=' || levelTarget.comparator === '<'
      ? v <= levelTarget.value
      : v >= levelTarget.value;
  };

  return (
    <section className="page dashboard">
      <nav className="breadcrumbs" aria-label={i.t('nav.main')}>
        <Link to="/provinces">{i.t('provinces.title')}</Link> ›{' '}
        <Link to={`/provinces/${code}`}>{data.province.name}</Link> ›{' '}
        <Link to={`/provinces/${code}/overview`}>{i.t('dashboard.tab.overview')}</Link> › {name}
      </nav>
      <header className="dashboard-header">
        <div>
          <h1>{name}</h1>
          <p className="meta muted">
            <code>{ind.code}</code> · {i.t(`dashboard.pillar.${ind.pillar}`)} · {unitLabel} ·{' '}
            {data.province.name}{' '}
            <Link to={`/indicators/${ind.code}`}>{i.t('dashboard.indicator_definition')}</Link>
          </p>
          <SourceNote source={data.source} view={data.view} />
        </div>
        <div className="dashboard-header__tools">
          {data.isDemo && <DemoLabel />}
          {data.periods.length > 0 && (
            <label className="inline-field">
              {i.t('dashboard.period')}
              <select value={data.period ?? ''} onChange={(e) => setQuery('period', e.target.value)}>
                {data.periods.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
          )}
          <a className="btn btn--secondary" href={csv} download>
            {i.t('dashboard.download_csv')}
          </a>
        </div>
      </header>
      <ProvinceTabs code={code} />

      <div className="indicator-layout">
        <section className="card" aria-labelledby="trend">
          <h2 id="trend">{i.t('dashboard.trend')}</h2>
          {levels.length > 1 && (
            <fieldset className="segmented" aria-label={i.t('dashboard.chart_scope')}>
              {levels.map((l) => (
                <button key={l} type="button" aria-pressed={level === l} onClick={() => setLevel(l)}>
                  {i.t(`dashboard.level.${l}`)}
                </button>
              ))}
            </fieldset>
          )}
          {points.length === 0 ? (
            <p className="muted">{i.t('dashboard.no_figures')}</p>
          ) : (
            <TrendChart
              title={i.t('dashboard.trend_of', {
                name: `${name} (${i.t(`dashboard.level.${level}`).toLowerCase()})`,
                province: data.province.name,
              })}
              points={points}
              targets={targets}
              unit={unit}
              locale={i.locale}
              labels={{
                actual: i.t('dashboard.actual'),
                target: i.t('dashboard.target'),
                projection: i.t('dashboard.projection'),
                period: i.t('dashboard.period'),
                value: i.t('dashboard.value'),
              }}
            />
          )}
          {data.trend.some((t) => t.numerator !== null) && (
            <p className="muted small">{i.t('dashboard.ratio_rollup_note')}</p>
          )}
        </section>
        <section className="card" aria-labelledby="targets">
          <h2 id="targets">{i.t('dashboard.targets_on_indicator')}</h2>
          {data.targets.length === 0 ? (
            <p className="muted">{i.t('dashboard.no_targets_on_indicator')}</p>
          ) : (
            <ul className="indicator-targets">
              {data.targets.map((t) => {
                const item = status?.items.find((x) => x.target.id === t.targetId) ?? null;
                return (
                  <li key={t.targetId}>
                    <div>
                      <strong>{targetText(i, { ...t, unit: unit === '%' ? 'percent' : 'count' })}</strong> ·{' '}
                      {t.level ? i.t(`dashboard.level.${t.level}`) : i.t('dashboard.level.whole')} · {t.year}
                      {t.documentNumber ? <span className="muted small"> · {t.documentNumber}</span> : null}
                    </div>
                    <div className="indicator-targets__status">
                      <StatusBadge status={t.status} />
                      <span className="muted small">{i.t(`status.method.${t.method}`)}</span>
                      {t.projection && (
                        <span className="small">
                          {i.t('dashboard.projected_to', {
                            year: t.projection.year,
                            value: fmt(t.projection.value),
                          })}
                        </span>
                      )}
                      {item && (
                        <button
                          type="button"
                          className="btn btn--secondary btn--small explain-button"
                          onClick={() => setExplain(item)}
                        >
                          {i.t('dashboard.how_judged')}
                        </button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>

      <div className="indicator-layout indicator-layout--units">
        <section className="card" aria-labelledby="by-unit">
          <div className="card-head">
            <h2 id="by-unit">{i.t('dashboard.by_unit', { period: data.period ?? '—' })}</h2>
            <label className="inline-field">
              {i.t('dashboard.unit_kind')}
              <select value={data.units.kind ?? ''} onChange={(e) => setQuery('unitKind', e.target.value)}>
                {['commune', 'department', 'district', 'agency'].map((k) => (
                  <option key={k} value={k}>
                    {i.t(`units.kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {data.units.items.length === 0 ? (
            <p className="muted">{i.t('dashboard.no_units')}</p>
          ) : (
            <UnitBarChart
              title={i.t('dashboard.bar_title', { name, period: data.period ?? '' })}
              bars={data.units.items
                .filter((u) => u.value !== null)
                .map((u) => ({ name: u.name, value: u.value as number, meets: meets(u.value) }))}
              unit={unit}
              locale={i.locale}
              target={
                levelTarget
                  ? {
                      value: levelTarget.value,
                      label: i.t('dashboard.target_year', { year: levelTarget.year }),
                    }
                  : null
              }
              average={(() => {
                const p = data.trend.find((t) => t.periodId === data.period);
                return p ? { value: p.value, label: i.t('dashboard.province_value') } : null;
              })()}
            />
          )}
        </section>
        <section className="card" aria-labelledby="unit-table">
          <h2 id="unit-table">{i.t('dashboard.unit_table')}</h2>
          <div className="table-wrap unit-table">
            <table className="data">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{i.t('dashboard.col.unit')}</th>
                  <th className="num">{i.t('dashboard.value')}</th>
                  <th className="num">{i.t('dashboard.numerator')}</th>
                  <th className="num">{i.t('dashboard.denominator')}</th>
                </tr>
              </thead>
              <tbody>
                {data.units.items.map((u, n) => (
                  <tr key={u.unitId}>
                    <td className="num">{u.value === null ? '' : n + 1}</td>
                    <td>
                      <Link to={`/units/${u.unitId}/scorecard`}>{u.name}</Link>
                    </td>
                    <td className="num">{fmt(u.value)}</td>
                    <td className="num">{u.numerator === null ? '—' : i.number(u.numerator, 2)}</td>
                    <td className="num">{u.denominator === null ? '—' : i.number(u.denominator, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>

      <section className="card national-card" aria-labelledby="country">
        <div className="card-head">
          <h2 id="country">{i.t('dashboard.country', { period: data.period ?? '—' })}</h2>
          <Link to={`/national?indicator=${ind.code}${data.period ? `&period=${data.period}` : ''}`}>
            {i.t('dashboard.open_national')} →
          </Link>
        </div>
        <div className="national-map">
          <TileMap
            title={data.period ? i.t('dashboard.map_title', { name, period: data.period }) : name}
            data={mapData}
            tiles={data.national.layout === '63' ? provinceTiles63 : provinceTiles2025}
            boundaries={boundaries}
            unit={unit}
            locale={i.locale}
            selectedCode={
              data.province.successor && data.national.layout === '34'
                ? data.province.successor.code
                : data.province.code
            }
            onSelect={(c) => navigate(`/provinces/${c}/indicators/${ind.code}`)}
          />
          <div className="national-map__side">
            <p className="muted small">{i.t('dashboard.map_hint', { layout: data.national.layout })}</p>
            <ol className="national-mini">
              {data.national.items
                .filter((x) => x.value !== null)
                .sort((a, b) =>
                  ind.direction === 'lower_better'
                    ? (a.value ?? 0) - (b.value ?? 0)
                    : (b.value ?? 0) - (a.value ?? 0),
                )
                .slice(0, 10)
                .map((x) => (
                  <li key={x.code} className={x.code === data.province.code ? 'is-current' : undefined}>
                    <Link to={`/provinces/${x.code}/indicators/${ind.code}`}>{x.name}</Link>{' '}
                    <strong>{fmt(x.value)}</strong>
                  </li>
                ))}
            </ol>
            <p className="muted small">
              {i.t('dashboard.map_hidden', { n: data.national.items.filter((x) => !x.visible).length })}
            </p>
          </div>
        </div>
      </section>
      <Dialog open={explain !== null} onClose={() => setExplain(null)} title={i.t('dashboard.explain.title')}>
        {explain && <TargetExplanation item={explain} />}
      </Dialog>
    </section>
  );
}

function levelOf(kind: string): string {
  return kind === 'department' || kind === 'agency' ? 'province' : kind;
}
