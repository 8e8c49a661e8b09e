/**
 * A coordinator chooses how targets are judged: the province's default method
 * (with the linear method's at-risk band), and, in a target's explanation,
 * that target's own method and the baseline its document states. Every change
 * is audited by the service; the statuses are recomputed on the next read.
 */
import { type FormEvent, useState } from 'react';
import type { StatusSettings } from '../../../src/contracts/status';
import { type StatusMethod, statusMethods } from '../../../src/domain/status/types';
import { parseDecimal } from '../../../src/domain/validation/number';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';

function useSave(onSaved: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async (path: string, body: unknown) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api('PUT', path, body);
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, saved, save };
}

/** The province's default method, for its coordinator. */
export function ProvinceMethodPanel({ provinceId, onSaved }: { provinceId: number; onSaved: () => void }) {
  const i = useI18n();
  const { data, error } = useApi<StatusSettings>(`/api/provinces/${provinceId}/status-settings`);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  return <ProvinceMethodForm key={data.method} settings={data} onSaved={onSaved} i={i} />;
}

function ProvinceMethodForm({
  settings,
  onSaved,
  i,
}: {
  settings: StatusSettings;
  onSaved: () => void;
  i: ReturnType<typeof useI18n>;
}) {
  const [method, setMethod] = useState<StatusMethod>(settings.method);
  const band = Number(settings.parameters.linear?.atRiskBand ?? 0.1);
  const [bandText, setBandText] = useState(i.number(band * 100, 1));
  const { busy, error, saved, save } = useSave(onSaved);
  const parsedBand = parseDecimal(bandText);
  const bandOk =
    parsedBand.ok && parsedBand.value !== null && parsedBand.value >= 0 && parsedBand.value <= 100;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!bandOk || !parsedBand.ok || parsedBand.value === null) return;
    void save(`/api/provinces/${settings.provinceId}/status-settings`, {
      method,
      parameters: { linear: { atRiskBand: parsedBand.value / 100 } },
    });
  };
  return (
    <form className="method-form" onSubmit={submit} aria-labelledby="method-settings">
      <h3 id="method-settings">{i.t('dashboard.settings.province_title')}</h3>
      <p className="muted small">{i.t('dashboard.settings.province_hint')}</p>
      <div className="button-row">
        <label className="inline-field">
          {i.t('dashboard.settings.method')}
          <select value={method} onChange={(e) => setMethod(e.target.value as StatusMethod)}>
            {statusMethods.map((m) => (
              <option key={m} value={m}>
                {i.t(`status.method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        {method === 'linear' && (
          <label className="inline-field">
            {i.t('dashboard.settings.at_risk_band')}
            <input
              className="num"
              size={5}
              inputMode="decimal"
              value={bandText}
              aria-invalid={!bandOk}
              onChange={(e) => setBandText(e.target.value)}
            />
            %
          </label>
        )}
        <button type="submit" className="btn btn--small" disabled={busy || !bandOk}>
          {i.t('dashboard.settings.save')}
        </button>
        {saved && <span className="muted small">{i.t('dashboard.settings.saved')}</span>}
      </div>
      {!bandOk && (
        <p className="field-error" role="alert">
          {i.t('dashboard.settings.band_invalid')}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

/** A target's own method and stated baseline, under its explanation. */
export function TargetMethodForm({
  provinceId,
  targetId,
  onSaved,
}: {
  provinceId: number;
  targetId: number;
  onSaved: () => void;
}) {
  const { data, error } = useApi<StatusSettings>(`/api/provinces/${provinceId}/status-settings`);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const own = data.targets.find((x) => x.targetId === targetId);
  return (
    <TargetMethodFields
      key={targetId}
      provinceId={provinceId}
      targetId={targetId}
      own={own}
      onSaved={onSaved}
    />
  );
}

function TargetMethodFields({
  provinceId,
  targetId,
  own,
  onSaved,
}: {
  provinceId: number;
  targetId: number;
  own: StatusSettings['targets'][number] | undefined;
  onSaved: () => void;
}) {
  const i = useI18n();
  const [method, setMethod] = useState<StatusMethod | ''>(own?.method ?? '');
  const [year, setYear] = useState(own?.baseline ? String(own.baseline.year) : '');
  const [value, setValue] = useState(own?.baseline ? i.number(own.baseline.value, 4) : '');
  const [note, setNote] = useState(own?.note ?? '');
  const { busy, error, saved, save } = useSave(onSaved);
  const parsedValue = parseDecimal(value);
  const yearNumber = year.trim() === '' ? null : Number(year);
  const noBaseline = year.trim() === '' && value.trim() === '';
  const baselineOk =
    noBaseline ||
    (yearNumber !== null &&
      Number.isInteger(yearNumber) &&
      yearNumber >= 2000 &&
      yearNumber <= 2100 &&
      parsedValue.ok &&
      parsedValue.value !== null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!baselineOk) return;
    void save(`/api/targets/${targetId}/status-setting`, {
      method: method === '' ? null : method,
      baseline: noBaseline || !parsedValue.ok ? null : { year: yearNumber, value: parsedValue.value },
      note: note.trim() === '' ? null : note.trim(),
    });
  };
  return (
    <form
      className="method-form"
      onSubmit={submit}
      data-testid="target-method-form"
      data-province={provinceId}
    >
      <h3>{i.t('dashboard.settings.target_title')}</h3>
      <div className="method-form__grid">
        <label>
          {i.t('dashboard.settings.method')}
          <select value={method} onChange={(e) => setMethod(e.target.value as StatusMethod | '')}>
            <option value="">{i.t('dashboard.settings.province_default')}</option>
            {statusMethods.map((m) => (
              <option key={m} value={m}>
                {i.t(`status.method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {i.t('dashboard.settings.baseline_year')}
          <input
            className="num"
            inputMode="numeric"
            value={year}
            placeholder="2020"
            onChange={(e) => setYear(e.target.value)}
          />
        </label>
        <label>
          {i.t('dashboard.settings.baseline_value')}
          <input
            className="num"
            inputMode="decimal"
            value={value}
            placeholder="42,5"
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <label className="method-form__note">
          {i.t('dashboard.settings.note')}
          <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
      <p className="muted small">{i.t('dashboard.settings.baseline_hint')}</p>
      {!baselineOk && (
        <p className="field-error" role="alert">
          {i.t('dashboard.settings.baseline_invalid')}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="btn btn--small" disabled={busy || !baselineOk}>
          {i.t('dashboard.settings.save')}
        </button>
        {saved && <span className="muted small">{i.t('dashboard.settings.saved')}</span>}
      </div>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
