/**
 * Labels of the catalog's closed sets, shared by the list and the detail page.
 */
import type { Indicator } from '../../../src/contracts/indicator';
import { type IndicatorKind, type Pillar, pillars } from '../../../src/domain/indicator/indicator';

export const pillarTabs: readonly (Pillar | 'all')[] = ['all', ...pillars];

export const kindBadge: Record<IndicatorKind, string> = {
  ratio: 'badge badge--info',
  count: 'badge badge--ok',
  amount: 'badge badge--warn',
  rank: 'badge badge--bad',
  boolean: 'badge badge--muted',
};

/** The URL of an indicator's page. */
export const indicatorPath = (code: string) => `/indicators/${encodeURIComponent(code)}`;

/** Units of measure read better in words for yes/no and ranks; others as stated. */
export function unitLabel(
  i: Pick<Indicator, 'unitOfMeasure'>,
  pick: (vi: string | null, en: string | null) => string,
) {
  return pick(i.unitOfMeasure.vi, i.unitOfMeasure.en);
}
