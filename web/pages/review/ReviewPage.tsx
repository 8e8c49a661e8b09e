/**
 * The coordinator's review of a document's proposed program: the text with
 * every proposed target and task highlighted on the left, the proposals on
 * the right — confirm, edit, reject, reopen, link to another indicator — and
 * a selection of the text turned into a target or task the reader missed.
 */
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentDetail } from '../../../src/contracts/document';
import { comparators, targetLevels, targetUnits } from '../../../src/contracts/document-read';
import type {
  IndicatorRef,
  Target,
  TargetCreateInput,
  TargetPatchInput,
  Task,
} from '../../../src/contracts/review';
import { ApiError, api, apiGet } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, useTitle } from '../../router';
import { DocText, scrollToHighlight, type TextHighlight } from '../document/DocText';
import { sectionAnchors } from '../document/DocumentPage';
import { documentLabel, useDocumentWording } from '../document/wording';
import '../document/document.css';

type StateFilter = 'proposed' | 'confirmed' | 'rejected' | 'all';
type Tab = 'targets' | 'tasks';
interface UnitOption {
  id: number;
  code: string;
  name: string;
  kind: string;
}

// ---------------------------------------------------------------- indicator picker

function IndicatorPicker({
  value,
  onChange,
}: {
  value: IndicatorRef | null;
  onChange: (v: IndicatorRef | null) => void;
}) {
  const { t, pick } = useI18n();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<IndicatorRef[] | null>(null);
  useEffect(() => {
    if (q.trim().length < 2) {
      setResults(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      apiGet<{ items: IndicatorRef[] }>(`/api/indicators?search=${encodeURIComponent(q.trim())}`).then(
        (r) => live && setResults(r.items.slice(0, 12)),
        () => live && setResults([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <div className="field wide">
      <label htmlFor="ind-search">{t('documents.review.indicator')}</label>
      <div className="small">
        {value ? (
          <>
            <strong>{pick(value.nameVi, value.nameEn)}</strong> <code className="muted">{value.code}</code>{' '}
            <button type="button" className="btn btn--secondary btn--small" onClick={() => onChange(null)}>
              {t('documents.review.indicator_clear')}
            </button>
          </>
        ) : (
          <span className="muted">{t('documents.review.no_indicator')}</span>
        )}
      </div>
      <input
        id="ind-search"
        type="search"
        placeholder={t('documents.review.indicator_search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {results && (
        <div className="picker-results">
          {results.length === 0 && (
            <div className="muted small" style={{ padding: '0.35rem 0.5rem' }}>
              {t('documents.review.indicator_none')}
            </div>
          )}
          {results.map((r) => (
            <button
              type="button"
              key={r.code}
              onClick={() => {
                onChange(r);
                setQ('');
              }}
            >
              {pick(r.nameVi, r.nameEn)} <code className="muted">{r.code}</code>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- target form

interface TargetDraft {
  year: string;
  level: string;
  comparator: Target['comparator'];
  value: string;
  valueMax: string;
  unit: Target['unit'];
  unitLabel: string;
  indicator: IndicatorRef | null;
  note: string;
}

function draftOf(t: Partial<Target>): TargetDraft {
  return {
    year: t.year ? String(t.year) : '',
    level: t.level ?? '',
    comparator: t.comparator ?? '=',
    value: t.value !== undefined ? String(t.value).replace('.', ',') : '',
    valueMax: t.valueMax !== null && t.valueMax !== undefined ? String(t.valueMax).replace('.', ',') : '',
    unit: t.unit ?? 'percent',
    unitLabel: t.unitLabel ?? '',
    indicator: t.indicator ?? null,
    note: t.note ?? '',
  };
}

/** Reads a number typed the Vietnamese way (decimal comma, thousands dot) or the English way. */
function parseNumber(s: string): number {
  const v = s.trim();
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(v)) return Number(v.replace(/\./g, '').replace(',', '.'));
  return Number(v.replace(',', '.'));
}

function payloadOf(d: TargetDraft): Omit<TargetPatchInput, 'confirm'> {
  return {
    year: d.year ? Number(d.year) : null,
    level: (d.level || null) as Target['level'],
    comparator: d.comparator,
    value: parseNumber(d.value),
    valueMax: d.comparator === 'range' && d.valueMax ? parseNumber(d.valueMax) : null,
    unit: d.comparator === 'top' ? 'rank' : d.unit,
    unitLabel: d.unitLabel || null,
    indicatorId: d.indicator?.id ?? null,
    note: d.note || null,
  };
}

function TargetForm({
  initial,
  onSubmit,
  onCancel,
  allowPlainSave,
}: {
  initial: TargetDraft;
  onSubmit: (payload: Omit<TargetPatchInput, 'confirm'>, confirm: boolean) => Promise<void>;
  onCancel: () => void;
  allowPlainSave: boolean;
}) {
  const { t } = useI18n();
  const w = useDocumentWording();
  const [d, setD] = useState(initial);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof TargetDraft>(k: K, v: TargetDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const submit = async (confirm: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(payloadOf(d), confirm);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void submit(true);
      }}
    >
      <div className="edit-grid">
        <div className="field">
          <label htmlFor="tf-year">{t('documents.review.year')}</label>
          <input
            id="tf-year"
            inputMode="numeric"
            value={d.year}
            onChange={(e) => set('year', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="tf-level">{t('documents.review.level')}</label>
          <select id="tf-level" value={d.level} onChange={(e) => set('level', e.target.value)}>
            <option value="">{w.level(null)}</option>
            {targetLevels.map((l) => (
              <option key={l} value={l}>
                {w.level(l)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tf-cmp">{t('documents.review.comparator')}</label>
          <select
            id="tf-cmp"
            value={d.comparator}
            onChange={(e) => set('comparator', e.target.value as Target['comparator'])}
          >
            {comparators.map((c) => (
              <option key={c} value={c}>
                {t(`documents.comparator.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tf-unit">{t('documents.review.unit')}</label>
          <select
            id="tf-unit"
            value={d.comparator === 'top' ? 'rank' : d.unit}
            disabled={d.comparator === 'top'}
            onChange={(e) => set('unit', e.target.value as Target['unit'])}
          >
            {targetUnits.map((u) => (
              <option key={u} value={u}>
                {t(`documents.unit.${u}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tf-value">{t('documents.review.value')}</label>
          <input
            id="tf-value"
            inputMode="decimal"
            required
            value={d.value}
            onChange={(e) => set('value', e.target.value)}
          />
        </div>
        {d.comparator === 'range' ? (
          <div className="field">
            <label htmlFor="tf-max">{t('documents.review.value_max')}</label>
            <input
              id="tf-max"
              inputMode="decimal"
              value={d.valueMax}
              onChange={(e) => set('valueMax', e.target.value)}
            />
          </div>
        ) : (
          <div className="field">
            <label htmlFor="tf-label">{t('documents.review.unit_label')}</label>
            <input id="tf-label" value={d.unitLabel} onChange={(e) => set('unitLabel', e.target.value)} />
          </div>
        )}
        <IndicatorPicker value={d.indicator} onChange={(v) => set('indicator', v)} />
        <div className="field wide">
          <label htmlFor="tf-note">{t('documents.review.note')}</label>
          <input id="tf-note" value={d.note} onChange={(e) => set('note', e.target.value)} />
        </div>
      </div>
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="submit" className="btn btn--small" disabled={busy}>
          {t('documents.review.save_confirm')}
        </button>
        {allowPlainSave && (
          <button
            type="button"
            className="btn btn--secondary btn--small"
            disabled={busy}
            onClick={() => void submit(false)}
          >
            {t('documents.review.save')}
          </button>
        )}
        <button type="button" className="btn btn--secondary btn--small" onClick={onCancel}>
          {t('documents.review.cancel')}
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- cards

function StateBadge({ state }: { state: Target['reviewState'] }) {
  const { t } = useI18n();
  const cls = state === 'confirmed' ? 'badge--ok' : state === 'rejected' ? 'badge--muted' : 'badge--warn';
  return <span className={`badge ${cls}`}>{t(`documents.state.${state}`)}</span>;
}

function TargetCard({
  target,
  label,
  active,
  onShow,
  onChanged,
}: {
  target: Target;
  label: string;
  active: boolean;
  onShow: () => void;
  onChanged: () => void;
}) {
  const { t, pick } = useI18n();
  const w = useDocumentWording();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const act = async (path: string) => {
    setError(null);
    try {
      await api('POST', `/api/targets/${target.id}/${path}`);
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <article
      className={`review-card is-${target.reviewState} ${active ? 'is-active' : ''}`}
      data-card={`t${target.id}`}
      aria-label={`${label} ${w.target(target)}`}
    >
      <header>
        <span>
          <span className="badge">{label}</span> <span className="target-value">{w.value(target)}</span>
        </span>
        <StateBadge state={target.reviewState} />
      </header>
      <div className="target-meta">
        {[
          target.level ? w.level(target.level) : null,
          target.year ? t('documents.year', { year: target.year }) : null,
        ]
          .filter(Boolean)
          .join(' — ')}
        {target.carriedFromId && <span className="badge badge--info">{t('documents.review.carried')}</span>}{' '}
        {target.origin === 'manual' && (
          <span className="badge badge--info">{t('documents.review.manual')}</span>
        )}
      </div>
      <div className="indicator">
        {target.indicator ? (
          <>
            {pick(target.indicator.nameVi, target.indicator.nameEn)}
            {target.indicatorConfidence !== null && target.indicatorConfidence < 1 && (
              <span className="muted">
                {' '}
                · {t('documents.review.confidence', { n: Math.round(target.indicatorConfidence * 100) })}
              </span>
            )}
          </>
        ) : (
          <em>{t('documents.review.no_indicator')}</em>
        )}
      </div>
      <button
        type="button"
        className="quote"
        style={{ all: 'unset', cursor: 'pointer', display: 'block' }}
        onClick={onShow}
        title={t('documents.review.show_in_text')}
      >
        <span className="target-quote">{target.quote.replace(/\*+/g, '')}</span>
      </button>
      {target.note && <div className="small muted">{target.note}</div>}
      {error && <ErrorMessage error={error} />}
      {editing ? (
        <TargetForm
          initial={draftOf(target)}
          allowPlainSave
          onCancel={() => setEditing(false)}
          onSubmit={async (payload, confirm) => {
            await api('PATCH', `/api/targets/${target.id}`, { ...payload, confirm });
            setEditing(false);
            onChanged();
          }}
        />
      ) : (
        <ReviewActions
          state={target.reviewState}
          onAct={(a) => void act(a)}
          onEdit={() => setEditing(true)}
        />
      )}
    </article>
  );
}

function UnitChecks({
  units,
  selected,
  onChange,
  id,
}: {
  units: UnitOption[];
  selected: number[];
  onChange: (ids: number[]) => void;
  id: string;
}) {
  return (
    <div className="unit-checks" id={id}>
      {units.map((u) => (
        <label key={u.id}>
          <input
            type="checkbox"
            checked={selected.includes(u.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...selected, u.id] : selected.filter((x) => x !== u.id))
            }
          />
          {u.name}
        </label>
      ))}
    </div>
  );
}

function TaskCard({
  task,
  depth,
  units,
  active,
  onShow,
  onChanged,
}: {
  task: Task;
  /** How deep in the document's groups (0 = a top group): cards are indented to show it. */
  depth: number;
  units: UnitOption[];
  active: boolean;
  onShow: () => void;
  onChanged: () => void;
}) {
  const { t, date } = useI18n();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [leads, setLeads] = useState(task.leads.map((u) => u.unitId));
  const [coop, setCoop] = useState(task.cooperating.map((u) => u.unitId));
  const [title, setTitle] = useState(task.title);
  const [deadline, setDeadline] = useState(task.deadline ?? '');
  const act = async (path: string) => {
    setError(null);
    try {
      await api('POST', `/api/tasks/${task.id}/${path}`);
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  };
  const save = async () => {
    setError(null);
    try {
      await api('PATCH', `/api/tasks/${task.id}`, {
        title,
        deadline: deadline || null,
        leadUnitIds: leads,
        cooperatingUnitIds: coop,
        confirm: true,
      });
      setEditing(false);
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <article
      className={`review-card is-${task.reviewState} ${active ? 'is-active' : ''}`}
      data-card={`k${task.id}`}
      style={{ marginLeft: `${Math.min(depth, 3) * 0.9}rem` }}
    >
      <header>
        <button
          type="button"
          onClick={onShow}
          style={{ all: 'unset', cursor: 'pointer' }}
          title={t('documents.review.show_in_text')}
        >
          <span className="task-section">{task.section}</span> <strong>{task.title}</strong>
        </button>
        <StateBadge state={task.reviewState} />
      </header>
      <div className="small">
        {task.leads.map((u) => (
          <span className="unit-chip" key={u.unitId}>
            {u.name}
          </span>
        ))}
        {task.unresolvedLeads.map((n) => (
          <span className="unit-chip unit-chip--text" key={n} title={t('documents.review.unresolved')}>
            {n}
          </span>
        ))}
        {(task.cooperating.length > 0 || task.unresolvedCooperating.length > 0) && (
          <div>
            <span className="muted">{t('documents.detail.cooperating')}: </span>
            {task.cooperating
              .map((u) => u.name)
              .concat(task.unresolvedCooperating)
              .join('; ')}
          </div>
        )}
        {task.deadline && (
          <div className="muted">
            {t('documents.detail.deadline')}: {task.deadlineText ?? date(task.deadline)}
          </div>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
      {editing ? (
        <div className="edit-grid">
          <div className="field wide">
            <label htmlFor={`tk-title-${task.id}`}>{t('documents.review.task_title')}</label>
            <input id={`tk-title-${task.id}`} value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field wide">
            <label htmlFor={`tk-leads-${task.id}`}>{t('documents.review.leads')}</label>
            <UnitChecks id={`tk-leads-${task.id}`} units={units} selected={leads} onChange={setLeads} />
          </div>
          <div className="field wide">
            <label htmlFor={`tk-coop-${task.id}`}>{t('documents.review.cooperating')}</label>
            <UnitChecks id={`tk-coop-${task.id}`} units={units} selected={coop} onChange={setCoop} />
          </div>
          <div className="field">
            <label htmlFor={`tk-deadline-${task.id}`}>{t('documents.review.deadline')}</label>
            <input
              id={`tk-deadline-${task.id}`}
              type="date"
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
            />
          </div>
          <div className="actions wide">
            <button type="button" className="btn btn--small" onClick={() => void save()}>
              {t('documents.review.save_confirm')}
            </button>
            <button type="button" className="btn btn--secondary btn--small" onClick={() => setEditing(false)}>
              {t('documents.review.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <ReviewActions state={task.reviewState} onAct={(a) => void act(a)} onEdit={() => setEditing(true)} />
      )}
    </article>
  );
}

// ---------------------------------------------------------------- adding from a selection

/** A first guess of a target from the selected words: the number, a comparator word, a year. */
function guessFromSelection(words: string): Partial<Target> {
  const year = /năm\s+(20\d{2})/i.exec(words)?.[1];
  const pct = /(\d+(?:[.,]\d+)?)\s*%/.exec(words)?.[1];
  const num = pct ?? /\b(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\b/.exec(words)?.[1];
  const comparator: Target['comparator'] = /\btrên\b/i.test(words)
    ? '>'
    : /tối thiểu|ít nhất|trở lên|đạt từ/i.test(words)
      ? '>='
      : /tối đa|không quá/i.test(words)
        ? '<='
        : /\bdưới\b/i.test(words)
          ? '<'
          : '=';
  return {
    year: year ? Number(year) : null,
    comparator,
    value: num ? parseNumber(num) : undefined,
    unit: pct ? 'percent' : 'count',
  };
}

function SelectionPanel({
  doc,
  span,
  units,
  onClear,
  onAdded,
}: {
  doc: DocumentDetail;
  span: [number, number];
  units: UnitOption[];
  onClear: () => void;
  onAdded: (kind: Tab) => void;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Tab | null>(null);
  const [section, setSection] = useState('');
  const [leads, setLeads] = useState<number[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const words = doc.body.slice(span[0], span[1]);
  // the section the selection sits in, as a default for a task
  useEffect(() => {
    const inside = doc.sections.filter((s) => s.span[0] <= span[0] && s.span[1] >= span[1]);
    setSection(inside[inside.length - 1]?.path ?? '');
  }, [doc.sections, span]);
  return (
    <section className="selection-bar" aria-label={t('documents.review.selection')}>
      <div className="small">{t('documents.review.selection')}</div>
      <div className="quote">{words.replace(/\*+/g, '')}</div>
      {mode === null && (
        <div className="actions" style={{ display: 'flex', gap: '0.4rem' }}>
          <button
            type="button"
            className="btn btn--small"
            style={{ background: 'var(--gold)', color: 'var(--navy-dark)', borderColor: 'var(--gold)' }}
            onClick={() => setMode('targets')}
          >
            {t('documents.review.add_target')}
          </button>
          <button type="button" className="btn btn--secondary btn--small" onClick={() => setMode('tasks')}>
            {t('documents.review.add_task')}
          </button>
          <button type="button" className="btn btn--secondary btn--small" onClick={onClear}>
            {t('documents.review.cancel')}
          </button>
        </div>
      )}
      {mode === 'targets' && (
        <div className="review-card" style={{ color: 'var(--ink)' }}>
          <TargetForm
            initial={draftOf(guessFromSelection(words))}
            allowPlainSave={false}
            onCancel={() => setMode(null)}
            onSubmit={async (payload) => {
              const body: TargetCreateInput = {
                span,
                year: payload.year ?? null,
                level: payload.level ?? null,
                comparator: payload.comparator ?? '=',
                value: payload.value ?? 0,
                valueMax: payload.valueMax ?? null,
                unit: payload.unit ?? 'percent',
                unitLabel: payload.unitLabel ?? null,
                indicatorId: payload.indicatorId ?? null,
                note: payload.note ?? null,
              };
              await api('POST', `/api/documents/${doc.id}/targets`, body);
              onAdded('targets');
            }}
          />
        </div>
      )}
      {mode === 'tasks' && (
        <div className="review-card" style={{ color: 'var(--ink)' }}>
          <div className="field">
            <label htmlFor="nt-section">{t('documents.review.section')}</label>
            <input id="nt-section" value={section} onChange={(e) => setSection(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="nt-leads">{t('documents.review.leads')}</label>
            <UnitChecks id="nt-leads" units={units} selected={leads} onChange={setLeads} />
          </div>
          {error && <ErrorMessage error={error} />}
          <div className="actions">
            <button
              type="button"
              className="btn btn--small"
              onClick={async () => {
                setError(null);
                try {
                  await api('POST', `/api/documents/${doc.id}/tasks`, {
                    span,
                    section: section || '—',
                    leadUnitIds: leads,
                  });
                  onAdded('tasks');
                } catch (e) {
                  setError(e as Error);
                }
              }}
            >
              {t('documents.review.save_confirm')}
            </button>
            <button type="button" className="btn btn--secondary btn--small" onClick={() => setMode(null)}>
              {t('documents.review.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- the page

export function ReviewPage({ params }: { params: Record<string, string> }) {
  const id = encodeURIComponent(params.id ?? '');
  const { t } = useI18n();
  const w = useDocumentWording();
  const doc = useApi<DocumentDetail>(`/api/documents/${id}`);
  // the proposals are asked for only by someone who may review them
  const may = doc.data?.canReview === true;
  const targets = useApi<{ items: Target[] }>(may ? `/api/documents/${id}/targets?state=all` : null);
  const tasks = useApi<{ items: Task[] }>(may ? `/api/documents/${id}/tasks?state=all` : null);
  const units = useApi<{ items: UnitOption[] }>(may ? `/api/documents/${id}/units` : null);
  const [tab, setTab] = useState<Tab>('targets');
  const [filter, setFilter] = useState<StateFilter>('all');
  const [active, setActive] = useState<string | null>(null);
  const [selection, setSelection] = useState<[number, number] | null>(null);
  const textRoot = useRef<HTMLDivElement | null>(null);
  const listRoot = useRef<HTMLDivElement | null>(null);
  useTitle(
    doc.data
      ? `${t('documents.review.title')} — ${documentLabel(doc.data, w.kind)}`
      : t('documents.review.title'),
  );

  const targetList = targets.data?.items ?? [];
  const taskList = tasks.data?.items ?? [];
  const taskById = useMemo(() => new Map(taskList.map((k) => [k.id, k])), [taskList]);
  const taskDepth = (k: Task) => {
    let depth = 0;
    for (let p = k.parentId; p !== null && depth < 6; p = taskById.get(p)?.parentId ?? null) depth++;
    return depth;
  };
  const targetLabel = useMemo(() => new Map(targetList.map((x, i) => [x.id, `#${i + 1}`])), [targetList]);
  const highlights = useMemo<TextHighlight[]>(
    () => [
      ...taskList.map((k) => ({
        key: `k${k.id}`,
        start: k.span[0],
        end: k.span[1],
        className: `hl-task hl-task--${k.reviewState}`,
      })),
      ...targetList.map((x) => ({
        key: `t${x.id}`,
        start: x.span[0],
        end: x.span[1],
        className: `hl-target hl-target--${x.reviewState}`,
        label: targetLabel.get(x.id),
        title: w.target(x),
      })),
    ],
    [targetList, taskList, targetLabel, w],
  );
  const anchors = useMemo(() => (doc.data ? sectionAnchors(doc.data) : []), [doc.data]);

  const reload = () => {
    targets.reload();
    tasks.reload();
  };
  const show = (key: string) => {
    setActive(key);
    scrollToHighlight(textRoot.current, key);
  };
  const pickFromText = (key: string) => {
    setActive(key);
    const wantTab: Tab = key.startsWith('t') ? 'targets' : 'tasks';
    setTab(wantTab);
    setFilter('all');
    setTimeout(
      () => listRoot.current?.querySelector(`[data-card="${key}"]`)?.scrollIntoView({ block: 'nearest' }),
      50,
    );
  };

  const denied =
    (targets.error instanceof ApiError && (targets.error.status === 401 || targets.error.status === 403)) ||
    (doc.data && !doc.data.canReview);
  if (doc.error) return <ErrorMessage error={doc.error} />;
  if (!doc.data) return <Loading />;
  const d = doc.data;
  if (denied) {
    return (
      <section className="page">
        <div className="breadcrumbs">
          <Link to="/documents">{t('documents.detail.breadcrumb')}</Link> /{' '}
          <Link to={`/documents/${d.id}`}>{documentLabel(d, w.kind)}</Link>
        </div>
        <h1>{t('documents.review.title')}</h1>
        <p className="alert alert--warn">{t('documents.review.denied')}</p>
      </section>
    );
  }

  const decided = [...targetList, ...taskList].filter((x) => x.reviewState !== 'proposed').length;
  const total = targetList.length + taskList.length;
  const shownTargets = targetList.filter((x) => filter === 'all' || x.reviewState === filter);
  const shownTasks = taskList.filter((x) => filter === 'all' || x.reviewState === filter);

  return (
    <section className="page">
      <div className="breadcrumbs">
        <Link to="/documents">{t('documents.detail.breadcrumb')}</Link> /{' '}
        <Link to={`/documents/${d.id}`}>{documentLabel(d, w.kind)}</Link>
      </div>
      <header className="page-header">
        <div>
          <span className="doc-kind">{w.kind(d.kind)}</span>
          {d.isSeed && (
            <span className="demo-label" style={{ marginLeft: '0.5rem' }} title={t('documents.seed_hint')}>
              {t('documents.seed')}
            </span>
          )}
          <h1>
            {t('documents.review.title')}: {d.title}
          </h1>
          <p className="muted small" style={{ maxWidth: '52rem' }}>
            {t('documents.review.lead')}
          </p>
        </div>
        <Link className="btn btn--secondary" to={`/documents/${d.id}`}>
          {t('documents.review.back')}
        </Link>
      </header>

      <div className="review-layout">
        <div className="review-text">
          <DocText
            text={d.body}
            highlights={highlights}
            anchors={anchors}
            activeKey={active}
            onHighlightClick={pickFromText}
            onSelection={setSelection}
            rootRef={(el) => {
              textRoot.current = el;
            }}
          />
        </div>
        <aside className="review-side" aria-label={t('documents.review.title')}>
          <div className="card" style={{ marginBottom: 0 }}>
            <div className="small" style={{ display: 'flex', justifyContent: 'space-between' }}>
              <strong>{t('documents.review.progress', { done: decided, total })}</strong>
              <span className="muted">
                {t('documents.state.confirmed')}:{' '}
                {[...targetList, ...taskList].filter((x) => x.reviewState === 'confirmed').length}
              </span>
            </div>
            <div className="progress" style={{ marginTop: '0.35rem' }}>
              <span style={{ width: `${total ? (100 * decided) / total : 0}%` }} />
            </div>
            {!selection && (
              <p className="muted small" style={{ margin: '0.5rem 0 0' }}>
                {t('documents.review.select_hint')}
              </p>
            )}
            <BulkConfirm documentId={d.id} targets={targetList} tasks={taskList} onDone={reload} />
          </div>
          {selection && (
            <SelectionPanel
              key={`${selection[0]}-${selection[1]}`}
              doc={d}
              span={selection}
              units={units.data?.items ?? []}
              onClear={() => setSelection(null)}
              onAdded={(kind) => {
                setSelection(null);
                setTab(kind);
                window.getSelection()?.removeAllRanges();
                reload();
              }}
            />
          )}
          <div className="tabs" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'targets'}
              onClick={() => setTab('targets')}
            >
              {t('documents.review.tab.targets', { n: targetList.length })}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'tasks'} onClick={() => setTab('tasks')}>
              {t('documents.review.tab.tasks', { n: taskList.length })}
            </button>
            <select
              aria-label={t('documents.list.filter.kind')}
              value={filter}
              onChange={(e) => setFilter(e.target.value as StateFilter)}
              style={{ marginLeft: 'auto', alignSelf: 'center' }}
            >
              {(['all', 'proposed', 'confirmed', 'rejected'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`documents.state.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {(targets.error || tasks.error) && <ErrorMessage error={(targets.error ?? tasks.error) as Error} />}
          <div className="review-list" ref={listRoot}>
            {tab === 'targets' &&
              (shownTargets.length === 0 ? (
                <p className="muted">{t('documents.review.empty')}</p>
              ) : (
                shownTargets.map((x) => (
                  <TargetCard
                    key={`${x.id}-${x.reviewState}-${x.value}-${x.indicator?.code}`}
                    target={x}
                    label={targetLabel.get(x.id) ?? ''}
                    active={active === `t${x.id}`}
                    onShow={() => show(`t${x.id}`)}
                    onChanged={reload}
                  />
                ))
              ))}
            {tab === 'tasks' &&
              (shownTasks.length === 0 ? (
                <p className="muted">{t('documents.review.empty')}</p>
              ) : (
                shownTasks.map((k) => (
                  <TaskCard
                    key={`${k.id}-${k.reviewState}-${k.leads.length}`}
                    task={k}
                    depth={taskDepth(k)}
                    units={units.data?.items ?? []}
                    active={active === `k${k.id}`}
                    onShow={() => show(`k${k.id}`)}
                    onChanged={reload}
                  />
                ))
              ))}
          </div>
        </aside>
      </div>
    </section>
  );
}

/** Confirm, edit, reject or reopen one proposed item, by its review state. */
function ReviewActions({
  state,
  onAct,
  onEdit,
}: {
  state: 'proposed' | 'confirmed' | 'rejected';
  onAct: (action: 'confirm' | 'reject' | 'reopen') => void;
  onEdit: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="actions">
      {state !== 'confirmed' && (
        <button type="button" className="btn btn--small" onClick={() => onAct('confirm')}>
          {t('documents.review.confirm')}
        </button>
      )}
      <button type="button" className="btn btn--secondary btn--small" onClick={onEdit}>
        {t('documents.review.edit')}
      </button>
      {state !== 'rejected' && (
        <button type="button" className="btn btn--secondary btn--small" onClick={() => onAct('reject')}>
          {t('documents.review.reject')}
        </button>
      )}
      {state !== 'proposed' && (
        <button type="button" className="btn btn--secondary btn--small" onClick={() => onAct('reopen')}>
          {t('documents.review.reopen')}
        </button>
      )}
    </div>
  );
}

/** The share of the reader's confidence in an indicator above which a target may be confirmed at once. */
const BULK_MIN_CONFIDENCE = 0.8;

/**
 * Confirms at once the targets read with a sure indicator and the proposed
 * tasks, after a second click; the others stay for one-by-one review.
 */
function BulkConfirm({
  documentId,
  targets,
  tasks,
  onDone,
}: {
  documentId: number;
  targets: Target[];
  tasks: Task[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<{ targets: number; tasks: number; targetsLeft: number } | null>(null);
  const sure = targets.filter(
    (x) => x.reviewState === 'proposed' && x.indicator && (x.indicatorConfidence ?? 0) >= BULK_MIN_CONFIDENCE,
  ).length;
  const proposedTasks = tasks.filter((x) => x.reviewState === 'proposed').length;
  if (done)
    return (
      <p className="alert alert--ok small" role="status">
        {t('documents.review.bulk_done', done)}
      </p>
    );
  if (sure + proposedTasks === 0) return null;
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setDone(
        await api('POST', `/api/documents/${documentId}/confirm-proposals`, {
          tasks: true,
          minConfidence: BULK_MIN_CONFIDENCE,
        }),
      );
      onDone();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <div className="bulk-confirm">
      {!asking ? (
        <button type="button" className="btn btn--secondary btn--small" onClick={() => setAsking(true)}>
          {t('documents.review.bulk', { targets: sure, tasks: proposedTasks })}
        </button>
      ) : (
        <fieldset className="bulk-confirm__ask">
          <legend className="small">
            {t('documents.review.bulk_confirm', { targets: sure, tasks: proposedTasks })}
          </legend>
          <div className="button-row">
            <button type="button" className="btn btn--small" disabled={busy} onClick={() => void run()}>
              {t('documents.review.bulk_yes')}
            </button>
            <button type="button" className="btn btn--secondary btn--small" onClick={() => setAsking(false)}>
              {t('documents.review.cancel')}
            </button>
          </div>
        </fieldset>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
