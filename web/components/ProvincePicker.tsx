/**
 * The province picker of the header: the provinces with a digital-transformation
 * program first (the seed provinces, including those merged in 2025), then the
 * 34 provinces in force; choosing one opens its page.
 */
import type { ProvinceItem, ProvincesResponse } from '../../src/contracts/unit';
import { PROVINCES_2025_EFFECTIVE_ON } from '../../src/domain/reference/provinces';
import { addDays } from '../../src/domain/unit/unit';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n';
import { navigate, useLocation } from '../router';

const BEFORE = addDays(PROVINCES_2025_EFFECTIVE_ON, -1);

export function ProvincePicker() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const today = useApi<ProvincesResponse>('/api/provinces');
  const before = useApi<ProvincesResponse>(`/api/provinces?at=${BEFORE}`);
  if (!today.data) return null;
  const withProgram = new Map<number, ProvinceItem>();
  for (const p of [...(before.data?.items ?? []), ...today.data.items])
    if (p.hasProgram) withProgram.set(p.id, p);
  const current = /^\/provinces\/(\d{2})$/.exec(pathname)?.[1] ?? '';
  const label = (p: ProvinceItem) => `${p.shortName ?? p.name} (${p.code})`;
  return (
    <select
      className="province-picker"
      aria-label={t('provinces.picker')}
      value={current}
      onChange={(e) => e.target.value && navigate(`/provinces/${e.target.value}`)}
    >
      <option value="">{t('provinces.picker')}</option>
      {withProgram.size > 0 && (
        <optgroup label={t('provinces.picker_program')}>
          {[...withProgram.values()].map((p) => (
            <option key={`p${p.id}`} value={p.code}>
              {label(p)}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label={t('provinces.picker_all')}>
        {today.data.items.map((p) => (
          <option key={p.id} value={p.code}>
            {label(p)}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
