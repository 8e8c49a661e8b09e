/**
 * `/units/:id` — one unit: where it sits (its ancestors), what it is, when it
 * was in force, what it came from and went into, and the units below it. A
 * province opens as the province page.
 */
import type { UnitDetail } from '../../../src/contracts/unit';
import { useApi } from '../../api/useApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { UnitTree } from '../../components/UnitTree';
import { useI18n } from '../../i18n';
import { Link, useTitle } from '../../router';
import { LineageList, ProvinceView } from '../province/ProvinceView';
import {
  statusBadge,
  todayInVietnam,
  unitPath,
  unitStatus,
  unitTypeLabel,
  validityText,
} from '../province/unit-text';
import '../provinces/units.css';

function UnitView({ unit }: { unit: UnitDetail }) {
  const i = useI18n();
  const { t } = i;
  useTitle(unit.name);
  const status = unitStatus(unit, todayInVietnam());
  const below =
    unit.childCounts.department +
    unit.childCounts.agency +
    unit.childCounts.district +
    unit.childCounts.commune;
  const trail = unit.ancestors.filter((a) => a.kind !== 'nation');
  return (
    <section className="page unit-page">
      <nav className="breadcrumbs" aria-label={t('nav.main')}>
        <Link to="/provinces">{t('provinces.title')}</Link>
        {trail.map((a) => (
          <span key={a.id}>
            {' › '}
            <Link to={unitPath(a)}>{a.name}</Link>
          </span>
        ))}
        {' › '}
        {unit.name}
      </nav>
      <div className="page-header">
        <div>
          <h1>
            {unit.name}
            {unit.shortName && unit.codeSystem === 'internal' && (
              <span className="unit-short"> ({unit.shortName})</span>
            )}
          </h1>
          <p className="meta">
            <span className="province-header__code">
              {t(unit.codeSystem === 'dvhc' ? 'units.official_code' : 'units.internal_code', {
                code: unit.code,
              })}
            </span>
            <span>{unitTypeLabel(i, unit)}</span>
            <span className={statusBadge[status]}>{t(`units.status.${status}`)}</span>
          </p>
          <p className="muted small">
            {[
              unit.validFrom || unit.validTo ? `${t('units.validity')}: ${validityText(i, unit)}` : null,
              unit.nameEn,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
      </div>

      <div className="grid grid--2">
        {unit.parent && (
          <section className="card">
            <h2>{t('units.belongs_to')}</h2>
            <p>
              <Link to={unitPath(unit.parent)}>{unit.parent.name}</Link>{' '}
              <span className="muted small">{unitTypeLabel(i, unit.parent)}</span>
            </p>
          </section>
        )}
        {(unit.successors.length > 0 || unit.predecessors.length > 0) && (
          <section className="card">
            <h2>{t('units.lineage')}</h2>
            {unit.predecessors.length > 0 && (
              <>
                <h3>{t('units.predecessors')}</h3>
                <LineageList links={unit.predecessors} i={i} />
              </>
            )}
            {unit.successors.length > 0 && (
              <>
                <h3>{t('units.successors')}</h3>
                <LineageList links={unit.successors} i={i} />
              </>
            )}
          </section>
        )}
      </div>

      {below > 0 && (
        <section className="card">
          <h2>
            {t('units.children')} <span className="muted small">· {i.date(unit.viewDate)}</span>
          </h2>
          <UnitTree rootId={unit.id} at={unit.viewDate} searchLabel={t('common.search')} />
        </section>
      )}
    </section>
  );
}

export function UnitPage({ params }: { params: Record<string, string> }) {
  const { locale } = useI18n();
  const id = /^\d+$/.test(params.id ?? '') ? params.id : '0';
  const { data, error, loading } = useApi<UnitDetail>(`/api/units/${id}?lang=${locale}`);
  if (error) return <ErrorMessage error={error} />;
  if (loading || !data) return <Loading />;
  return data.kind === 'province' ? (
    <ProvinceView key={data.id} unit={data} />
  ) : (
    <UnitView key={data.id} unit={data} />
  );
}
