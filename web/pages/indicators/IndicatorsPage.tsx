/**
 * The indicator catalog: tabs by pillar, a search that ignores diacritics,
 * a filter by kind, and a table linking to each indicator. The filters live
 * in the address (`?q=&pillar=&kind=`) so a search can be shared and the
 * back button returns to it.
 */
import { useEffect, useRef, useState } from 'react';
import type { IndicatorList } from '../../../src/contracts/indicator';
import {
  type IndicatorKind,
  indicatorKinds,
  type Pillar,
  pillars,
} from '../../../src/domain/indicator/indicator';
import { useApi } from '../../api/useApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation, useTitle } from '../../router';
import { indicatorPath, kindBadge, pillarTabs, unitLabel } from './text';
import './indicators.css';

function listPath(
  q: string,
  pillar: Pillar | null,
  kind: IndicatorKind | null,
  base = '/api/indicators',
): string {
  const params = new URLSearchParams();
  if (q.trim()) params.set(base === '/api/indicators' ? 'search' : 'q', q.trim());
  if (pillar) params.set('pillar', pillar);
  if (kind) params.set('kind', kind);
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}

export function IndicatorsPage(_: { params: Record<string, string> }) {
  const { t, pick, locale } = useI18n();
  useTitle(t('indicators.title'));
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const pillarParam = search.get('pillar');
  const pillar = (pillars as readonly string[]).includes(pillarParam ?? '') ? (pillarParam as Pillar) : null;
  const kindParam = search.get('kind');
  const kind = (indicatorKinds as readonly string[]).includes(kindParam ?? '')
    ? (kindParam as IndicatorKind)
    : null;

  // the box follows typing at once; the address (and the request) a moment later
  const [text, setText] = useState(q);
  const pushed = useRef(q);
  useEffect(() => {
    // the address changed without us (back button, a link): show its search
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [q]);
  useEffect(() => {
    if (text.trim() === q.trim()) return;
    const timer = setTimeout(() => {
      pushed.current = text.trim();
      navigate(listPath(text, pillar, kind, '/indicators'), { replace: true });
    }, 250);
    return () => clearTimeout(timer);
  }, [text, q, pillar, kind]);

  const api = listPath(q, pillar, kind);
  // ?lang= so that an error comes in the language of the page, whatever the browser's own
  const { data, error, loading } = useApi<IndicatorList>(
    `${api}${api.includes('?') ? '&' : '?'}lang=${locale}`,
  );
  const total = data ? Object.values(data.pillarCounts).reduce((a, b) => a + b, 0) : 0;

  return (
    <section className="page indicators-page">
      <div className="page-header">
        <div>
          <h1>{t('indicators.title')}</h1>
          <p className="lead">{t('indicators.intro')}</p>
        </div>
      </div>

      <search className="indicator-filters">
        <div className="field indicator-filters__search">
          <label htmlFor="indicator-search">{t('indicators.search.label')}</label>
          <input
            id="indicator-search"
            type="search"
            value={text}
            placeholder={t('indicators.search.placeholder')}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
          />
          <span className="hint">{t('indicators.search.hint')}</span>
        </div>
        <div className="field">
          <label htmlFor="indicator-kind">{t('indicators.filter.kind')}</label>
          <select
            id="indicator-kind"
            value={kind ?? ''}
            onChange={(e) =>
              navigate(listPath(q, pillar, (e.target.value || null) as IndicatorKind | null, '/indicators'), {
                replace: true,
              })
            }
          >
            <option value="">{t('indicators.filter.kind_all')}</option>
            {indicatorKinds.map((k) => (
              <option key={k} value={k}>
                {t(`indicators.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </search>

      <div className="tabs" role="tablist" aria-label={t('indicators.pillars')}>
        {pillarTabs.map((p) => {
          const selected = (p === 'all' ? null : p) === pillar;
          const count = data ? (p === 'all' ? total : data.pillarCounts[p]) : null;
          return (
            <button
              key={p}
              type="button"
              role="tab"
              aria-selected={selected}
              onClick={() =>
                navigate(listPath(q, p === 'all' ? null : p, kind, '/indicators'), { replace: true })
              }
            >
              {t(p === 'all' ? 'indicators.pillar.all' : `indicators.pillar.${p}`)}
              {count !== null && <span className="tab-count">{count}</span>}
            </button>
          );
        })}
      </div>

      {error && <ErrorMessage error={error} />}
      {loading && !data && <Loading />}
      {data && (
        <>
          <p className="muted small" aria-live="polite">
            {data.items.length === data.catalogSize
              ? t('indicators.count', { count: data.items.length })
              : t('indicators.count_of', { count: data.items.length, total: data.catalogSize })}
          </p>
          {data.items.length === 0 ? (
            <div className="alert alert--info">{t('indicators.empty')}</div>
          ) : (
            <div className="table-wrap">
              <table className="data indicator-table">
                <thead>
                  <tr>
                    <th scope="col">{t('indicators.col.code')}</th>
                    <th scope="col">{t('indicators.col.name')}</th>
                    <th scope="col">{t('indicators.col.kind')}</th>
                    <th scope="col">{t('indicators.col.unit')}</th>
                    <th scope="col">{t('indicators.col.aggregation')}</th>
                    <th scope="col">{t('indicators.col.reported_by')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((i) => (
                    <tr key={i.code}>
                      <td className="nowrap">
                        <code>{i.code}</code>
                      </td>
                      <td>
                        <Link to={indicatorPath(i.code)} className="indicator-name">
                          {pick(i.nameVi, i.nameEn)}
                        </Link>
                        {!i.national && (
                          <span className="badge badge--warn indicator-own">{t('indicators.own')}</span>
                        )}
                        <div className="muted small">{pick(i.nameEn, i.nameVi)}</div>
                        <code className="indicator-code-inline small">{i.code}</code>
                      </td>
                      <td>
                        <span className={kindBadge[i.kind]}>{t(`indicators.kind.${i.kind}`)}</span>
                      </td>
                      <td className="nowrap">{unitLabel(i, pick)}</td>
                      <td className="small nowrap">{t(`indicators.aggregation.short.${i.aggregation}`)}</td>
                      <td className="small">
                        {i.unitKinds.map((k) => t(`indicators.unit_kind.${k}`)).join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
