/**
 * `/index-methods` and `/index-methods/:id` — the index methods the product
 * scores with, as stored versions: their structure (pillars, main indicators,
 * sub-indicators), points, rules, where each value comes from, and which
 * parts are provisional. A coordinator saves an edited unit method as a new
 * version for their province; every problem comes back with its place.
 */
import { useMemo, useState } from 'react';
import type { IndexMethodRow } from '../../../src/contracts/index-score';
import type { IndexMethod, ScoringRule } from '../../../src/domain/index-method/types';
import { ApiError, api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, navigate, useTitle } from '../../router';
import '../overview/dashboard.css';

type I18n = ReturnType<typeof useI18n>;

export function IndexMethodsPage() {
  const i = useI18n();
  const { user } = useAuth();
  const provinceId = user?.grants.find((g) => g.role === 'coordinator' && g.unitKind === 'province')?.unitId;
  const { data, error } = useApi<{ items: IndexMethodRow[] }>(
    `/api/index-methods${provinceId ? `?provinceId=${provinceId}` : ''}`,
  );
  useTitle(i.t('dashboard.methods_title'));
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  return (
    <section className="page dashboard">
      <h1>{i.t('dashboard.methods_title')}</h1>
      <p className="lead">{i.t('dashboard.methods_lead')}</p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th>{i.t('dashboard.col.method')}</th>
              <th>{i.t('dashboard.col.version')}</th>
              <th>{i.t('dashboard.col.validity')}</th>
              <th>{i.t('dashboard.col.owner')}</th>
              <th className="num">{i.t('dashboard.col.points')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/index-methods/${m.id}`}>{i.pick(m.name.vi, m.name.en)}</Link>
                  <div className="muted small">
                    <code>{m.code}</code>
                    {m.provisional && <span className="badge badge--warn">{i.t('index.provisional')}</span>}
                  </div>
                </td>
                <td>{m.version}</td>
                <td>{validity(i, m)}</td>
                <td>
                  {m.isBuiltin
                    ? i.t('dashboard.shipped')
                    : i.t('dashboard.province_version', { by: m.createdBy ?? '—' })}
                </td>
                <td className="num">{i.number(m.definition.maxPoints)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function validity(i: I18n, m: { validFrom: number; validTo: number | null }): string {
  return m.validTo === null
    ? i.t('dashboard.valid_from', { from: m.validFrom })
    : `${m.validFrom}–${m.validTo}`;
}

function ruleText(i: I18n, r: ScoringRule): string {
  switch (r.kind) {
    case 'ratio':
      return i.t('dashboard.rule.ratio', { full: i.number(r.full), zero: i.number(r.zero ?? 0) });
    case 'tiered':
      return i.t('dashboard.rule.tiered', {
        tiers: r.tiers
          .map(
            (x) =>
              `${r.direction === 'higher_better' ? '≥' : '≤'} ${i.number(x.threshold)}: ${i.number(x.points)}`,
          )
          .join('; '),
      });
    case 'boolean':
      return i.t('dashboard.rule.boolean');
    case 'rank':
      return r.mode === 'given_rank'
        ? i.t('dashboard.rule.given_rank', { n: r.outOf })
        : i.t('dashboard.rule.peer_rank');
  }
}

export function IndexMethodPage({ params }: { params: Record<string, string> }) {
  const i = useI18n();
  const { data, error } = useApi<IndexMethodRow>(`/api/index-methods/${encodeURIComponent(params.id ?? '')}`);
  useTitle(data ? i.pick(data.name.vi, data.name.en) : '');
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  return <MethodView row={data} />;
}

function MethodView({ row }: { row: IndexMethodRow }) {
  const i = useI18n();
  const { user, can } = useAuth();
  const m = row.definition;
  const [editing, setEditing] = useState(false);
  // a province's coordinator edits their province's method; a version a province made is edited for that province
  const coordinatorAt =
    row.ownerUnitId ??
    user?.grants.find((g) => g.role === 'coordinator' && g.unitKind === 'province')?.unitId ??
    null;
  const editable = can('program.manage') && coordinatorAt !== null && !m.subjectKinds.includes('province');
  const groups = useMemo(
    () => [...new Set(m.pillars.map((p) => (p.group ? i.pick(p.group.vi, p.group.en) : '')))],
    [m.pillars, i],
  );
  return (
    <section className="page dashboard">
      <nav className="breadcrumbs" aria-label={i.t('nav.main')}>
        <Link to="/index-methods">{i.t('dashboard.methods_title')}</Link> › {i.pick(m.name.vi, m.name.en)}
      </nav>
      <header className="dashboard-header">
        <div>
          <h1>{i.pick(m.name.vi, m.name.en)}</h1>
          <p className="meta muted">
            <code>{m.code}</code> · {i.t('dashboard.col.version')} {m.version} · {validity(i, m)} ·{' '}
            {i.t('dashboard.max_points', { n: i.number(m.maxPoints) })} ·{' '}
            {m.subjectKinds.map((k) => i.t(`units.kind.${k}`)).join(', ')}
          </p>
          {m.legalBasis && <p className="small">{i.pick(m.legalBasis.vi, m.legalBasis.en)}</p>}
        </div>
        {editable && (
          <button type="button" className="btn" onClick={() => setEditing(!editing)}>
            {editing ? i.t('dashboard.cancel') : i.t('dashboard.edit_as_version')}
          </button>
        )}
      </header>
      {m.note && <p className="alert alert--info">{i.pick(m.note.vi, m.note.en)}</p>}
      {row.provisional && <p className="alert alert--warn">{i.t('dashboard.provisional_note')}</p>}
      {editing && coordinatorAt !== null && (
        <MethodEditor method={m} provinceId={row.ownerUnitId ?? coordinatorAt} />
      )}

      {groups.map((g) => (
        <div key={g}>
          {g && <h2 className="method-group">{g}</h2>}
          {m.pillars
            .filter((p) => (p.group ? i.pick(p.group.vi, p.group.en) : '') === g)
            .map((p) => (
              <section
                key={p.code}
                className={`card method-pillar ${p.scored ? '' : 'method-pillar--unscored'}`}
              >
                <div className="card-head">
                  <h3>
                    <code>{p.code}</code> {i.pick(p.name.vi, p.name.en)}
                  </h3>
                  <span className="method-points">
                    {p.scored
                      ? i.t('dashboard.points_n', { n: i.number(p.maxPoints) })
                      : i.t('dashboard.unscored')}
                    {p.officialSubIndicatorCount
                      ? ` · ${i.t('dashboard.official_count', { n: p.officialSubIndicatorCount })}`
                      : ''}
                  </span>
                </div>
                <table className="data method-table">
                  <thead>
                    <tr>
                      <th>{i.t('dashboard.col.sub_indicator')}</th>
                      <th className="num">{i.t('dashboard.col.points')}</th>
                      <th>{i.t('dashboard.col.rule')}</th>
                      <th>{i.t('dashboard.col.source')}</th>
                    </tr>
                  </thead>
                  {p.mainIndicators.map((x) => (
                    <tbody key={x.code}>
                      <tr className="group-row">
                        <th colSpan={2}>
                          <code>{x.code}</code> {i.pick(x.name.vi, x.name.en)}
                        </th>
                        <th className="num">{i.number(x.maxPoints)}</th>
                        <th>
                          {x.provisional && (
                            <span className="badge badge--warn">{i.t('index.provisional')}</span>
                          )}
                        </th>
                      </tr>
                      {x.subIndicators.map((s) => (
                        <tr key={s.code}>
                          <td>
                            <code>{s.code}</code> {i.pick(s.name.vi, s.name.en)}
                            {s.appliesTo && s.appliesTo.length > 0 && (
                              <div className="muted small">
                                {i.t('dashboard.applies_to', {
                                  kinds: s.appliesTo.map((k) => i.t(`units.kind.${k}`)).join(', '),
                                })}
                              </div>
                            )}
                          </td>
                          <td className="num">{i.number(s.maxPoints)}</td>
                          <td className="small">{ruleText(i, s.rule)}</td>
                          <td className="small">
                            {s.source.kind === 'catalog' ? (
                              <Link to={`/indicators/${s.source.indicator}`}>{s.source.indicator}</Link>
                            ) : (
                              <>
                                {i.t('dashboard.manual_item')}
                                {s.source.hint && (
                                  <div className="muted">{i.pick(s.source.hint.vi, s.source.hint.en)}</div>
                                )}
                              </>
                            )}
                            {(s.evidenceRequired ??
                              (s.rule.kind === 'boolean' || s.source.kind === 'manual')) && (
                              <div>
                                <span className="badge badge--info">
                                  {i.t('dashboard.evidence_required')}
                                </span>
                              </div>
                            )}
                            {s.provisional && (
                              <span className="badge badge--warn">{i.t('index.provisional')}</span>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  ))}
                </table>
              </section>
            ))}
        </div>
      ))}
    </section>
  );
}

function MethodEditor({ method, provinceId }: { method: IndexMethod; provinceId: number }) {
  const i = useI18n();
  const next = {
    ...method,
    version: `${method.version}-${new Date().getFullYear()}`,
    validFrom: Math.max(method.validFrom, new Date().getFullYear()),
  };
  const [text, setText] = useState(JSON.stringify(next, null, 2));
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setError(
        new ApiError(400, {
          code: 'json',
          message: i.t('dashboard.json_invalid', { detail: String((e as Error).message) }),
          details: [],
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const row = await api<IndexMethodRow>('POST', `/api/provinces/${provinceId}/index-methods`, {
        method: parsed,
        ...(note ? { note } : {}),
      });
      navigate(`/index-methods/${row.id}`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card method-editor" aria-labelledby="editor">
      <h2 id="editor">{i.t('dashboard.edit_as_version')}</h2>
      <p className="muted small">{i.t('dashboard.editor_hint')}</p>
      <textarea
        className="method-editor__text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
        rows={22}
        aria-label={i.t('dashboard.edit_as_version')}
      />
      <label className="field">
        <span>{i.t('dashboard.publish_note')}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error && <ErrorMessage error={error} />}
      <button type="button" className="btn" disabled={busy} onClick={save}>
        {i.t('dashboard.save_version')}
      </button>
    </section>
  );
}
