/**
 * Where two programs disagree: targets on the same indicator, level and year
 * with different values, targets only one document sets, and — against the
 * ministry's template — the kinds of objective a program lacks.
 */
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import type { ComparedTarget, Comparison, Coverage } from '../../../src/contracts/compare';
import type { DocumentList, DocumentListItem } from '../../../src/contracts/document';
import { useApi } from '../../api/useApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation, useTitle } from '../../router';
import { CoverageCard } from '../document/DocumentPage';
import { documentLabel, useDocumentWording } from '../document/wording';
import '../document/document.css';

type Objective = Comparison['differing'][number];
type Group = Comparison['onlyInA'][number];

function Cell({ targets, side }: { targets: ComparedTarget[]; side: 'a' | 'b' }) {
  const w = useDocumentWording();
  return (
    <td className={`compare-cell compare-${side}`}>
      {targets.map((x) => (
        <div key={x.id}>
          <span className="target-value">{w.value(x)}</span>
          <span className="target-quote">{x.quote.replace(/\*+/g, '')}</span>
        </div>
      ))}
    </td>
  );
}

function ObjectiveName({ o }: { o: Pick<Objective, 'indicator'> }) {
  const { pick } = useI18n();
  return (
    <>
      <span className={`pillar-dot pillar-${o.indicator.pillar || 'none'}`} aria-hidden="true" />{' '}
      {pick(o.indicator.nameVi, o.indicator.nameEn)}
      <div>
        <code className="muted small">{o.indicator.code}</code>
      </div>
    </>
  );
}

function DifferTable({
  rows,
  a,
  b,
}: {
  rows: (Objective | Comparison['agreeing'][number])[];
  a: string;
  b: string;
}) {
  const { t } = useI18n();
  const w = useDocumentWording();
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th>{t('documents.compare.col.indicator')}</th>
            <th>{t('documents.compare.col.level')}</th>
            <th className="num">{t('documents.compare.col.year')}</th>
            <th>{a}</th>
            <th>{b}</th>
            <th>{t('documents.compare.col.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={`${d.indicator.code}-${d.level}-${d.year}`}>
              <td>
                <ObjectiveName o={d} />
              </td>
              <td className="small">
                {d.level ? w.level(d.level) : <span className="muted">—</span>}
                {d.levelInferred && <div className="muted">({t('documents.compare.level_inferred')})</div>}
              </td>
              <td className="num">{d.year ?? '—'}</td>
              <Cell targets={d.a} side="a" />
              <Cell targets={d.b} side="b" />
              <td>
                {'kind' in d ? (
                  <span className={`badge diff-badge ${d.kind === 'value' ? 'badge--bad' : 'badge--warn'}`}>
                    {t(`documents.compare.kind.${d.kind}`)}
                  </span>
                ) : (
                  <span className="badge badge--ok">{t('documents.compare.stat.agreeing')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OnlyTable({ rows }: { rows: Group[] }) {
  const { t } = useI18n();
  const w = useDocumentWording();
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th>{t('documents.compare.col.indicator')}</th>
            <th>{t('documents.compare.col.level')}</th>
            <th className="num">{t('documents.compare.col.year')}</th>
            <th>{t('documents.detail.targets')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={`${g.indicator.code}-${g.level}-${g.year}`}>
              <td>
                <ObjectiveName o={g} />
              </td>
              <td className="small">{g.level ? w.level(g.level) : <span className="muted">—</span>}</td>
              <td className="num">{g.year ?? '—'}</td>
              <Cell targets={g.targets} side="a" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Picker({
  id,
  label,
  value,
  onChange,
  docs,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  docs: DocumentListItem[];
}) {
  const { t } = useI18n();
  const w = useDocumentWording();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('documents.compare.choose')}</option>
        {docs.map((d) => (
          <option key={d.id} value={String(d.id)}>
            {documentLabel(d, w.kind)}
            {d.supersededById ? ` (${t('documents.list.superseded')})` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

function CoverageFor({ id, template }: { id: number; template: number }) {
  const coverage = useApi<Coverage>(`/api/documents/${id}/coverage?template=${template}`);
  if (!coverage.data) return null;
  return <CoverageCard coverage={coverage.data} />;
}

export function ComparePage(_: { params: Record<string, string> }) {
  const { t } = useI18n();
  const w = useDocumentWording();
  const { search } = useLocation();
  const a = search.get('a') ?? '';
  const b = search.get('b') ?? '';
  const docs = useApi<DocumentList>('/api/documents');
  const result = useApi<Comparison>(
    a && b ? `/api/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}` : null,
  );
  useTitle(t('documents.compare.title'));
  const sorted = useMemo(
    () =>
      [...(docs.data?.items ?? [])].sort(
        (x, y) => (x.provinceName ?? '').localeCompare(y.provinceName ?? '', 'vi') || x.id - y.id,
      ),
    [docs.data],
  );

  const [pickA, setPickA] = useState(a);
  const [pickB, setPickB] = useState(b);
  // the pickers follow the address (back and forward, links from a document)
  useEffect(() => {
    setPickA(a);
    setPickB(b);
  }, [a, b]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    navigate(`/compare?a=${encodeURIComponent(pickA)}&b=${encodeURIComponent(pickB)}`);
  };

  const c = result.data;
  const nameA = c ? documentLabel(c.a, w.kind) : 'A';
  const nameB = c ? documentLabel(c.b, w.kind) : 'B';
  // a province's program is also checked against the template it follows
  const template = sorted.find((d) => d.kind === 'template' && !d.supersededById);

  return (
    <section className="page">
      <div className="breadcrumbs">
        <Link to="/documents">{t('documents.detail.breadcrumb')}</Link>
      </div>
      <h1>{t('documents.compare.title')}</h1>
      <p className="lead muted">{t('documents.compare.lead')}</p>

      <form className="card compare-pickers" onSubmit={submit}>
        <Picker id="a" label={t('documents.compare.a')} value={pickA} onChange={setPickA} docs={sorted} />
        <Picker id="b" label={t('documents.compare.b')} value={pickB} onChange={setPickB} docs={sorted} />
        <button className="btn" type="submit">
          {t('documents.compare.run')}
        </button>
      </form>

      {!(a && b) && <p className="muted">{t('documents.compare.pick')}</p>}
      {result.error && <ErrorMessage error={result.error} />}
      {a && b && !c && !result.error && <Loading />}
      {c && (
        <>
          <div className="grid grid--4" style={{ marginBottom: '1rem' }}>
            <div className="stat" style={{ borderLeftColor: 'var(--bad)' }}>
              <div className="stat__value">{c.differing.length}</div>
              <div className="stat__label">{t('documents.compare.stat.differing')}</div>
            </div>
            <div className="stat">
              <div className="stat__value">{c.onlyInA.length}</div>
              <div className="stat__label">{t('documents.compare.stat.only_a')}</div>
            </div>
            <div className="stat">
              <div className="stat__value">{c.onlyInB.length}</div>
              <div className="stat__label">{t('documents.compare.stat.only_b')}</div>
            </div>
            <div className="stat" style={{ borderLeftColor: 'var(--ok)' }}>
              <div className="stat__value">{c.agreeing.length}</div>
              <div className="stat__label">{t('documents.compare.stat.agreeing')}</div>
            </div>
          </div>
          <div className="grid grid--2 small" style={{ marginBottom: '0.75rem' }}>
            <div className="compare-a" style={{ padding: '0.5rem 0.75rem', borderRadius: 'var(--radius)' }}>
              <strong>A</strong> · <Link to={`/documents/${c.a.id}`}>{nameA}</Link>
              <div className="muted">{c.a.title}</div>
            </div>
            <div className="compare-b" style={{ padding: '0.5rem 0.75rem', borderRadius: 'var(--radius)' }}>
              <strong>B</strong> · <Link to={`/documents/${c.b.id}`}>{nameB}</Link>
              <div className="muted">{c.b.title}</div>
            </div>
          </div>
          {(['a', 'b'] as const).map(
            (side) =>
              c.basis[side] === 'proposed' && (
                <p key={side} className="alert alert--info small">
                  {t('documents.compare.basis_proposed', { doc: side === 'a' ? nameA : nameB })}
                </p>
              ),
          )}

          <h2>{t('documents.compare.differing')}</h2>
          {c.differing.length === 0 ? (
            <p className="muted">{t('documents.compare.differing_none')}</p>
          ) : (
            <DifferTable rows={c.differing} a={`A · ${nameA}`} b={`B · ${nameB}`} />
          )}

          {c.coverage && <CoverageCard coverage={c.coverage} />}

          <h2>{t('documents.compare.only_in', { doc: `A · ${nameA}` })}</h2>
          {c.onlyInA.length === 0 ? (
            <p className="muted">{t('common.none')}</p>
          ) : (
            <OnlyTable rows={c.onlyInA} />
          )}
          <h2>{t('documents.compare.only_in', { doc: `B · ${nameB}` })}</h2>
          {c.onlyInB.length === 0 ? (
            <p className="muted">{t('common.none')}</p>
          ) : (
            <OnlyTable rows={c.onlyInB} />
          )}

          {c.agreeing.length > 0 && (
            <details style={{ marginTop: '1rem' }}>
              <summary>
                <strong>{t('documents.compare.agreeing')}</strong> ({c.agreeing.length})
              </summary>
              <DifferTable rows={c.agreeing} a={`A · ${nameA}`} b={`B · ${nameB}`} />
            </details>
          )}

          {!c.coverage &&
            template &&
            [c.a, c.b]
              .filter((d) => d.kind !== 'template' && d.provinceId !== null)
              .map((d) => (
                <div key={d.id}>
                  <h2>
                    {t('documents.compare.coverage_of', {
                      doc: documentLabel(d, w.kind),
                      template: template.number ?? '',
                    })}
                  </h2>
                  <CoverageFor id={d.id} template={template.id} />
                </div>
              ))}
        </>
      )}
    </section>
  );
}
