/**
 * A new reporting round (`/rounds/new`): the coordinator picks the province
 * and the period; the proposal fills in the cut-off window and the deadline
 * of the regime, the units (by kind), the indicators asked of each kind (from
 * the province's confirmed targets and the catalog) and the tasks their lead
 * units report; the coordinator adjusts and creates the round as a draft.
 */
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import type { CreateRoundInput, RoundDetail, RoundProposal } from '../../../src/contracts/round';
import type { ProvincesResponse } from '../../../src/contracts/unit';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { RequireSignIn, useAuth } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, navigate, useTitle } from '../../router';
import './rounds.css';

const KINDS = ['province', 'department', 'agency', 'district', 'commune'] as const;
type Kind = (typeof KINDS)[number];

export function NewRoundPage(_: { params: Record<string, string> }) {
  return (
    <RequireSignIn action="rounds.manage">
      <NewRound />
    </RequireSignIn>
  );
}

function NewRound() {
  const { t, pick, date, number } = useI18n();
  useTitle(t('rounds.new'));
  const { user } = useAuth();
  const isAdmin = !!user?.grants.some((g) => g.role === 'admin');
  const all = useApi<ProvincesResponse>(isAdmin ? '/api/provinces' : null);
  const provinces = useMemo(() => {
    const mine = (user?.grants ?? [])
      .filter((g) => g.role === 'coordinator' && g.unitKind === 'province')
      .map((g) => ({ id: g.unitId, name: g.unitName }));
    const more = (all.data?.items ?? []).map((p) => ({ id: p.id, name: p.name }));
    return [...new Map([...mine, ...more].map((p) => [p.id, p])).values()];
  }, [user, all.data]);

  const [provinceId, setProvinceId] = useState<number | null>(null);
  const [periodId, setPeriodId] = useState(String(new Date().getFullYear()));
  const proposal = useApi<RoundProposal>(
    provinceId && /^\d{4}$/.test(periodId)
      ? `/api/round-proposals?provinceId=${provinceId}&periodId=${periodId}`
      : null,
  );
  useEffect(() => {
    if (provinceId === null && provinces[0]) setProvinceId(provinces[0].id);
  }, [provinces, provinceId]);

  const p = proposal.data;
  const [name, setName] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [dueBefore, setDueBefore] = useState(true);
  const [kinds, setKinds] = useState<Set<Kind>>(new Set());
  const [asked, setAsked] = useState<Set<string>>(new Set());
  const [tasks, setTasks] = useState<Set<number>>(new Set());
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  // a new proposal resets the choices to it
  useEffect(() => {
    if (!p) return;
    setName(p.name);
    setDueOn(p.dueOn);
    setDueBefore(p.dueBefore);
    setKinds(new Set(p.units.map((u) => u.kind as Kind)));
    setAsked(new Set(p.indicators.map((i) => `${i.indicatorId}:${i.unitKind}`)));
    setTasks(new Set(p.tasks.map((x) => x.taskId)));
  }, [p]);

  const unitCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const u of p?.units ?? []) m.set(u.kind, (m.get(u.kind) ?? 0) + 1);
    return m;
  }, [p]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!p || !provinceId) return;
    setBusy(true);
    setError(null);
    try {
      const body: CreateRoundInput = {
        provinceId,
        name,
        periodId,
        regimeCode: p.regimeCode,
        dueOn,
        dueBefore,
        units: { kinds: [...kinds] },
        indicators: p.indicators
          .filter((i) => asked.has(`${i.indicatorId}:${i.unitKind}`) && kinds.has(i.unitKind as Kind))
          .map((i) => ({ indicatorId: i.indicatorId, unitKind: i.unitKind, required: i.required })),
        taskIds: [...tasks],
      };
      const round = await api<RoundDetail>('POST', '/api/rounds', body);
      navigate(`/rounds/${round.id}`);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const toggle = <T,>(set: Set<T>, value: T, on: boolean) => {
    const n = new Set(set);
    if (on) n.add(value);
    else n.delete(value);
    return n;
  };

  return (
    <section className="page new-round">
      <div className="breadcrumbs">
        <Link to="/rounds">{t('nav.rounds')}</Link> › {t('rounds.new')}
      </div>
      <h1>{t('rounds.new')}</h1>
      <p className="lead">{t('rounds.new_intro')}</p>
      <form onSubmit={submit}>
        <div className="card grid grid--3">
          <div className="field">
            <label htmlFor="round-province">{t('rounds.form.province')}</label>
            <select
              id="round-province"
              value={provinceId ?? ''}
              onChange={(e) => setProvinceId(Number(e.target.value) || null)}
            >
              {provinces.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="round-period">{t('rounds.form.period')}</label>
            <input
              id="round-period"
              value={periodId}
              inputMode="numeric"
              maxLength={7}
              onChange={(e) => setPeriodId(e.target.value.trim())}
            />
            <span className="hint">{t('rounds.form.period_hint')}</span>
          </div>
        </div>
        {proposal.error && <ErrorMessage error={proposal.error} />}
        {provinceId && !p && !proposal.error && <Loading />}
        {p && (
          <>
            <div className="card">
              <h2>{t('rounds.form.general')}</h2>
              <div className="field">
                <label htmlFor="round-name">{t('rounds.form.name')}</label>
                <input
                  id="round-name"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  required
                  minLength={3}
                />
              </div>
              <div className="grid grid--3">
                <div className="field">
                  <span className="label">{t('rounds.form.window')}</span>
                  <span>
                    {date(p.windowStart)} – {date(p.windowEnd)}
                  </span>
                  <span className="hint">
                    {p.regimes.find((r) => r.code === p.regimeCode)
                      ? pick(
                          p.regimes.find((r) => r.code === p.regimeCode)!.nameVi,
                          p.regimes.find((r) => r.code === p.regimeCode)!.nameEn,
                        )
                      : p.regimeCode}
                  </span>
                </div>
                <div className="field">
                  <label htmlFor="round-due">{t('rounds.form.due')}</label>
                  <input
                    id="round-due"
                    type="date"
                    value={dueOn}
                    onChange={(e) => setDueOn(e.target.value)}
                    required
                  />
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={dueBefore}
                      onChange={(e) => setDueBefore(e.target.checked)}
                    />{' '}
                    {t('rounds.form.due_before')}
                  </label>
                </div>
                <div className="field">
                  <span className="label">{t('rounds.form.program')}</span>
                  <span>{p.programProvinces.map((x) => x.name).join(', ')}</span>
                </div>
              </div>
            </div>
            <div className="card">
              <h2>{t('rounds.form.units')}</h2>
              <div className="new-round__kinds">
                {KINDS.map((k) => (
                  <label key={k} className="checkbox">
                    <input
                      type="checkbox"
                      checked={kinds.has(k)}
                      onChange={(e) => setKinds(toggle(kinds, k, e.target.checked))}
                    />{' '}
                    {k === 'province' ? t('rounds.form.province_own') : t(`units.kind.${k}`)}{' '}
                    <span className="muted">({number(k === 'province' ? 1 : (unitCounts.get(k) ?? 0))})</span>
                  </label>
                ))}
              </div>
            </div>
            <div className="card">
              <h2>{t('rounds.form.indicators')}</h2>
              {[...kinds].map((k) => {
                const list = p.indicators.filter((i) => i.unitKind === k);
                if (list.length === 0) return null;
                return (
                  <fieldset key={k} className="new-round__group">
                    <legend>{k === 'province' ? t('rounds.form.province_own') : t(`units.kind.${k}`)}</legend>
                    {list.map((i) => {
                      const key = `${i.indicatorId}:${i.unitKind}`;
                      return (
                        <label key={key} className="checkbox">
                          <input
                            type="checkbox"
                            checked={asked.has(key)}
                            onChange={(e) => setAsked(toggle(asked, key, e.target.checked))}
                          />{' '}
                          {pick(i.nameVi, i.nameEn)} <span className="muted small">{i.code}</span>{' '}
                          {i.fromTargets && (
                            <span className="badge badge--info">{t('round.from_targets')}</span>
                          )}
                        </label>
                      );
                    })}
                  </fieldset>
                );
              })}
              {kinds.has('province') && p.indicators.every((i) => i.unitKind !== 'province') && (
                <p className="muted small">{t('rounds.form.province_none')}</p>
              )}
            </div>
            {p.tasks.length > 0 && (
              <div className="card">
                <h2>{t('rounds.form.tasks')}</h2>
                {p.tasks.map((x) => (
                  <label key={x.taskId} className="checkbox">
                    <input
                      type="checkbox"
                      checked={tasks.has(x.taskId)}
                      onChange={(e) => setTasks(toggle(tasks, x.taskId, e.target.checked))}
                    />{' '}
                    <span className="muted small">{x.sectionLabel}</span> {x.title}{' '}
                    <span className="muted small">— {x.leads.map((l) => l.name).join(', ')}</span>
                  </label>
                ))}
              </div>
            )}
            {error && <ErrorMessage error={error} />}
            <button type="submit" className="btn" disabled={busy || kinds.size === 0}>
              {t('rounds.form.create')}
            </button>{' '}
            <span className="muted small">{t('rounds.form.create_hint')}</span>
          </>
        )}
      </form>
    </section>
  );
}
