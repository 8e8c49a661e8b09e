/**
 * Small pieces the reporting pages share: state badges, the demo label,
 * how a figure reads (a rate with its parts, or a value).
 */
import { useI18n } from '../../i18n';

export type ReportState = 'draft' | 'submitted' | 'returned' | 'approved';
export type Progress = 'not_started' | 'in_progress' | 'submitted' | 'returned' | 'approved';

const stateTone: Record<string, string> = {
  draft: 'muted',
  not_started: 'muted',
  in_progress: 'info',
  submitted: 'info',
  returned: 'warn',
  approved: 'ok',
  open: 'ok',
  closed: 'muted',
};

/** A report's state (or progress) as a coloured badge. */
export function StateBadge({ state }: { state: string }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${stateTone[state] ?? 'muted'}`} data-state={state}>
      {t(`report.state.${state}`)}
    </span>
  );
}

/** A round's state as a badge. */
export function RoundStateBadge({ state }: { state: string }) {
  const { t } = useI18n();
  return <span className={`badge badge--${stateTone[state] ?? 'muted'}`}>{t(`round.state.${state}`)}</span>;
}

/** "Dữ liệu minh họa / demo data", wherever demo figures show. */
export function DemoLabel() {
  const { t } = useI18n();
  return (
    <span className="demo-label" data-testid="demo-label">
      {t('demo.label')}
    </span>
  );
}

/** A ratio as "58,6% (85 / 145)", a value as "1.250". */
export function useFigure() {
  const { number } = useI18n();
  return (
    f: { numerator: number | null; denominator: number | null; value: number | null } | null,
    kind: string,
  ) => {
    if (!f) return '—';
    if (kind === 'ratio') {
      if (f.numerator === null || f.denominator === null) return '—';
      const rate = f.denominator > 0 ? `${number((100 * f.numerator) / f.denominator, 1)}%` : '—';
      return `${rate} (${number(f.numerator)} / ${number(f.denominator)})`;
    }
    return f.value === null ? '—' : number(f.value);
  };
}
