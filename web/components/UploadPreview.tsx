/**
 * What an upload of figures would do, or did: the verdict, the counts, every
 * bad cell by sheet, row and column with its reason in both languages, every
 * figure added, changed or cleared (stored → in the file), and remarks.
 */
import type { FigureState, UploadResult } from '../../src/contracts/exchange';
import { useI18n } from '../i18n';

const STATUS_CLASS: Record<UploadResult['status'], string> = {
  invalid: 'alert--error',
  ready: 'alert--info',
  saved: 'alert--ok',
  stale: 'alert--warn',
  empty: 'alert--info',
};

function Figure({ kind, v }: { kind: string; v: FigureState | null }) {
  const { number, percent, t } = useI18n();
  if (!v) return <span className="muted">—</span>;
  let main: string;
  if (kind === 'ratio') {
    if (v.numerator === null && v.denominator === null) main = t('exchange.page.empty_value');
    else {
      const parts = `${v.numerator === null ? '…' : number(v.numerator)} / ${v.denominator === null ? '…' : number(v.denominator)}`;
      const rate =
        v.numerator !== null && v.denominator !== null && v.denominator > 0
          ? ` (${percent((100 * v.numerator) / v.denominator)})`
          : '';
      main = parts + rate;
    }
  } else main = v.value === null ? t('exchange.page.empty_value') : number(v.value);
  return (
    <span>
      <span className="figure">{main}</span>
      {v.comment && <span className="figure-comment">“{v.comment}”</span>}
    </span>
  );
}

/** The preview of an upload; `onConfirm` shows the confirm button when the file may be saved. */
export function UploadPreview({
  result,
  onConfirm,
  onReset,
  busy,
}: {
  result: UploadResult;
  onConfirm?: () => void;
  onReset?: () => void;
  busy?: boolean;
}) {
  const { t, locale, dateTime, number } = useI18n();
  const c = result.counts;
  const toSave = c.new + c.changed + c.cleared;
  const message = {
    invalid: t('exchange.page.status_invalid', { count: number(c.problems) }),
    ready: t('exchange.page.status_ready'),
    saved: t('exchange.page.status_saved', {
      imported: number(result.saved?.imported ?? 0),
      updated: number(result.saved?.updated ?? 0),
    }),
    stale: t('exchange.page.status_stale'),
    empty: t('exchange.page.status_empty'),
  }[result.status];
  const first = (r: { vi: string; en: string }) => (locale === 'en' ? r.en : r.vi);
  const second = (r: { vi: string; en: string }) => (locale === 'en' ? r.vi : r.en);
  return (
    <section className="upload-preview" aria-live="polite">
      <div
        className={`alert ${STATUS_CLASS[result.status]}`}
        role={result.status === 'invalid' ? 'alert' : 'status'}
      >
        <strong>{message}</strong>
        <div className="small">
          {result.file.name}
          {result.template &&
            ` · ${t('exchange.page.template_of', {
              round: result.template.roundName,
              period: result.template.periodLabel,
              province: result.template.provinceName,
              at: dateTime(result.template.generatedAt),
            })}`}
        </div>
      </div>

      <div className="upload-counts">
        {(
          [
            ['rows', c.rows, ''],
            ['new', c.new, 'stat--new'],
            ['changed', c.changed, 'stat--changed'],
            ['cleared', c.cleared, 'stat--cleared'],
            ['unchanged', c.unchanged, ''],
            ['problems', c.problems, c.problems ? 'stat--bad' : ''],
          ] as const
        ).map(([key, n, cls]) => (
          <div key={key} className={`stat ${cls}`}>
            <div className="stat__value">{number(n)}</div>
            <div className="stat__label">{t(`exchange.page.count_${key}`)}</div>
          </div>
        ))}
      </div>

      {result.problems.length > 0 && (
        <>
          <h3>{t('exchange.page.problems')}</h3>
          <div className="table-wrap">
            <table className="data problems">
              <thead>
                <tr>
                  <th>{t('exchange.page.col_sheet')}</th>
                  <th className="num">{t('exchange.page.col_row')}</th>
                  <th>{t('exchange.page.col_column')}</th>
                  <th>{t('exchange.page.col_value')}</th>
                  <th>{t('exchange.page.col_reason')}</th>
                </tr>
              </thead>
              <tbody>
                {result.problems.map((p) => (
                  <tr key={`${p.sheet}|${p.row}|${p.column}|${p.code}|${p.value}`} className="problem-row">
                    <td>{p.sheet ?? '—'}</td>
                    <td className="num">{p.row ?? '—'}</td>
                    <td>
                      {p.cell ? <code className="cell-ref">{p.cell}</code> : '—'}
                      {p.columnLabel && <div className="small muted">{p.columnLabel}</div>}
                    </td>
                    <td>{p.value ? <code>{p.value}</code> : <span className="muted">—</span>}</td>
                    <td>
                      <div lang={locale}>{first(p.reason)}</div>
                      <div className="small muted" lang={locale === 'en' ? 'vi' : 'en'}>
                        {second(p.reason)}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {c.problems > result.problems.length && (
            <p className="small muted">
              {t('exchange.page.more_problems', { count: number(c.problems - result.problems.length) })}
            </p>
          )}
        </>
      )}

      {result.warnings.length > 0 && (
        <div className="alert alert--warn">
          <strong>{t('exchange.page.warnings')}</strong>
          <ul>
            {result.warnings.map((w) => (
              <li key={`${w.sheet}|${w.cell}|${w.code}|${w.reason.vi}`}>
                {w.cell && <code className="cell-ref">{w.sheet ? `${w.sheet}!${w.cell}` : w.cell}</code>}{' '}
                {first(w.reason)}
              </li>
            ))}
          </ul>
        </div>
      )}

      {result.changes.length > 0 && result.status !== 'invalid' && (
        <>
          <h3>{t(result.status === 'saved' ? 'exchange.page.changes_saved' : 'exchange.page.changes')}</h3>
          <div className="table-wrap">
            <table className="data changes">
              <thead>
                <tr>
                  <th>{t('exchange.page.col_unit')}</th>
                  <th>{t('exchange.page.col_indicator')}</th>
                  <th>{t('exchange.page.col_change')}</th>
                  <th className="num">{t('exchange.page.col_before')}</th>
                  <th className="num">{t('exchange.page.col_after')}</th>
                </tr>
              </thead>
              <tbody>
                {result.changes.map((ch) => (
                  <tr key={`${ch.unitCode}|${ch.indicatorCode}|${ch.periodId}`}>
                    <td>
                      {ch.unitName}
                      <div className="small muted">
                        {ch.unitCode}
                        {ch.sheet && ch.row
                          ? ` · ${ch.sheet}, ${t('exchange.page.col_row').toLowerCase()} ${ch.row}`
                          : ''}
                      </div>
                    </td>
                    <td>
                      {ch.indicatorName}
                      <div className="small muted">
                        <code>{ch.indicatorCode}</code> · {ch.periodId}
                      </div>
                    </td>
                    <td>
                      <span
                        className={`badge ${ch.change === 'new' ? 'badge--ok' : ch.change === 'cleared' ? 'badge--bad' : 'badge--warn'}`}
                      >
                        {t(`exchange.page.change_${ch.change}`)}
                      </span>
                    </td>
                    <td className="num">
                      <Figure kind={ch.indicatorKind} v={ch.before} />
                    </td>
                    <td className="num">
                      <span className="arrow" aria-hidden="true">
                        →{' '}
                      </span>
                      <Figure kind={ch.indicatorKind} v={ch.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {toSave > result.changes.length && (
            <p className="small muted">
              {t('exchange.page.more_changes', { count: number(toSave - result.changes.length) })}
            </p>
          )}
        </>
      )}

      <div className="upload-actions">
        {onConfirm && (result.status === 'ready' || result.status === 'stale') && (
          <button type="button" className="btn" onClick={onConfirm} disabled={busy}>
            {t('exchange.page.confirm', { count: number(toSave) })}
          </button>
        )}
        {onReset && (
          <button type="button" className="btn btn--secondary" onClick={onReset} disabled={busy}>
            {t('exchange.page.cancel')}
          </button>
        )}
      </div>
    </section>
  );
}
