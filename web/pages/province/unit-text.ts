/**
 * Words and links the unit pages share: validity as a sentence, status, the
 * type of a unit, where a unit's page is.
 */
import type { UnitSummary } from '../../../src/contracts/unit';
import { addDays, isValidAt, vietnamDate } from '../../../src/domain/unit/unit';
import type { useI18n } from '../../i18n';

type I18n = ReturnType<typeof useI18n>;

/** "Đang hiệu lực", "Đến hết 30/06/2025", "Từ 01/07/2025", "Từ … đến hết …" (validTo is exclusive). */
export function validityText(i: I18n, u: Pick<UnitSummary, 'validFrom' | 'validTo'>): string {
  const last = u.validTo ? i.date(addDays(u.validTo, -1)) : null;
  if (u.validFrom && last) return i.t('units.valid_between', { from: i.date(u.validFrom), to: last });
  if (u.validFrom) return i.t('units.valid_from', { from: i.date(u.validFrom) });
  if (last) return i.t('units.valid_to', { to: last });
  return i.t('units.valid_always');
}

export type UnitStatus = 'current' | 'ended' | 'future';

/** Whether a unit is in force on a date, ended before it, or starts after it. */
export function unitStatus(u: Pick<UnitSummary, 'validFrom' | 'validTo'>, today: string): UnitStatus {
  if (isValidAt(u, today)) return 'current';
  return u.validFrom && today < u.validFrom ? 'future' : 'ended';
}

export const statusBadge: Record<UnitStatus, string> = {
  current: 'badge badge--ok',
  ended: 'badge badge--muted',
  future: 'badge badge--info',
};

const SUBKIND_KEYS: Record<string, string> = {
  tỉnh: 'province',
  'thành phố': 'city',
  quận: 'urban_district',
  huyện: 'rural_district',
  'thị xã': 'town',
  xã: 'commune',
  phường: 'ward',
  'thị trấn': 'township',
  'đặc khu': 'special_zone',
};

/** The type of a unit: its sub-kind when known ("Phường", "Thành phố trực thuộc trung ương"), else its kind. */
export function unitTypeLabel(i: I18n, u: Pick<UnitSummary, 'kind' | 'subkind'>): string {
  const key = u.subkind ? SUBKIND_KEYS[u.subkind] : undefined;
  if (key) return i.t(`units.subkind.${u.kind === 'province' && key === 'city' ? 'central_city' : key}`);
  return i.t(`units.kind_one.${u.kind}`);
}

/**
 * The page of a unit: a province in force by its code (`/provinces/40`), any
 * other unit — and a former province, whose code may name another one now — by id.
 */
export function unitPath(
  u: Pick<UnitSummary, 'id' | 'kind' | 'code' | 'validTo'>,
  reusedCodes?: ReadonlySet<string>,
): string {
  if (u.kind === 'province' && (u.validTo === null || (reusedCodes && !reusedCodes.has(u.code)))) {
    return `/provinces/${u.code}`;
  }
  return `/units/${u.id}`;
}

/** Today in Vietnam, as the API counts it. */
export function todayInVietnam(): string {
  return vietnamDate(new Date());
}
