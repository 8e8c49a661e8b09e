/**
 * The provinces: the 34 in force today and the 63 before 1 July 2025, with a
 * switch between them (`?view=before` keeps the choice in the address), the
 * provinces with a digital-transformation program first, and the 2025 merges
 * ("Nam Định → Ninh Bình (từ 01/07/2025)").
 */
import { useState } from 'react';
import type { ProvinceItem, ProvincesResponse, UnitListsResponse } from '../../../src/contracts/unit';
import { PROVINCES_2025_EFFECTIVE_ON } from '../../../src/domain/reference/provinces';
import { foldVietnamese } from '../../../src/domain/text';
import { addDays } from '../../../src/domain/unit/unit';
import { useApi } from '../../api/useApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation, useTitle } from '../../router';
import {
  statusBadge,
  todayInVietnam,
  unitPath,
  unitStatus,
  unitTypeLabel,
  validityText,
} from '../province/unit-text';
import './units.css';

const BEFORE = addDays(PROVINCES_2025_EFFECTIVE_ON, -1);

type I18n = ReturnType<typeof useI18n>;

const short = (p: { shortName: string | null; name: string }) => p.shortName ?? p.name;

/**
 * "Hà Nam, Nam Định, Ninh Bình → Ninh Bình (từ 01/07/2025)"; codes are added
 * where a name alone would not tell the provinces apart ("Lào Cai (10) → Lào Cai (15)").
 */
function lineageText(i: I18n, p: ProvinceItem): string | null {
  const went = p.successors.length > 0;
  const links = went ? p.successors : p.predecessors;
  const first = links[0];
  if (!first) return null;
  const from = went ? [p] : [...p.predecessors, ...(p.validFrom === null ? [p] : [])];
  const to = went ? p.successors : [p];
  const names = [...from, ...to].map(short);
  const ambiguous = new Set(names).size < new Set([...from, ...to].map((x) => x.code)).size;
  const label = (x: { shortName: string | null; name: string; code: string }) =>
    ambiguous ? `${short(x)} (${x.code})` : short(x);
  return i.t('units.went_into', {
    from: from.map(label).join(', '),
    to: to.map(label).join(', '),
    date: i.date(first.effectiveOn),
  });
}

function ProgramCard({ p, reused, i }: { p: ProvinceItem; reused: Set<string>; i: I18n }) {
  const status = unitStatus(p, todayInVietnam());
  const successor = p.successors[0];
  return (
    <Link to={unitPath(p, reused)} className="province-card">
      <span className="province-card__code">{p.code}</span>
      <span className="province-card__body">
        <span className="province-card__name">{p.name}</span>
        <span className="province-card__meta">
          <span className={statusBadge[status]}>{i.t(`units.status.${status}`)}</span>{' '}
          {successor
            ? i.t('units.went_into', {
                from: short(p),
                to: short(successor),
                date: i.date(successor.effectiveOn),
              })
            : p.validFrom || p.validTo
              ? validityText(i, p)
              : null}
        </span>
      </span>
    </Link>
  );
}

export function ProvincesPage(_: { params: Record<string, string> }) {
  const i = useI18n();
  const { t } = i;
  useTitle(t('provinces.title'));
  const { search } = useLocation();
  const view = search.get('view') === 'before' ? 'before' : 'today';
  const [filter, setFilter] = useState('');
  const today = useApi<ProvincesResponse>(`/api/provinces?lang=${i.locale}`);
  const before = useApi<ProvincesResponse>(`/api/provinces?at=${BEFORE}&lang=${i.locale}`);
  const lists = useApi<UnitListsResponse>('/api/units/lists');
  const shown = view === 'before' ? before : today;

  // a code of the 63 that names another province today leads to the old province by id
  const todayCodes = new Map((today.data?.items ?? []).map((p) => [p.code, p.id]));
  const reused = new Set(
    (before.data?.items ?? [])
      .filter((p) => todayCodes.has(p.code) && todayCodes.get(p.code) !== p.id)
      .map((p) => p.code),
  );
  const withProgram = new Map<number, ProvinceItem>();
  // both dates are needed: a province with a program may have been merged since
  if (before.data && today.data) {
    for (const p of [...before.data.items, ...today.data.items]) if (p.hasProgram) withProgram.set(p.id, p);
  }

  const folded = foldVietnamese(filter);
  const rows = (shown.data?.items ?? []).filter(
    (p) => !folded || foldVietnamese(`${p.name} ${p.code}`).includes(folded) || p.code === filter.trim(),
  );
  const imported = (lists.data?.items ?? []).filter((l) => !l.builtin);

  return (
    <section className="page provinces-page">
      <div className="page-header">
        <div>
          <h1>{t('provinces.title')}</h1>
          <p className="lead">{t('provinces.lead')}</p>
        </div>
      </div>

      {withProgram.size > 0 && (
        <section className="card province-program" aria-labelledby="program-provinces">
          <h2 id="program-provinces">{t('units.seed_provinces')}</h2>
          <p className="muted small">{t('units.seed_provinces_hint')}</p>
          <div className="province-cards">
            {[...withProgram.values()].map((p) => (
              <ProgramCard key={p.id} p={p} reused={reused} i={i} />
            ))}
          </div>
        </section>
      )}

      <div className="tabs" role="tablist" aria-label={t('provinces.title')}>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'today'}
          onClick={() => navigate('/provinces', { replace: true })}
        >
          {t('provinces.tab_today', { count: today.data?.items.length ?? 34 })}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'before'}
          onClick={() => navigate('/provinces?view=before', { replace: true })}
        >
          {t('provinces.tab_before')}
        </button>
      </div>

      <div className="province-toolbar">
        <div className="search-box">
          <label className="visually-hidden" htmlFor="province-filter">
            {t('provinces.filter')}
          </label>
          <input
            id="province-filter"
            type="search"
            value={filter}
            placeholder={t('provinces.filter')}
            onChange={(e) => setFilter(e.target.value)}
            autoComplete="off"
          />
        </div>
        {shown.data && (
          <p className="muted small" aria-live="polite">
            {t('provinces.count', { count: rows.length })} · {t('units.tree_at').toLowerCase()}{' '}
            {i.date(shown.data.at)}
          </p>
        )}
      </div>

      {shown.error && <ErrorMessage error={shown.error} />}
      {shown.loading && !shown.data && <Loading />}
      {shown.data && shown.data.items.length === 0 && (
        <div className="alert alert--info">{t('provinces.none')}</div>
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data province-table">
            <thead>
              <tr>
                <th scope="col">{t('units.code')}</th>
                <th scope="col">{t('units.name')}</th>
                <th scope="col">{t('units.type')}</th>
                <th scope="col">{t('units.lineage')}</th>
                <th scope="col">{t('provinces.program')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const lineage = lineageText(i, p);
                const programBefore = p.predecessors.filter((x) => x.hasProgram);
                return (
                  <tr key={p.id} className={p.hasProgram ? 'province-row--program' : undefined}>
                    <td className="nowrap">
                      <code>{p.code}</code>
                    </td>
                    <td>
                      <Link to={unitPath(p, reused)} className="province-name">
                        {p.name}
                      </Link>
                    </td>
                    <td className="small">{unitTypeLabel(i, p)}</td>
                    <td className="small">
                      {lineage ?? <span className="muted">{t('units.unchanged')}</span>}
                      {programBefore.length > 0 && (
                        <div className="muted">
                          {programBefore.map((x) => (
                            <Link key={x.id} to={`/provinces/${x.code}`} className="province-predecessor">
                              {t('units.has_program')}: {short(x)}
                            </Link>
                          ))}
                        </div>
                      )}
                    </td>
                    <td>
                      {p.hasProgram && <span className="badge badge--info">{t('units.has_program')}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <footer className="province-sources muted small">
        <p>{t('provinces.sources')}</p>
        {imported.length > 0 && (
          <p>
            {t('provinces.lists')}:{' '}
            {imported
              .map(
                (l) =>
                  `${l.fileName}${l.effectiveOn ? ` (${t('units.valid_from', { from: i.date(l.effectiveOn) })})` : ''}`,
              )
              .join('; ')}
          </p>
        )}
      </footer>
    </section>
  );
}
