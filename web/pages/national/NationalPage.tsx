/**
 * `/national?indicator=` (or `?index=DTI_PROVINCE`) — provinces ranked on an
 * indicator or on the index, with the tile map: the 34 provinces for periods
 * since 1 July 2025 (earlier figures of merged provinces added in), the 63
 * before. Provinces whose figures are neither published nor readable by the
 * visitor are shown without a value.
 */
import type { NationalComparison } from '../../../src/contracts/dashboard';
import type { NationalIndexReport } from '../../../src/contracts/index-score';
import type { IndicatorList } from '../../../src/contracts/indicator';
import { provinceTiles63, provinceTiles2025 } from '../../../src/domain/reference/province-tiles';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { TileMap } from '../../components/TileMap';
import { useBoundaries } from '../../components/useBoundaries';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation, useTitle } from '../../router';
import '../overview/dashboard.css';
import { DemoLabel } from '../overview/status-parts';

function go(params: Record<string, string | null>) {
  const url = new URL(window.location.href);
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === '') url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  navigate(`${url.pathname}${url.search}`, { replace: true });
}

export function NationalPage() {
  const i = useI18n();
  const { search } = useLocation();
  const index = search.get('index');
  const indicator = search.get('indicator') ?? (index ? null : 'GOV.WORKFILE_ONLINE');
  const period = search.get('period');
  const year = search.get('year');
  const { can } = useAuth();
  useTitle(i.t('dashboard.national_title'));
  const catalog = useApi<IndicatorList>('/api/indicators');
  return (
    <section className="page dashboard">
      <header className="dashboard-header">
        <div>
          <h1>{i.t('dashboard.national_title')}</h1>
          <p className="source-note">
            {i.t('dashboard.national_lead')}
            {can('system.manage') && (
              <>
                {' · '}
                <Link to="/boundaries">{i.t('nav.boundaries')}</Link>
              </>
            )}
          </p>
        </div>
        <div className="dashboard-header__tools">
          <fieldset className="segmented" aria-label={i.t('dashboard.compare_on')}>
            <button
              type="button"
              aria-pressed={!index}
              onClick={() => go({ index: null, year: null, indicator: indicator ?? 'GOV.WORKFILE_ONLINE' })}
            >
              {i.t('dashboard.compare_indicator')}
            </button>
            <button
              type="button"
              aria-pressed={!!index}
              onClick={() => go({ index: 'DTI_PROVINCE', indicator: null, period: null })}
            >
              {i.t('dashboard.compare_index')}
            </button>
          </fieldset>
          {!index && (
            <label className="inline-field">
              {i.t('dashboard.col.indicator')}
              <select
                value={indicator ?? ''}
                onChange={(e) => go({ indicator: e.target.value, period: null })}
              >
                {(catalog.data?.items ?? []).map((x) => (
                  <option key={x.code} value={x.code}>
                    {i.pick(x.nameVi, x.nameEn)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </header>
      {index ? (
        <IndexRanking method={index} year={year} />
      ) : indicator ? (
        <IndicatorRanking indicator={indicator} period={period} />
      ) : null}
    </section>
  );
}

function IndicatorRanking({ indicator, period }: { indicator: string; period: string | null }) {
  const i = useI18n();
  const { data, error } = useApi<NationalComparison>(
    `/api/national/comparison?indicator=${encodeURIComponent(indicator)}${period ? `&period=${period}` : ''}`,
  );
  const boundaries = useBoundaries(data?.layout ?? '34');
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const ind = data.indicator;
  const pct = ind.aggregation === 'ratio' || ind.unitOfMeasure === '%';
  const fmt = (v: number | null) => (v === null ? '—' : pct ? i.percent(v) : i.number(v, 2));
  const name = i.pick(ind.nameVi, ind.nameEn);
  const mapTitle = data.period ? i.t('dashboard.map_title', { name, period: data.period }) : name;
  const shown = data.items.filter((x) => x.value !== null);
  const hidden = data.items.filter((x) => !x.visible);
  return (
    <>
      <div className="national-toolbar">
        <label className="inline-field">
          {i.t('dashboard.period')}
          <select value={data.period ?? ''} onChange={(e) => go({ period: e.target.value })}>
            {[...data.periods].reverse().map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        {data.items.some((x) => x.isDemo && x.value !== null) && <DemoLabel />}
        <span className="muted small">{i.t('dashboard.layout_note', { layout: data.layout })}</span>
      </div>
      <div className="national-layout">
        <section className="card" aria-labelledby="map">
          <h2 id="map">{mapTitle}</h2>
          <TileMap
            title={mapTitle}
            data={Object.fromEntries(
              data.items.map((x) => [
                x.province.code,
                x.visible ? { value: x.value } : { label: i.t('dashboard.not_published_short') },
              ]),
            )}
            tiles={data.layout === '63' ? provinceTiles63 : provinceTiles2025}
            boundaries={boundaries}
            unit={pct ? '%' : ''}
            locale={i.locale}
            scale={{ type: 'sequential', reverse: ind.direction === 'lower_better' }}
            onSelect={(c) =>
              navigate(`/provinces/${c}/indicators/${ind.code}${data.period ? `?period=${data.period}` : ''}`)
            }
          />
        </section>
        <section className="card" aria-labelledby="ranking">
          <h2 id="ranking">{i.t('dashboard.ranking', { n: shown.length })}</h2>
          {shown.length === 0 ? (
            <p className="muted">{i.t('dashboard.ranking_empty')}</p>
          ) : (
            <table className="data ranking-table">
              <thead>
                <tr>
                  <th className="num">{i.t('dashboard.col.rank')}</th>
                  <th>{i.t('dashboard.col.province')}</th>
                  <th className="num">{i.t('dashboard.value')}</th>
                  <th className="num">{i.t('dashboard.numerator')}</th>
                  <th className="num">{i.t('dashboard.denominator')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((x) => (
                  <tr key={x.province.id}>
                    <td className="num">
                      <strong>{x.rank}</strong>
                    </td>
                    <td>
                      <Link
                        to={`/provinces/${x.province.code}/indicators/${ind.code}${data.period ? `?period=${data.period}` : ''}`}
                      >
                        {x.province.name}
                      </Link>
                      {x.isDemo && <span className="badge badge--warn">{i.t('dashboard.demo_short')}</span>}
                    </td>
                    <td className="num">{fmt(x.value)}</td>
                    <td className="num">{x.numerator === null ? '—' : i.number(x.numerator, 2)}</td>
                    <td className="num">{x.denominator === null ? '—' : i.number(x.denominator, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {hidden.length > 0 && (
            <p className="muted small">{i.t('dashboard.map_hidden', { n: hidden.length })}</p>
          )}
        </section>
      </div>
    </>
  );
}

function IndexRanking({ method, year }: { method: string; year: string | null }) {
  const i = useI18n();
  const { data, error } = useApi<NationalIndexReport>(
    `/api/national/index?method=${encodeURIComponent(method)}${year ? `&year=${year}` : ''}`,
  );
  const indexBoundaries = useBoundaries(data && data.year <= 2024 ? '63' : '34');
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const ranked = data.items.filter((x) => x.total !== null).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const hidden = data.items.filter((x) => !x.visible).length;
  const pillars = ranked[0]?.byPillar.filter((p) => p.scored) ?? [];
  return (
    <>
      <div className="national-toolbar">
        <label className="inline-field">
          {i.t('dashboard.year')}
          <select value={String(data.year)} onChange={(e) => go({ year: e.target.value })}>
            {[...data.years].reverse().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {data.method && (
          <span className="muted small">
            {i.pick(data.method.name.vi, data.method.name.en)} ({data.method.version}) ·{' '}
            <Link to={`/index-methods/${data.method.id}`}>{i.t('dashboard.open_method')}</Link> ·{' '}
            {i.t('dashboard.index_provisional')}
          </span>
        )}
      </div>
      <div className="national-layout">
        <section className="card" aria-labelledby="imap">
          <h2 id="imap">{i.t('dashboard.index_map', { year: data.year })}</h2>
          <TileMap
            title={i.t('dashboard.index_map', { year: data.year })}
            data={Object.fromEntries(
              data.items.map((x) => [
                x.province.code,
                x.visible ? { value: x.total } : { label: i.t('dashboard.not_published_short') },
              ]),
            )}
            tiles={data.year <= 2024 ? provinceTiles63 : provinceTiles2025}
            boundaries={indexBoundaries}
            locale={i.locale}
            fractionDigits={0}
            onSelect={(c) => navigate(`/provinces/${c}/overview`)}
          />
        </section>
        <section className="card" aria-labelledby="iranking">
          <h2 id="iranking">{i.t('dashboard.ranking', { n: ranked.length })}</h2>
          {ranked.length === 0 ? (
            <p className="muted">{i.t('dashboard.ranking_empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data ranking-table">
                <thead>
                  <tr>
                    <th className="num">{i.t('dashboard.col.rank')}</th>
                    <th>{i.t('dashboard.col.province')}</th>
                    <th className="num">{i.t('dashboard.col.points')}</th>
                    {pillars.map((p) => (
                      <th key={p.code} className="num" title={i.pick(p.name.vi, p.name.en)}>
                        {i.pick(p.name.vi, p.name.en)}
                      </th>
                    ))}
                    <th className="num">{i.t('dashboard.col.coverage')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ranked.map((x) => (
                    <tr key={x.province.id}>
                      <td className="num">
                        <strong>{x.rank}</strong>
                      </td>
                      <td>
                        <Link to={`/provinces/${x.province.code}/overview`}>{x.province.name}</Link>
                      </td>
                      <td className="num">
                        <strong>{i.number(x.total ?? 0, 1)}</strong>
                      </td>
                      {x.byPillar
                        .filter((p) => p.scored)
                        .map((p) => (
                          <td key={p.code} className="num">
                            {i.number(p.points, 1)}
                          </td>
                        ))}
                      <td className="num">{x.coverage === null ? '—' : i.percent(100 * x.coverage, 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {hidden > 0 && <p className="muted small">{i.t('dashboard.map_hidden', { n: hidden })}</p>}
        </section>
      </div>
    </>
  );
}
