/**
 * A province: who it is (code, type, validity), what became of it or what it
 * was formed from, its program documents, and its units as an expandable tree
 * on a chosen date (today, or before the 1 July 2025 reorganisation).
 */
import { useState } from 'react';
import type { LineageLink, UnitDetail, UnitSummary } from '../../../src/contracts/unit';
import { PROVINCES_2025_EFFECTIVE_ON } from '../../../src/domain/reference/provinces';
import { addDays } from '../../../src/domain/unit/unit';
import { useApi } from '../../api/useApi';
import { UnitTree } from '../../components/UnitTree';
import { useI18n } from '../../i18n';
import { Link, useTitle } from '../../router';
import { statusBadge, todayInVietnam, unitPath, unitStatus, unitTypeLabel, validityText } from './unit-text';
import '../provinces/units.css';

const BEFORE_2025 = addDays(PROVINCES_2025_EFFECTIVE_ON, -1);

/** What the province page needs of `GET /api/documents?provinceId=` (built by the documents area). */
interface ProgramDocumentItem {
  id: number;
  kind: string;
  number: string | null;
  title: string;
  issuedOn: string | null;
}

type I18n = ReturnType<typeof useI18n>;

/** The units at the other end of lineage links, as links with their dates and basis. */
export function LineageList({ links, i }: { links: LineageLink[]; i: I18n }) {
  return (
    <ul className="lineage-list">
      {links.map((l) => (
        <li key={l.id}>
          <Link to={unitPath(l.unit)}>{l.unit.name}</Link>{' '}
          <span className="badge">{i.t(`units.link.${l.kind}`)}</span>{' '}
          <span className="muted small">
            {i.date(l.effectiveOn)}
            {l.source ? ` · ${i.t('units.source', { source: l.source })}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Documents({ provinceId }: { provinceId: number }) {
  const i = useI18n();
  const { data, loading } = useApi<{ items: ProgramDocumentItem[] }>(
    `/api/documents?provinceId=${provinceId}`,
  );
  // the documents area may not answer yet: an absent or failing list is an empty one here
  const items = data?.items ?? [];
  if (loading && !data) return <p className="muted">{i.t('common.loading')}</p>;
  if (items.length === 0) return <p className="muted">{i.t('province.documents_empty')}</p>;
  return (
    <ul className="province-documents">
      {items.map((d) => (
        <li key={d.id}>
          <span className="badge badge--info">{i.t(`province.document_kind.${d.kind}`)}</span>
          <Link to={`/documents/${d.id}`} className="province-documents__title">
            {d.title}
          </Link>
          <div className="muted small">
            {[
              d.number ? i.t('province.number', { number: d.number }) : null,
              d.issuedOn ? i.t('province.issued_on', { date: i.date(d.issuedOn) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function ProvinceView({ unit }: { unit: UnitDetail & { sameCode?: UnitSummary[] } }) {
  const i = useI18n();
  const { t } = i;
  useTitle(unit.name);
  const status = unitStatus(unit, todayInVietnam());
  const dates = [unit.viewDate];
  if (status === 'current' && (unit.validFrom === null || unit.validFrom < PROVINCES_2025_EFFECTIVE_ON))
    dates.push(BEFORE_2025);
  const [at, setAt] = useState(unit.viewDate);
  const c = unit.childCounts;

  return (
    <section className="page province-page">
      <nav className="breadcrumbs" aria-label={t('nav.main')}>
        <Link to="/provinces">{t('provinces.title')}</Link> › {unit.name}
      </nav>
      <div className="page-header province-header">
        <div>
          <h1>{unit.name}</h1>
          <p className="meta">
            <span className="province-header__code">{t('units.official_code', { code: unit.code })}</span>
            <span>{unitTypeLabel(i, unit)}</span>
            <span className={statusBadge[status]}>{t(`units.status.${status}`)}</span>
            {unit.hasProgram && <span className="badge badge--info">{t('units.has_program')}</span>}
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
        {(unit.hasProgram || unit.predecessors.length > 0) && (
          <div className="province-dashboards" style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
            <Link to={`/provinces/${unit.code}/overview`} className="btn">
              {t('dashboard.open_overview')}
            </Link>
            <Link to={`/provinces/${unit.code}/tasks`} className="btn btn--secondary">
              {t('dashboard.tab.tasks')}
            </Link>
          </div>
        )}
      </div>

      {unit.successors.length > 0 && (
        <div className="alert alert--warn lineage-alert">
          <strong>
            {t('units.successor_note', { date: i.date(unit.successors[0]?.effectiveOn ?? '') })}
          </strong>
          <LineageList links={unit.successors} i={i} />
        </div>
      )}
      {unit.predecessors.length > 0 && (
        <div className="alert alert--info lineage-alert">
          <strong>{t('units.predecessor_note')}</strong>
          <LineageList links={unit.predecessors} i={i} />
        </div>
      )}
      {(unit.sameCode ?? []).map((o) => (
        <p key={o.id} className="muted small">
          {t('units.same_code', { code: o.code, name: o.name, validity: validityText(i, o).toLowerCase() })}{' '}
          <Link to={`/units/${o.id}`}>{t('provinces.open')} →</Link>
        </p>
      ))}

      <section className="province-stats" aria-label={t('units.counts_at', { date: i.date(unit.viewDate) })}>
        <p className="muted small">{t('units.counts_at', { date: i.date(unit.viewDate) })}</p>
        <div className="grid grid--4">
          {(['department', 'agency', 'district', 'commune'] as const).map((k) => (
            <div key={k} className="stat">
              <div className="stat__value">{i.number(c[k])}</div>
              <div className="stat__label">{t(`units.kind.${k}`)}</div>
            </div>
          ))}
        </div>
      </section>

      <div className="province-layout">
        <section className="card" aria-labelledby="province-tree">
          <div className="province-tree__head">
            <h2 id="province-tree">{t('units.tree')}</h2>
            {dates.length > 1 && (
              <fieldset className="segmented" aria-label={t('units.tree_at')}>
                {dates.map((d, n) => (
                  <button key={d} type="button" aria-pressed={at === d} onClick={() => setAt(d)}>
                    {n === 0
                      ? t('units.tree_today', { date: i.date(d) })
                      : t('units.tree_before', { date: i.date(d) })}
                  </button>
                ))}
              </fieldset>
            )}
          </div>
          <UnitTree
            key={at}
            rootId={unit.id}
            at={at}
            searchLabel={t('units.tree_search')}
            emptyHint={t('units.tree_communes_missing')}
          />
        </section>
        <aside>
          <section className="card" aria-labelledby="province-documents">
            <h2 id="province-documents">{t('province.documents')}</h2>
            <Documents provinceId={unit.id} />
          </section>
        </aside>
      </div>
    </section>
  );
}
