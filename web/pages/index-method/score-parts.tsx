/**
 * A unit's index score taken apart: pillars with their bars, main indicators,
 * and every sub-indicator with its value, points, state, explanation and any
 * reviewer's adjustment — with the forms to enter a manual item (with a link
 * or a file as evidence) and to adjust points with a reason.
 */
import { useState } from 'react';
import type { UnitIndexScore } from '../../../src/domain/index-method/types';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/Status';
import { useI18n } from '../../i18n';

type I18n = ReturnType<typeof useI18n>;

export function PointsBar({ points, max }: { points: number; max: number }) {
  const share = max > 0 ? Math.max(0, Math.min(1, points / max)) : 0;
  return (
    <span className="points-bar" aria-hidden="true">
      <span style={{ width: `${100 * share}%` }} />
    </span>
  );
}

function valueText(i: I18n, v: number | boolean | null): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? i.t('dashboard.yes') : i.t('dashboard.no');
  return i.number(v, 2);
}

export interface ScoreActions {
  year: number;
  methodCode: string;
  /** Whether to show the adjustment form (the reviewer's). */
  canAdjust: boolean;
  /** Whether to show manual entry (a signed-in person; the API checks the unit). */
  canEnter: boolean;
  onChanged: () => void;
}

/** The drill-down of one unit's score. */
export function ScoreDetail({ score, actions }: { score: UnitIndexScore; actions?: ScoreActions }) {
  const i = useI18n();
  const [editing, setEditing] = useState<{
    code: string;
    kind: 'adjust' | 'enter';
    manualBoolean: boolean;
  } | null>(null);
  return (
    <div className="score-detail">
      <div className="score-detail__pillars">
        {score.byPillar
          .filter((p) => p.scored)
          .map((p) => (
            <div key={p.code} className="score-pillar">
              <span className="score-pillar__name">{i.pick(p.name.vi, p.name.en)}</span>
              <PointsBar points={p.points} max={p.maxPoints} />
              <span className="score-pillar__points">
                {i.number(p.points, 1)}/{i.number(p.maxPoints)}
                {p.rank !== null ? ` · ${i.t('dashboard.rank_short', { rank: p.rank })}` : ''}
              </span>
            </div>
          ))}
      </div>
      {score.byIndicator.map((m) => (
        <details key={m.code} className="score-main">
          <summary>
            <span>
              <code>{m.code}</code> {i.pick(m.name.vi, m.name.en)}
            </span>
            <span className="score-main__points">
              {i.number(m.points, 1)}/{i.number(m.maxPoints)}
            </span>
          </summary>
          <table className="data score-subs">
            <thead>
              <tr>
                <th>{i.t('dashboard.col.sub_indicator')}</th>
                <th className="num">{i.t('dashboard.value')}</th>
                <th className="num">{i.t('dashboard.col.points')}</th>
                <th>{i.t('dashboard.col.how')}</th>
              </tr>
            </thead>
            <tbody>
              {m.subIndicators.map((s) => (
                <tr key={s.code} className={`score-sub score-sub--${s.state}`}>
                  <td>
                    <code>{s.code}</code> {i.pick(s.name.vi, s.name.en)}
                    <div className="score-sub__tags">
                      <span className="badge badge--muted">{i.t(`index.state.${s.state}`)}</span>
                      {s.source.kind === 'catalog' ? (
                        <span className="badge badge--info">
                          {(s.source as { indicator: string }).indicator}
                        </span>
                      ) : (
                        <span className="badge">{i.t('dashboard.manual_item')}</span>
                      )}
                      {s.evidenceCount > 0 && (
                        <span className="badge badge--ok">
                          {i.t('dashboard.evidence_n', { n: s.evidenceCount })}
                        </span>
                      )}
                      {s.provisional && <span className="badge badge--warn">{i.t('index.provisional')}</span>}
                      {s.adjusted && <span className="badge badge--warn">{i.t('dashboard.adjusted')}</span>}
                    </div>
                  </td>
                  <td className="num">{valueText(i, s.value)}</td>
                  <td className="num nowrap">
                    {i.number(s.points, 2)}/{i.number(s.maxPoints)}
                    {s.adjusted && (
                      <div className="muted small">
                        {i.t('dashboard.by_rule', { p: i.number(s.computedPoints, 2) })}
                      </div>
                    )}
                  </td>
                  <td className="small">
                    {i.pick(s.explanation.vi, s.explanation.en)}
                    {actions && s.state !== 'not_applicable' && (
                      <div className="score-sub__actions">
                        {actions.canEnter && s.source.kind === 'manual' && (
                          <button
                            type="button"
                            className="link-button"
                            onClick={() =>
                              setEditing({
                                code: s.code,
                                kind: 'enter',
                                manualBoolean: s.ruleKind === 'boolean',
                              })
                            }
                          >
                            {i.t('dashboard.enter_item')}
                          </button>
                        )}
                        {actions.canAdjust && (
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => setEditing({ code: s.code, kind: 'adjust', manualBoolean: false })}
                          >
                            {i.t('dashboard.adjust')}
                          </button>
                        )}
                      </div>
                    )}
                    {actions && editing?.code === s.code && (
                      <ItemForm
                        unitId={Number(score.unit.id)}
                        sub={{ code: s.code, maxPoints: s.maxPoints }}
                        mode={editing}
                        actions={actions}
                        onDone={() => {
                          setEditing(null);
                          actions.onChanged();
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
      {score.adjustments.length > 0 && (
        <div className="score-adjustments">
          <h4>{i.t('dashboard.adjustments')}</h4>
          <ul>
            {score.adjustments.map((a) => (
              <li key={a.subIndicator}>
                <code>{a.subIndicator}</code>: {i.number(a.fromPoints, 2)} → {i.number(a.points, 2)} — “
                {a.reason}”{a.by ? ` (${a.by}${a.at ? `, ${i.dateTime(a.at)}` : ''})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function ItemForm({
  unitId,
  sub,
  mode,
  actions,
  onDone,
}: {
  unitId: number;
  sub: { code: string; maxPoints: number };
  mode: { kind: 'adjust' | 'enter'; manualBoolean: boolean };
  actions: ScoreActions;
  onDone: () => void;
}) {
  const i = useI18n();
  const [value, setValue] = useState(mode.manualBoolean ? 'true' : '');
  const [link, setLink] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const base = { methodCode: actions.methodCode, unitId, year: actions.year, subIndicator: sub.code };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (mode.kind === 'adjust') {
        await api('PUT', '/api/index-adjustments', {
          ...base,
          points: points.trim() === '' ? null : Number(points.replace(',', '.')),
          reason,
        });
      } else {
        const v = mode.manualBoolean ? value === 'true' : Number(value.replace(',', '.'));
        if (file) {
          const form = new FormData();
          for (const [k, x] of Object.entries(base)) form.set(k, String(x));
          form.set('value', String(v));
          form.set('file', file);
          await api('POST', '/api/index-inputs/evidence', form);
          if (link) await api('PUT', '/api/index-inputs', { ...base, value: v, evidenceUrl: link });
        } else {
          await api('PUT', '/api/index-inputs', {
            ...base,
            value: v,
            ...(link ? { evidenceUrl: link } : {}),
          });
        }
      }
      onDone();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="item-form">
      {mode.kind === 'adjust' ? (
        <>
          <label className="field">
            <span>{i.t('dashboard.adjust_points', { max: i.number(sub.maxPoints) })}</span>
            <input
              inputMode="decimal"
              value={points}
              onChange={(e) => setPoints(e.target.value)}
              placeholder={i.t('dashboard.adjust_remove_hint')}
            />
          </label>
          <label className="field">
            <span>{i.t('dashboard.adjust_reason')}</span>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required />
          </label>
        </>
      ) : (
        <>
          {mode.manualBoolean ? (
            <label className="field">
              <span>{i.t('dashboard.value')}</span>
              <select value={value} onChange={(e) => setValue(e.target.value)}>
                <option value="true">{i.t('dashboard.yes')}</option>
                <option value="false">{i.t('dashboard.no')}</option>
              </select>
            </label>
          ) : (
            <label className="field">
              <span>{i.t('dashboard.value')}</span>
              <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
            </label>
          )}
          <label className="field">
            <span>{i.t('dashboard.evidence_link')}</span>
            <input type="url" value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://" />
          </label>
          <label className="field">
            <span>{i.t('dashboard.evidence_file')}</span>
            <input
              type="file"
              accept=".pdf,.png,.jpg,.jpeg,.webp,.gif,.docx,.xlsx"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
        </>
      )}
      {error && <ErrorMessage error={error} />}
      <div className="item-form__buttons">
        <button type="button" className="btn btn--small" disabled={busy} onClick={submit}>
          {i.t('dashboard.save')}
        </button>
        <button type="button" className="btn btn--secondary btn--small" onClick={onDone}>
          {i.t('dashboard.cancel')}
        </button>
      </div>
    </div>
  );
}
