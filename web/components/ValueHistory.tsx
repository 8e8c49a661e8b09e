/**
 * Every revision of one figure — who changed it, when, from where (form,
 * Excel, API, DHIS2, a workflow step) and why — newest first.
 */
import type { ValueHistory as History } from '../../src/contracts/data-value';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n';
import { ErrorMessage, Loading } from './Status';

function figure(r: History['items'][number], number: (n: number, d?: number) => string): string {
  if (r.numerator !== null || r.denominator !== null) {
    const rate =
      r.numerator !== null && r.denominator ? ` (${number((100 * r.numerator) / r.denominator, 1)}%)` : '';
    return `${r.numerator === null ? '—' : number(r.numerator)} / ${r.denominator === null ? '—' : number(r.denominator)}${rate}`;
  }
  return r.value === null ? '—' : number(r.value);
}

const KNOWN_REASONS = ['submitted', 'recalled', 'returned', 'approved', 'reopened', 'evidence'];

/** A workflow reason ("returned: the comment") in the reader's language; anything else as written. */
function reasonText(reason: string, t: (key: string) => string): string {
  const [head = '', ...rest] = reason.split(':');
  if (!KNOWN_REASONS.includes(head)) return reason;
  return rest.length ? `${t(`report.reason.${head}`)}: ${rest.join(':').trim()}` : t(`report.reason.${head}`);
}

export function ValueHistory({ dataValueId }: { dataValueId: number }) {
  const { t, number, dateTime } = useI18n();
  const { data, error, loading } = useApi<History>(`/api/data-values/${dataValueId}/history`);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  return (
    <div className="value-history" data-testid="value-history">
      <div className="value-history__title">{t('report.history.title', { count: data.items.length })}</div>
      <ol className="value-history__list">
        {data.items.map((r) => (
          <li key={r.revision} className="value-history__item">
            <span className="value-history__when">{dateTime(r.changedAt)}</span>
            <span className="value-history__who">{r.changedBy ?? t('report.history.system')}</span>
            <span
              className={`badge badge--${r.status === 'approved' ? 'ok' : r.status === 'submitted' ? 'info' : 'muted'}`}
            >
              {t(`report.value_status.${r.status}`)}
            </span>
            <span className="value-history__figure">{figure(r, number)}</span>
            <span className="value-history__source">{t(`report.source.${r.source}`)}</span>
            {(r.reason || r.comment) && (
              <span className="value-history__why">
                {r.reason ? reasonText(r.reason, t) : ''}
                {r.comment ? `${r.reason ? ' — ' : ''}${t('report.history.comment')}: ${r.comment}` : ''}
              </span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
