/**
 * Pieces every dashboard page shares: a status badge and a status bar, a
 * target in words ("≥ 90%", "8–10%", "nhóm 20 dẫn đầu"), the demo label, the
 * note saying where the figures come from (live or published), the province's
 * dashboard tabs, and the one-click explanation of a judgement.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import type { StatusCounts, TargetReading, TargetStatusItem } from '../../../src/contracts/status';
import { type TargetStatus, targetStatuses } from '../../../src/domain/status/types';
import { useI18n } from '../../i18n';
import { Link, useLocation } from '../../router';

type I18n = ReturnType<typeof useI18n>;

/** Colours of the statuses, the same as the tile map's. */
export const statusColors: Record<TargetStatus, string> = {
  met: '#1b6e2a',
  on_track: '#5aa454',
  at_risk: '#e8a317',
  off_track: '#c0392b',
  no_data: '#c9ced6',
};

export function StatusBadge({ status }: { status: TargetStatus }) {
  const { t } = useI18n();
  return <span className={`status-badge status-badge--${status}`}>{t(`status.${status}`)}</span>;
}

/** A stacked bar of counts by status, with the numbers beside. */
export function StatusBar({ counts, label }: { counts: StatusCounts; label: string }) {
  const i = useI18n();
  const total = targetStatuses.reduce((s, k) => s + counts[k], 0);
  return (
    <div className="status-bar">
      <div
        className="status-bar__track"
        role="img"
        aria-label={`${label}: ${targetStatuses.map((k) => `${i.t(`status.${k}`)} ${counts[k]}`).join(', ')}`}
      >
        {total === 0 ? (
          <span className="status-bar__empty" />
        ) : (
          targetStatuses.map((k) =>
            counts[k] > 0 ? (
              <span
                key={k}
                className="status-bar__segment"
                style={{ width: `${(100 * counts[k]) / total}%`, background: statusColors[k] }}
                title={`${i.t(`status.${k}`)}: ${counts[k]}`}
              />
            ) : null,
          )
        )}
      </div>
      <ul className="status-bar__legend">
        {targetStatuses.map((k) => (
          <li key={k}>
            <span className="status-dot" style={{ background: statusColors[k] }} />
            {i.t(`status.${k}`)} <strong>{counts[k]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The unit appended to a target's values. */
export function unitSuffix(unit: string, label?: string | null): string {
  if (unit === 'percent') return '%';
  return label ? ` ${label}` : '';
}

/** A value in the target's unit. */
export function formatValue(
  i: I18n,
  value: number | null | undefined,
  unit: string,
  label?: string | null,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return unit === 'percent' ? i.percent(value) : `${i.number(value, 2)}${unitSuffix(unit, label)}`;
}

/** "≥ 90%", "8–10%", "nhóm 20 dẫn đầu". */
export function targetText(
  i: I18n,
  t: { comparator: string; value: number; valueMax: number | null; unit: string; unitLabel?: string | null },
): string {
  const v = (x: number) => (t.unit === 'percent' ? i.percent(x, 2) : i.number(x, 2));
  const suffix = t.unit === 'percent' || t.unit === 'rank' ? '' : unitSuffix(t.unit, t.unitLabel);
  switch (t.comparator) {
    case 'top':
      return t.valueMax !== null && t.valueMax !== undefined && t.valueMax !== t.value
        ? i.t('dashboard.target.top_band', { from: i.number(t.value), to: i.number(t.valueMax) })
        : i.t('dashboard.target.top', { n: i.number(t.value) });
    case 'range':
      return `${v(t.value)}–${v(t.valueMax ?? t.value)}${suffix}`;
    case '>=':
      return `≥ ${v(t.value)}${suffix}`;
    case '>':
      return `> ${v(t.value)}${suffix}`;
    case '<=':
      return `≤ ${v(t.value)}${suffix}`;
    case '<':
      return `< ${v(t.value)}${suffix}`;
    default:
      return `${v(t.value)}${suffix}`;
  }
}

export function DemoLabel() {
  const { t } = useI18n();
  return <span className="demo-label">{t('dashboard.demo')}</span>;
}

/** Where the figures of a page come from: live (approved, or also awaiting approval) or as published. */
export function SourceNote({
  source,
  view,
  publication,
  computedAt,
}: {
  source: 'live' | 'published';
  view?: 'approved' | 'submitted';
  publication?: { periodId: string; publishedAt: string; publishedBy: string | null } | null;
  computedAt?: string;
}) {
  const i = useI18n();
  if (source === 'live')
    return (
      <p className="source-note">
        <span className="badge badge--info">{i.t('dashboard.source.live')}</span>{' '}
        {i.t(view === 'submitted' ? 'dashboard.source.live_submitted' : 'dashboard.source.live_approved')}
        {computedAt ? ` · ${i.t('dashboard.source.computed_at', { at: i.dateTime(computedAt) })}` : ''}
      </p>
    );
  return (
    <p className="source-note">
      <span className="badge badge--ok">{i.t('dashboard.source.published')}</span>{' '}
      {publication
        ? i.t('dashboard.source.published_detail', {
            year: publication.periodId,
            at: i.dateTime(publication.publishedAt),
            by: publication.publishedBy ?? '—',
          })
        : i.t('dashboard.source.nothing_published')}
    </p>
  );
}

/** The dashboards of a province, as tabs. */
export function ProvinceTabs({ code }: { code: string }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const tabs = [
    { to: `/provinces/${code}/overview`, key: 'dashboard.tab.overview' },
    { to: `/provinces/${code}/tasks`, key: 'dashboard.tab.tasks' },
    { to: `/provinces/${code}/index`, key: 'dashboard.tab.index' },
    { to: `/provinces/${code}`, key: 'dashboard.tab.province' },
  ];
  return (
    <nav className="tabs dashboard-tabs" aria-label={t('dashboard.tabs')}>
      {tabs.map((x) => (
        <Link
          key={x.to}
          to={x.to}
          className={pathname === x.to ? 'active' : undefined}
          aria-current={pathname === x.to ? 'page' : undefined}
        >
          {t(x.key)}
        </Link>
      ))}
    </nav>
  );
}

/** A modal dialog opened by a button; closes on Escape, on its close button, or outside. */
export function Dialog({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes the native dialog
    <dialog
      ref={ref}
      className="explain-dialog"
      aria-label={title}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      <div className="explain-dialog__head">
        <h2>{title}</h2>
        <button type="button" className="btn btn--secondary btn--small" onClick={onClose}>
          {t('dashboard.close')}
        </button>
      </div>
      <div className="explain-dialog__body">{children}</div>
    </dialog>
  );
}

function scopeText(i: I18n, r: TargetReading): string {
  const merged = r.scope.mergedFrom.map((m) => m.name).join(', ');
  if (r.scope.kind === 'time') return i.t('dashboard.scope.time', { name: r.scope.name });
  return merged
    ? i.t('dashboard.scope.today_merged', { name: r.scope.name, merged })
    : i.t('dashboard.scope.today', { name: r.scope.name });
}

/** One reading explained: scope, series, baseline, the method's formula, parameters and steps. */
function ReadingExplanation({ item, reading }: { item: TargetStatusItem; reading: TargetReading }) {
  const i = useI18n();
  const r = reading.result;
  const pick = (x: { vi: string; en: string }) => i.pick(x.vi, x.en);
  const unit = reading.judgedOn === 'share' ? 'percent' : item.target.unit;
  const fmt = (v: number | null | undefined) => formatValue(i, v, unit, item.target.unitLabel);
  return (
    <div className="reading">
      <p className="reading__scope">
        <strong>{scopeText(i, reading)}</strong>
        {reading.view === 'submitted' && (
          <span className="badge badge--warn">{i.t('dashboard.view.submitted')}</span>
        )}
      </p>
      <div className="reading__facts">
        <div>
          <span>{i.t('dashboard.explain.status')}</span>
          <StatusBadge status={r.status} />
        </div>
        <div>
          <span>{i.t('dashboard.explain.method')}</span>
          <strong>{i.t(`status.method.${r.method}`)}</strong>
        </div>
        <div>
          <span>{i.t('dashboard.explain.baseline')}</span>
          <strong>
            {reading.baseline ? `${fmt(reading.baseline.value)} (${reading.baseline.year})` : '—'}
          </strong>
          {reading.baseline && <small>{i.t(`dashboard.explain.baseline_${reading.baseline.source}`)}</small>}
        </div>
        <div>
          <span>{i.t('dashboard.explain.current')}</span>
          <strong>{reading.current ? `${fmt(reading.current.value)} (${reading.current.year})` : '—'}</strong>
        </div>
        <div>
          <span>{i.t('dashboard.explain.achievement')}</span>
          <strong>{reading.achievement === null ? '—' : i.percent(100 * reading.achievement)}</strong>
        </div>
        <div>
          <span>{i.t('dashboard.explain.projection', { year: item.target.year })}</span>
          <strong>{fmt(reading.projectedValue)}</strong>
        </div>
      </div>
      {r.fallback && <p className="alert alert--warn small">{i.t(`status.fallback.${r.fallback.reason}`)}</p>}
      {reading.judgedOn === 'share' && (
        <p className="muted small">{i.t('dashboard.explain.judged_on_share')}</p>
      )}
      {reading.series.length > 0 && (
        <table className="data reading__series">
          <caption>{i.t('dashboard.explain.series')}</caption>
          <thead>
            <tr>
              <th>{i.t('dashboard.period')}</th>
              <th className="num">{i.t('dashboard.value')}</th>
              <th className="num">{i.t('dashboard.numerator')}</th>
              <th className="num">{i.t('dashboard.denominator')}</th>
              <th className="num">{i.t('dashboard.reporting_units')}</th>
            </tr>
          </thead>
          <tbody>
            {reading.series.map((s) => (
              <tr key={s.periodId}>
                <td>{s.periodId}</td>
                <td className="num">{fmt(s.value)}</td>
                <td className="num">{s.numerator === null ? '—' : i.number(s.numerator, 2)}</td>
                <td className="num">{s.denominator === null ? '—' : i.number(s.denominator, 2)}</td>
                <td className="num">{i.number(s.reportingUnits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reading.level && (
        <div className="reading__level">
          <h4>
            {i.t('dashboard.explain.level', {
              level: i.t(`dashboard.level.${reading.level.level}`),
              period: reading.level.periodId,
            })}
          </h4>
          <div className="reading__level-grid">
            <div>
              <span>{i.t('dashboard.explain.level_rate')}</span>
              <strong>{reading.level.rate.value === null ? '—' : i.percent(reading.level.rate.value)}</strong>
            </div>
            <div>
              <span>{i.t('dashboard.explain.level_share')}</span>
              <strong>
                {reading.level.share.unitsMeeting}/{reading.level.share.unitsAssessed}
                {reading.level.share.share !== null ? ` (${i.percent(100 * reading.level.share.share)})` : ''}
              </strong>
            </div>
            <div>
              <span>{i.t('dashboard.explain.level_without')}</span>
              <strong>{reading.level.share.unitsWithoutData}</strong>
            </div>
          </div>
          <p className="small">{pick(reading.level.explanation)}</p>
          {reading.level.units.some((u) => u.meets === false) && (
            <details>
              <summary>
                {i.t('dashboard.explain.units_not_meeting', { n: reading.level.share.unitsNotMeeting })}
              </summary>
              <ul className="reading__units">
                {reading.level.units
                  .filter((u) => u.meets === false)
                  .sort((a, b) => (a.value ?? 0) - (b.value ?? 0))
                  .map((u) => (
                    <li key={u.unitId}>
                      <Link to={`/units/${u.unitId}/scorecard`}>{u.name}</Link> {fmt(u.value)}
                    </li>
                  ))}
              </ul>
            </details>
          )}
        </div>
      )}
      <h4>{i.t('dashboard.explain.formula')}</h4>
      <p className="reading__formula">{pick(r.formula)}</p>
      {Object.keys(r.parameters).length > 0 && (
        <p className="small">
          <strong>{i.t('dashboard.explain.parameters')}:</strong>{' '}
          {Object.entries(r.parameters)
            .map(([k, v]) => `${k} = ${typeof v === 'number' ? i.number(v, 3) : v}`)
            .join('; ')}
        </p>
      )}
      <h4>{i.t('dashboard.explain.steps')}</h4>
      <ol className="reading__steps">
        {r.steps.map((s, n) => (
          // steps are an ordered, fixed list
          // biome-ignore lint/suspicious/noArrayIndexKey: positions are the identity of steps
          <li key={n}>
            <span className="reading__step-label">{pick(s.label)}</span>
            <span className="reading__step-formula">{pick(s.formula)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The full explanation of a target's status: the reading that counts and, for a ceased province, today's. */
export function TargetExplanation({ item }: { item: TargetStatusItem }) {
  const i = useI18n();
  const t = item.target;
  return (
    <div className="explanation">
      <p className="explanation__target">
        <strong>
          {t.indicator ? i.pick(t.indicator.nameVi, t.indicator.nameEn) : i.t('dashboard.no_indicator')}
        </strong>
        <br />
        {i.t('dashboard.explain.target', {
          target: targetText(i, t),
          year: t.year,
          level: t.level ? i.t(`dashboard.level.${t.level}`) : i.t('dashboard.level.whole'),
        })}
        {t.yearAssumed && <span className="muted small"> · {i.t('dashboard.year_assumed')}</span>}
      </p>
      <blockquote className="explanation__quote">
        “{t.quote}”
        <footer>
          <Link to={`/documents/${t.documentId}`}>{t.documentNumber ?? t.documentTitle}</Link>
          {t.section ? ` · ${i.t('dashboard.section', { section: t.section })}` : ''}
        </footer>
      </blockquote>
      <p className="small muted">
        {i.t(`dashboard.method_source.${item.method.source}`, {
          method: i.t(`status.method.${item.method.requested}`),
        })}
      </p>
      <ReadingExplanation item={item} reading={item.primary} />
      {item.today && (
        <details className="explanation__today" open>
          <summary>{i.t('dashboard.explain.today_reading')}</summary>
          <ReadingExplanation item={item} reading={item.today} />
        </details>
      )}
    </div>
  );
}
