/**
 * A target in words, the way a Vietnamese document writes it:
 * "≥ 90% — cấp tỉnh — năm 2025". Numbers and the few words are supplied by
 * the caller (its locale), so the same rule serves the web app and the CLI.
 */
import type { ProgramTarget, TargetLevel } from './program';

/** What the caller supplies: its number format and its translations. */
export interface TargetWording {
  number: (value: number) => string;
  /**
   * Translates `documents.level.<level>`, `documents.year`, `documents.value.top`
   * and `documents.unit.<unit>` with their parameters.
   */
  t: (key: string, params?: Record<string, string | number>) => string;
}

const symbols: Record<string, string> = { '>=': '≥ ', '>': '> ', '<=': '≤ ', '<': '< ', '=': '' };

/**
 * The value part: "≥ 90%", "15–20%", "> 3.000 lượt", "nhóm 20 dẫn đầu".
 * @example formatTargetValue({ comparator: '>=', value: 90, valueMax: null, unit: 'percent' }, w) // "≥ 90%"
 */
export function formatTargetValue(
  target: Pick<ProgramTarget, 'comparator' | 'value' | 'valueMax' | 'unit'> & { unitLabel?: string | null },
  w: TargetWording,
): string {
  if (target.comparator === 'top') {
    const n =
      target.valueMax !== null
        ? `${w.number(target.value)}–${w.number(target.valueMax)}`
        : w.number(target.value);
    return w.t('documents.value.top', { n });
  }
  const suffix =
    target.unit === 'percent'
      ? '%'
      : target.unitLabel
        ? ` ${target.unitLabel}`
        : target.unit === 'count' || target.unit === 'other'
          ? ''
          : ` ${w.t(`documents.unit.${target.unit}`)}`;
  if (target.comparator === 'range' && target.valueMax !== null) {
    return `${w.number(target.value)}–${w.number(target.valueMax)}${suffix}`;
  }
  return `${symbols[target.comparator] ?? ''}${w.number(target.value)}${suffix}`;
}

/** The level in words ("cấp tỉnh"), or null when the target names none. */
export function formatTargetLevel(level: TargetLevel | null, w: TargetWording): string | null {
  return level ? w.t(`documents.level.${level}`) : null;
}

/**
 * The whole target: value — level — year, leaving out what is not stated.
 * @example formatTarget(t, w) // "≥ 90% — cấp tỉnh — năm 2025"
 */
export function formatTarget(
  target: Pick<ProgramTarget, 'comparator' | 'value' | 'valueMax' | 'unit' | 'level' | 'year'> & {
    unitLabel?: string | null;
  },
  w: TargetWording,
): string {
  const parts = [formatTargetValue(target, w)];
  const level = formatTargetLevel(target.level, w);
  if (level) parts.push(level);
  if (target.year !== null) parts.push(w.t('documents.year', { year: target.year }));
  return parts.join(' — ');
}
