/**
 * One indicator: what it measures, how it is computed (numerator and
 * denominator for a ratio), how unit figures roll up — said in words, with a
 * worked example for ratios — who reports it and on what legal basis.
 */
import type { Indicator } from '../../../src/contracts/indicator';
import { useApi } from '../../api/useApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, useTitle } from '../../router';
import { kindBadge, unitLabel } from './text';
import './indicators.css';

export function IndicatorDetailPage({ params }: { params: Record<string, string> }) {
  const { t, pick, locale } = useI18n();
  const code = params.code ?? '';
  // ?lang= so that an error comes in the language of the page, whatever the browser's own
  const {
    data: i,
    error,
    loading,
  } = useApi<Indicator>(`/api/indicators/${encodeURIComponent(code)}?lang=${locale}`);
  useTitle(i ? pick(i.nameVi, i.nameEn) : code);

  return (
    <section className="page indicator-detail">
      <nav className="breadcrumbs" aria-label="breadcrumb">
        <Link to="/indicators">{t('indicators.detail.back')}</Link> › <span>{code}</span>
      </nav>
      {error && <ErrorMessage error={error} />}
      {loading && !i && <Loading />}
      {i && <IndicatorView i={i} />}
    </section>
  );
}

function IndicatorView({ i }: { i: Indicator }) {
  const { t, pick } = useI18n();
  const text = (b: { vi: string; en: string | null } | null) => (b ? pick(b.vi, b.en) : '');
  // level readings matter when several units of one level report the figure
  const perLevel = i.unitKinds.some((k) => k !== 'province');
  return (
    <>
      <header className="indicator-detail__header">
        <div className="indicator-detail__badges">
          <code className="indicator-code">{i.code}</code>
          <span className="badge badge--info">{t(`indicators.pillar.${i.pillar}`)}</span>
          <span className={kindBadge[i.kind]}>{t(`indicators.kind.${i.kind}`)}</span>
          <span className={i.national ? 'badge' : 'badge badge--warn'}>
            {t(i.national ? 'indicators.national' : 'indicators.own')}
          </span>
        </div>
        <h1>{pick(i.nameVi, i.nameEn)}</h1>
        <p className="muted indicator-detail__other-name" lang={pick('en', 'vi')}>
          {pick(i.nameEn, i.nameVi)}
        </p>
      </header>

      <div className="indicator-detail__grid">
        <div className="indicator-detail__main">
          {i.definition && (
            <section className="card" aria-labelledby="def-h">
              <h2 id="def-h">{t('indicators.detail.definition')}</h2>
              <p>{text(i.definition)}</p>
            </section>
          )}

          <section className="card" aria-labelledby="calc-h">
            <h2 id="calc-h">{t('indicators.detail.calculation')}</h2>
            {i.kind === 'ratio' && i.numerator && i.denominator ? (
              <div className="indicator-formula">
                <div
                  className="indicator-formula__fraction"
                  role="img"
                  aria-label={t('indicators.detail.formula')}
                >
                  <div className="indicator-formula__part">
                    <span className="indicator-formula__label">{t('indicators.detail.numerator')}</span>
                    <span>{text(i.numerator)}</span>
                  </div>
                  <div className="indicator-formula__bar" aria-hidden="true" />
                  <div className="indicator-formula__part">
                    <span className="indicator-formula__label">{t('indicators.detail.denominator')}</span>
                    <span>{text(i.denominator)}</span>
                  </div>
                </div>
                <p className="muted small">{t('indicators.detail.formula')}</p>
              </div>
            ) : (
              <p>{t(`indicators.detail.value.${i.kind}`, { unit: unitLabel(i, pick) })}</p>
            )}
          </section>

          <section className="card" aria-labelledby="agg-h">
            <h2 id="agg-h">{t('indicators.detail.aggregation')}</h2>
            <p className="indicator-aggregation">{t(`indicators.aggregation.${i.aggregation}`)}.</p>
            {i.aggregation === 'ratio' && (
              <p className="alert alert--info small">{t('indicators.aggregation.ratio_example')}</p>
            )}
            {i.aggregation !== 'none' && <p className="small">{t('indicators.aggregation.missing')}</p>}
            {perLevel && i.aggregation !== 'none' && (
              <p className="small">{t('indicators.aggregation.level_readings')}</p>
            )}
          </section>

          <section className="card" aria-labelledby="legal-h">
            <h2 id="legal-h">{t('indicators.detail.legal_basis')}</h2>
            <ol className="indicator-legal">
              {i.legalBasis.map((d) => (
                <li key={d.vi}>{pick(d.vi, d.en)}</li>
              ))}
            </ol>
          </section>
        </div>

        <aside className="card indicator-detail__facts">
          <dl>
            <dt>{t('indicators.detail.code')}</dt>
            <dd>
              <code>{i.code}</code>
            </dd>
            <dt>{t('indicators.detail.pillar')}</dt>
            <dd>{t(`indicators.pillar.${i.pillar}`)}</dd>
            <dt>{t('indicators.detail.kind')}</dt>
            <dd>{t(`indicators.kind.${i.kind}`)}</dd>
            <dt>{t('indicators.detail.unit_of_measure')}</dt>
            <dd>{unitLabel(i, pick)}</dd>
            <dt>{t('indicators.detail.direction')}</dt>
            <dd>{t(`indicators.direction.${i.direction}`)}</dd>
            <dt>{t('indicators.detail.unit_kinds')}</dt>
            <dd>
              <ul className="indicator-unit-kinds">
                {i.unitKinds.map((k) => (
                  <li key={k}>{t(`indicators.unit_kind.${k}`)}</li>
                ))}
              </ul>
            </dd>
            {i.dataSource && (
              <>
                <dt>{t('indicators.detail.data_source')}</dt>
                <dd>{text(i.dataSource)}</dd>
              </>
            )}
          </dl>
        </aside>
      </div>
    </>
  );
}
