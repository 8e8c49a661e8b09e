/**
 * One program document: its identity, related documents, the confirmed
 * program (targets by pillar and year, tasks with their lead units), how it
 * measures up to the ministry's template, and its full text with a table of
 * contents.
 */
import { type ReactNode, useMemo, useRef } from 'react';
import type { Coverage } from '../../../src/contracts/compare';
import type { DocumentDetail, DocumentLink, DocumentList } from '../../../src/contracts/document';
import type { Target, Task } from '../../../src/contracts/review';
import { useApi } from '../../api/useApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, useTitle } from '../../router';
import { DocText, scrollToHighlight, type TextAnchor, type TextHighlight } from './DocText';
import { documentLabel, useDocumentWording } from './wording';
import './document.css';

const pillarOrder = ['government', 'economy', 'society', 'foundation', 'none'] as const;

function pillarOf(t: Target): (typeof pillarOrder)[number] {
  const p = t.indicator?.pillar;
  return (pillarOrder as readonly string[]).includes(p ?? '') ? (p as (typeof pillarOrder)[number]) : 'none';
}

/** Anchors for the sections: the heading line of each is shown in bold. */
export function sectionAnchors(doc: Pick<DocumentDetail, 'sections' | 'body'>): TextAnchor[] {
  return doc.sections.map((s) => {
    const lineEnd = doc.body.indexOf('\n', s.span[0]);
    return {
      id: `s-${s.id}`,
      start: s.span[0],
      headingEnd: lineEnd < 0 ? s.span[1] : Math.min(lineEnd, s.span[1]),
    };
  });
}

export function Toc({ doc }: { doc: DocumentDetail }) {
  const { t } = useI18n();
  // a readable contents: the first three levels
  const shown = doc.sections.filter((s) => s.depth <= 2);
  if (shown.length === 0) return null;
  return (
    <nav className="doc-toc" aria-label={t('documents.detail.toc')}>
      <h2>{t('documents.detail.toc')}</h2>
      <ol>
        {shown.map((s) => (
          <li key={s.id} style={{ paddingLeft: `${s.depth * 0.8}rem` }}>
            <a href={`#s-${s.id}`}>
              <span className="toc-label">{s.label}</span>
              {s.heading.length > 90 ? `${s.heading.slice(0, 88)}…` : s.heading}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function LinkItem({ link }: { link: DocumentLink }) {
  const { t } = useI18n();
  const w = useDocumentWording();
  const name = link.title
    ? `${link.number ? `${w.kind(link.kind)} ${link.number}: ` : ''}${link.title}`
    : link.reference;
  return (
    <li>
      <span className="link-rel">{t(`documents.relation.${link.relation}.${link.direction}`)}</span>
      {link.documentId ? (
        <Link to={`/documents/${link.documentId}`}>{name}</Link>
      ) : (
        <span>
          {link.reference} <span className="muted small">({t('documents.detail.link_not_stored')})</span>
        </span>
      )}
    </li>
  );
}

function TargetsByPillar({ targets, onShow }: { targets: Target[]; onShow: (t: Target) => void }) {
  const { t, pick } = useI18n();
  const w = useDocumentWording();
  const groups = pillarOrder
    .map((p) => ({
      pillar: p,
      items: targets
        .filter((x) => pillarOf(x) === p)
        .sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999) || a.span[0] - b.span[0]),
    }))
    .filter((g) => g.items.length > 0);
  return (
    <>
      {groups.map((g) => (
        <section key={g.pillar} className="program-group">
          <h3>
            <span className={`pillar-dot pillar-${g.pillar}`} aria-hidden="true" />
            {g.pillar === 'none' ? t('documents.pillar.none') : t(`indicators.pillar.${g.pillar}`)}
            <span className="badge">{g.items.length}</span>
          </h3>
          {g.items.map((x) => (
            <div className="target-row" key={x.id}>
              <div>
                <div className="target-value">{w.value(x)}</div>
                <div className="target-meta">
                  {[x.level ? w.level(x.level) : null, x.year ? t('documents.year', { year: x.year }) : null]
                    .filter(Boolean)
                    .join(' — ')}
                </div>
              </div>
              <div>
                {x.indicator && <strong>{pick(x.indicator.nameVi, x.indicator.nameEn)}</strong>}
                <div className="target-quote">{x.quote.replace(/\*+/g, '')}</div>
                <button type="button" className="link-button" onClick={() => onShow(x)}>
                  {t('documents.detail.in_text')} ↓
                </button>
              </div>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function UnitLine({ label, units, written }: { label: string; units: Task['leads']; written: string[] }) {
  if (units.length === 0 && written.length === 0) return null;
  return (
    <div className="small">
      <span className="muted">{label}: </span>
      {units.map((u) => (
        <span className="unit-chip" key={u.unitId}>
          {u.name}
        </span>
      ))}
      {written.map((n) => (
        <span className="unit-chip unit-chip--text" key={n}>
          {n}
        </span>
      ))}
    </div>
  );
}

/** Task groups as the document numbers them, sub-groups nested, the single tasks of a group folded. */
function TaskTree({ tasks }: { tasks: Task[] }) {
  const { t, date } = useI18n();
  const ids = new Set(tasks.map((x) => x.id));
  const childrenOf = (id: number | null) =>
    tasks.filter((x) => (id === null ? x.parentId === null || !ids.has(x.parentId) : x.parentId === id));
  const hasChildren = (id: number) => tasks.some((x) => x.parentId === id);
  const render = (list: Task[], parent: Task | null): ReactNode => {
    // a sub-group has its own number or its own tasks; the rest are the group's single tasks
    const groups = list.filter((x) => !parent || x.section !== parent.section || hasChildren(x.id));
    const items = list.filter((x) => !groups.includes(x));
    return (
      <>
        {groups.length > 0 && (
          <ul className={parent ? 'task-list task-list--nested' : 'task-list'}>
            {groups.map((g) => (
              <li key={g.id}>
                <div>
                  <span className="task-section">{g.section}</span> <strong>{g.title}</strong>
                </div>
                <UnitLine label={t('documents.detail.lead')} units={g.leads} written={g.unresolvedLeads} />
                <UnitLine
                  label={t('documents.detail.cooperating')}
                  units={g.cooperating}
                  written={g.unresolvedCooperating}
                />
                {g.deadline && (
                  <div className="small muted">
                    {t('documents.detail.deadline')}: {g.deadlineText ?? date(g.deadline)}
                  </div>
                )}
                {render(childrenOf(g.id), g)}
              </li>
            ))}
          </ul>
        )}
        {items.length > 0 && (
          <details className="small task-items">
            <summary>{t('documents.detail.items', { n: items.length })}</summary>
            <ul>
              {items.map((k) => (
                <li key={k.id}>
                  {k.title}
                  {k.leads.length > 0 && (
                    <span className="muted"> — {k.leads.map((u) => u.name).join(', ')}</span>
                  )}
                </li>
              ))}
            </ul>
          </details>
        )}
      </>
    );
  };
  return <>{render(childrenOf(null), null)}</>;
}

export function CoverageCard({ coverage }: { coverage: Coverage }) {
  const { t, pick } = useI18n();
  const w = useDocumentWording();
  return (
    <div className="card">
      <h2>{t('documents.detail.coverage')}</h2>
      <p className="muted small">
        {documentLabel(coverage.template, w.kind)} ·{' '}
        {t('documents.detail.coverage_summary', { covered: coverage.covered, required: coverage.required })}
      </p>
      {coverage.basis === 'proposed' && (
        <p className="alert alert--info small">{t('documents.detail.basis_proposed')}</p>
      )}
      <div className="progress" aria-hidden="true">
        <span
          style={{ width: `${coverage.required ? (100 * coverage.covered) / coverage.required : 100}%` }}
        />
      </div>
      {coverage.missing.length === 0 ? (
        <p>{t('documents.detail.coverage_complete')}</p>
      ) : (
        <>
          <h3>
            {t('documents.detail.coverage_missing')}{' '}
            <span className="badge badge--warn">{coverage.missing.length}</span>
          </h3>
          <ul className="coverage-list">
            {coverage.missing.map((m) => (
              <li key={m.code}>
                {pick(m.nameVi, m.nameEn)} <code className="muted small">{m.code}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** What a template asks every province to set: each kind with the words that require it. */
function RequiredCard({ coverage }: { coverage: Coverage }) {
  const { t, pick } = useI18n();
  return (
    <div className="card">
      <h2>
        {t('documents.detail.required')} <span className="badge badge--info">{coverage.required}</span>
      </h2>
      <ul className="coverage-list">
        {coverage.items.map((i) => (
          <li key={i.indicator.code}>
            {pick(i.indicator.nameVi, i.indicator.nameEn)}{' '}
            <code className="muted small">{i.indicator.code}</code>
            {i.named[0] && <div className="muted small">“{i.named[0].text}”</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function DocumentPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  const { t, date } = useI18n();
  const w = useDocumentWording();
  const doc = useApi<DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`);
  const targets = useApi<{ items: Target[] }>(`/api/documents/${encodeURIComponent(id)}/targets`);
  const tasks = useApi<{ items: Task[] }>(`/api/documents/${encodeURIComponent(id)}/tasks`);
  // checked against the template in force, when one is stored (a template against itself lists what it requires)
  const templates = useApi<DocumentList>(doc.data ? '/api/documents?kind=template' : null);
  const template = templates.data?.items.find((x) => !x.supersededById);
  const coveragePath =
    doc.data &&
    template &&
    (doc.data.kind === 'template' ? template.id === doc.data.id : doc.data.provinceId !== null)
      ? `/api/documents/${encodeURIComponent(id)}/coverage?template=${template.id}`
      : null;
  const coverage = useApi<Coverage>(coveragePath);
  const textRoot = useRef<HTMLDivElement | null>(null);
  useTitle(doc.data ? documentLabel(doc.data, w.kind) : t('documents.detail.breadcrumb'));

  const highlights = useMemo<TextHighlight[]>(
    () =>
      (targets.data?.items ?? []).map((x) => ({
        key: `t${x.id}`,
        start: x.span[0],
        end: x.span[1],
        className: 'hl-target hl-target--confirmed',
      })),
    [targets.data],
  );
  const anchors = useMemo(() => (doc.data ? sectionAnchors(doc.data) : []), [doc.data]);

  if (doc.error) return <ErrorMessage error={doc.error} />;
  if (!doc.data) return <Loading />;
  const d = doc.data;
  const implementsDoc = d.links.find(
    (l) => l.direction === 'out' && l.relation === 'implements' && l.documentId,
  );
  const templateDoc = d.links.find(
    (l) => l.direction === 'out' && l.relation === 'follows_template' && l.documentId,
  );
  const compareWith = implementsDoc ?? templateDoc;
  const pending = d.counts.proposed;

  return (
    <section className="page doc-page">
      <div className="breadcrumbs">
        <Link to="/documents">{t('documents.detail.breadcrumb')}</Link>
        {d.provinceName && (
          <>
            {' / '}
            <Link to={`/documents?provinceId=${d.provinceId}`}>{d.provinceName}</Link>
          </>
        )}
      </div>
      <header className="page-header">
        <div>
          <span className="doc-kind">{w.kind(d.kind)}</span>
          {d.isSeed && (
            <span className="demo-label" title={t('documents.seed_hint')} style={{ marginLeft: '0.5rem' }}>
              {t('documents.seed')}
            </span>
          )}
          <h1>{d.title}</h1>
          <div className="meta">
            {[d.number, d.issuer, d.issuedOn ? date(d.issuedOn) : null].filter(Boolean).join(' · ')}
          </div>
        </div>
        <div className="doc-actions">
          {d.canReview && (
            <Link className="btn" to={`/documents/${d.id}/review`}>
              {t('documents.detail.review')}
              {pending > 0 && <span className="badge badge--warn">{pending}</span>}
            </Link>
          )}
          <Link
            className="btn btn--secondary"
            to={compareWith ? `/compare?a=${compareWith.documentId}&b=${d.id}` : `/compare?a=${d.id}`}
          >
            {t('documents.detail.compare')}
          </Link>
        </div>
      </header>
      {d.isSeed && <p className="alert alert--warn small">{t('documents.seed_hint')}</p>}
      {d.supersededById && (
        <p className="alert alert--warn">
          {t('documents.detail.superseded')}{' '}
          <Link to={`/documents/${d.supersededById}`}>{t('documents.detail.open_new')}</Link>
        </p>
      )}

      <div className="doc-layout">
        <Toc doc={d} />
        <div>
          <div className="grid grid--2">
            <div className="card">
              <dl className="doc-meta">
                <dt>{t('documents.detail.number')}</dt>
                <dd>{d.number ?? '—'}</dd>
                <dt>{t('documents.detail.issuer')}</dt>
                <dd>{d.issuer ?? '—'}</dd>
                <dt>{t('documents.detail.issued')}</dt>
                <dd>{d.issuedOn ? date(d.issuedOn) : '—'}</dd>
                <dt>{t('documents.detail.province')}</dt>
                <dd>{d.provinceName ?? t('documents.national')}</dd>
                {d.horizonYears.length > 0 && (
                  <>
                    <dt>{t('documents.detail.horizon')}</dt>
                    <dd>{d.horizonYears.join(', ')}</dd>
                  </>
                )}
                <dt>{t('documents.detail.source')}</dt>
                <dd>
                  {d.sourceFileName} <span className="muted small">({d.sourceFormat.toUpperCase()})</span>
                </dd>
                {d.version > 1 && (
                  <>
                    <dt>{t('documents.detail.version')}</dt>
                    <dd>{t('documents.detail.version_value', { version: d.version })}</dd>
                  </>
                )}
              </dl>
            </div>
            <div className="card">
              <h2>{t('documents.detail.links')}</h2>
              {d.links.length === 0 ? (
                <p className="muted">{t('common.none')}</p>
              ) : (
                <ul className="link-list">
                  {d.links.map((l) => (
                    <LinkItem key={`${l.direction}-${l.relation}-${l.reference}-${l.documentId}`} link={l} />
                  ))}
                </ul>
              )}
            </div>
          </div>

          <div className="card">
            <h2>
              {t('documents.detail.targets')}{' '}
              <span className="badge badge--ok">{targets.data?.items.length ?? 0}</span>
            </h2>
            {pending > 0 && (
              <p className="muted small">{t('documents.detail.targets_pending', { n: pending })}</p>
            )}
            {targets.error && <ErrorMessage error={targets.error} />}
            {targets.data && targets.data.items.length === 0 && (
              <p className="muted">{t('documents.detail.targets_none')}</p>
            )}
            {targets.data && (
              <TargetsByPillar
                targets={targets.data.items}
                onShow={(x) => scrollToHighlight(textRoot.current, `t${x.id}`)}
              />
            )}
          </div>

          <div className="card">
            <h2>{t('documents.detail.tasks')}</h2>
            {tasks.error && <ErrorMessage error={tasks.error} />}
            {tasks.data && tasks.data.items.length === 0 && (
              <p className="muted">{t('documents.detail.tasks_none')}</p>
            )}
            {tasks.data && <TaskTree tasks={tasks.data.items} />}
          </div>

          {coverage.data && d.kind !== 'template' && <CoverageCard coverage={coverage.data} />}
          {coverage.data && d.kind === 'template' && <RequiredCard coverage={coverage.data} />}

          <h2>{t('documents.detail.text')}</h2>
          <DocText
            text={d.body}
            anchors={anchors}
            highlights={highlights}
            rootRef={(el) => {
              textRoot.current = el;
            }}
          />
        </div>
      </div>
    </section>
  );
}
