/**
 * The units below a unit on a date, as an expandable tree: the first level
 * grouped by kind (departments, other bodies, districts, communes), deeper
 * levels loaded when opened. A search box finds units anywhere below
 * (diacritics ignored) and lists them with where they sit.
 */
import { useEffect, useState } from 'react';
import type { UnitChild, UnitChildrenResponse, UnitSearchResponse } from '../../src/contracts/unit';
import type { UnitKind } from '../../src/domain/unit/unit';
import { apiGet } from '../api/client';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n';
import { unitPath, unitTypeLabel } from '../pages/province/unit-text';
import { Link } from '../router';
import { ErrorMessage, Loading } from './Status';
import '../pages/provinces/units.css';

const GROUPS: UnitKind[] = ['department', 'agency', 'district', 'commune', 'province'];

function Node({ unit, at }: { unit: UnitChild; at: string }) {
  const i = useI18n();
  const [open, setOpen] = useState(false);
  const [children, setChildren] = useState<UnitChild[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && children === null) {
      apiGet<UnitChildrenResponse>(`/api/units/${unit.id}/children?at=${at}&lang=${i.locale}`).then(
        (r) => setChildren(r.items),
        (e: Error) => setError(e),
      );
    }
  };
  const expandable = unit.childCount > 0;
  return (
    <li className="unit-tree__item">
      <div className="unit-tree__row">
        {expandable ? (
          <button
            type="button"
            className="unit-tree__toggle"
            aria-expanded={open}
            aria-label={`${open ? i.t('units.tree_less') : i.t('units.tree_more')}: ${unit.name}`}
            onClick={toggle}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="unit-tree__toggle unit-tree__toggle--leaf" aria-hidden="true">
            •
          </span>
        )}
        <Link to={unitPath(unit)} className="unit-tree__name">
          {unit.name}
        </Link>
        {unit.shortName && unit.codeSystem === 'internal' && (
          <span className="muted small">({unit.shortName})</span>
        )}
        <code className="unit-tree__code">{unit.code}</code>
        {expandable && <span className="unit-tree__count">{i.number(unit.childCount)}</span>}
      </div>
      {open && (
        <div className="unit-tree__children">
          {error && <ErrorMessage error={error} />}
          {!error && children === null && <Loading />}
          {children && (
            <ul className="unit-tree__list">
              {children.map((c) => (
                <Node key={c.id} unit={c} at={at} />
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}

// a long group (the communes of a province) shows its first units until asked for all
const GROUP_PREVIEW = 12;

function Group({ kind, units, at }: { kind: UnitKind; units: UnitChild[]; at: string }) {
  const i = useI18n();
  const [all, setAll] = useState(units.length <= GROUP_PREVIEW + 3);
  const shown = all ? units : units.slice(0, GROUP_PREVIEW);
  return (
    <section className="unit-tree__section" aria-label={i.t(`units.kind.${kind}`)}>
      <h3 className="unit-tree__group">
        {i.t(`units.kind.${kind}`)} <span className="tab-count">{i.number(units.length)}</span>
      </h3>
      <ul className="unit-tree__list unit-tree__list--root">
        {shown.map((u) => (
          <Node key={u.id} unit={u} at={at} />
        ))}
      </ul>
      {units.length > GROUP_PREVIEW + 3 && (
        <button
          type="button"
          className="btn btn--secondary btn--small unit-tree__all"
          onClick={() => setAll(!all)}
        >
          {all ? i.t('units.tree_show_less') : i.t('units.tree_show_all', { count: i.number(units.length) })}
        </button>
      )}
    </section>
  );
}

/** The tree below `rootId` on `at`; `searchLabel` is the placeholder of the search box. */
export function UnitTree({
  rootId,
  at,
  searchLabel,
  emptyHint,
}: {
  rootId: number;
  at: string;
  searchLabel?: string;
  /** Shown under the tree when a province has no communes on record (no list imported yet). */
  emptyHint?: string;
}) {
  const i = useI18n();
  const { t } = i;
  const top = useApi<UnitChildrenResponse>(`/api/units/${rootId}/children?at=${at}&lang=${i.locale}`);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useApi<UnitSearchResponse>(
    query.length >= 2
      ? `/api/units?search=${encodeURIComponent(query)}&withinId=${rootId}&at=${at}&limit=50&lang=${i.locale}`
      : null,
  );

  const items = top.data?.items ?? [];
  const groups = GROUPS.map((kind) => ({ kind, units: items.filter((u) => u.kind === kind) })).filter(
    (g) => g.units.length > 0,
  );
  const hasAdministrative = items.some((u) => u.kind === 'district' || u.kind === 'commune');

  return (
    <div className="unit-tree">
      <search className="search-box">
        <label className="visually-hidden" htmlFor={`unit-search-${rootId}`}>
          {searchLabel ?? t('common.search')}
        </label>
        <input
          id={`unit-search-${rootId}`}
          type="search"
          value={text}
          placeholder={searchLabel ?? t('common.search')}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
      </search>
      {query.length >= 2 ? (
        <div aria-live="polite">
          <h3 className="unit-tree__group">{t('units.search_results')}</h3>
          {search.error && <ErrorMessage error={search.error} />}
          {search.loading && !search.data && <Loading />}
          {search.data && search.data.items.length === 0 && <p className="muted">{t('units.search_none')}</p>}
          {search.data && search.data.items.length > 0 && (
            <ul className="unit-tree__results">
              {search.data.items.map((u) => (
                <li key={u.id}>
                  <Link to={unitPath(u)} className="unit-tree__name">
                    {u.name}
                  </Link>{' '}
                  <code className="unit-tree__code">{u.code}</code>
                  <div className="muted small">
                    {unitTypeLabel(i, u)}
                    {u.path.length > 1 ? ` · ${u.path.slice(1).join(' · ')}` : ''}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <>
          {top.error && <ErrorMessage error={top.error} />}
          {top.loading && !top.data && <Loading />}
          {top.data && items.length === 0 && <p className="muted">{t('units.tree_empty')}</p>}
          {groups.map((g) => (
            <Group key={g.kind} kind={g.kind} units={g.units} at={at} />
          ))}
          {top.data && !hasAdministrative && emptyHint && (
            <p className="alert alert--info small">{emptyHint}</p>
          )}
        </>
      )}
    </div>
  );
}
