/**
 * The report form of one unit in one round (`/rounds/:roundId/units/:unitId`):
 * every indicator asked, with its definition at hand, last period's figure
 * beside it, a comment, evidence and the history of the field; every task the
 * unit leads. Figures are checked as they are typed with the same rules the
 * server applies (src/domain/validation/), saved as drafts automatically a
 * moment after typing stops, and submitted, returned, approved or reopened
 * from the bar at the bottom. Someone else's change to a field is shown, never
 * silently overwritten.
 */
import { type ChangeEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Indicator } from '../../../src/contracts/indicator';
import type { ReportForm, SaveReportFormResult } from '../../../src/contracts/submission';
import { parseDecimal } from '../../../src/domain/validation/number';
import { builtInConsistencyRules } from '../../../src/domain/validation/rules';
import {
  type TaskStatus,
  taskStatuses,
  type ValidationIssue,
  type ValueInput,
  validateReport,
} from '../../../src/domain/validation/validate';
import { ApiError, api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { RequireSignIn } from '../../auth';
import { DataGrid, type GridColumn, type GridInput } from '../../components/DataGrid';
import { ErrorMessage, Loading } from '../../components/Status';
import { ValueHistory } from '../../components/ValueHistory';
import { useI18n } from '../../i18n';
import { Link, useTitle } from '../../router';
import { DemoLabel, StateBadge, useFigure } from '../rounds/text';
import './report-form.css';

type Entry = { numerator: string; denominator: string; value: string; comment: string };
type TaskEntry = { status: TaskStatus | ''; percent: string; note: string };
type FormIndicator = ReportForm['indicators'][number];
type Conflict = NonNullable<SaveReportFormResult['values']['conflicts'][number]['current']>;

const text = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : String(n).replace('.', ',');

function entryOf(i: FormIndicator): Entry {
  return {
    numerator: text(i.current?.numerator),
    denominator: text(i.current?.denominator),
    value: text(i.current?.value),
    comment: i.current?.comment ?? '',
  };
}

/** The typed text as a figure, and the fields that are not numbers. */
function parseEntry(e: Entry, kind: string, code: string): { input: ValueInput; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const read = (field: 'numerator' | 'denominator' | 'value') => {
    const r = parseDecimal(e[field]);
    if (!r.ok) {
      issues.push({ path: `values.${code}.${field}`, code: r.code, severity: 'error' });
      return null;
    }
    return r.value;
  };
  const input: ValueInput =
    kind === 'ratio'
      ? { numerator: read('numerator'), denominator: read('denominator'), comment: e.comment }
      : { value: read('value'), comment: e.comment };
  return { input, issues };
}

const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Asia/Ho_Chi_Minh',
});

/** The workflow's steps in the order they are offered: action, button style, test id. */
const workflowButtons: ReadonlyArray<
  readonly ['submit' | 'recall' | 'approve' | 'return' | 'reopen', string, string | null]
> = [
  ['submit', 'btn', 'submit'],
  ['recall', 'btn btn--secondary', null],
  ['approve', 'btn', 'approve'],
  ['return', 'btn btn--danger', 'return'],
  ['reopen', 'btn btn--secondary', null],
];

export function ReportFormPage({ params }: { params: Record<string, string> }) {
  return (
    <RequireSignIn action="figures.read">
      <ReportFormView roundId={Number(params.roundId)} unitId={Number(params.unitId)} />
    </RequireSignIn>
  );
}

function ReportFormView({ roundId, unitId }: { roundId: number; unitId: number }) {
  const { t, pick, date } = useI18n();
  const path = `/api/rounds/${roundId}/units/${unitId}/form`;
  const { data, error, reload } = useApi<ReportForm>(path);
  useTitle(data ? `${data.unit.name} — ${data.round.name}` : t('report.title'));
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  return (
    <section className="page report-form">
      <div className="breadcrumbs">
        <Link to="/rounds">{t('nav.rounds')}</Link> › <Link to={`/rounds/${roundId}`}>{data.round.name}</Link>
      </div>
      <div className="page-header">
        <div>
          <h1>{data.unit.name}</h1>
          <div className="meta">
            {data.round.name} · {data.round.periodLabel} ·{' '}
            {t('report.due', { date: date(data.round.lastDayOnTime) })}
            {' · '}
            {data.round.provinceName}
          </div>
        </div>
        <div className="report-form__status">
          {data.round.isDemo && <DemoLabel />}
          <StateBadge state={data.submission.state} />
          {data.submission.late && <span className="badge badge--bad">{t('report.late')}</span>}
        </div>
      </div>
      {data.submission.state === 'returned' && data.submission.comment && (
        <div className="alert alert--warn" role="alert" data-testid="returned-comment">
          <strong>{t('report.returned_by', { who: data.submission.decidedBy ?? '' })}</strong>{' '}
          {data.submission.comment}
        </div>
      )}
      {data.submission.state === 'approved' && (
        <div className="alert alert--info">
          {t('report.approved_locked', { who: data.submission.decidedBy ?? '' })}
        </div>
      )}
      <FormBody
        key={`${data.submission.id}:${data.submission.state}:${reloadKey(data)}`}
        form={data}
        reload={reload}
        pick={pick}
      />
    </section>
  );
}

// a new server state (a workflow step) starts the editing state afresh
const reloadKey = (f: ReportForm) => f.submission.events.length;

function FormBody({
  form,
  reload,
  pick,
}: {
  form: ReportForm;
  reload: () => void;
  pick: (vi: string | null | undefined, en: string | null | undefined) => string;
}) {
  const { t, dateTime, number } = useI18n();
  const figure = useFigure();
  const can = form.submission.can;
  const byId = useMemo(() => new Map(form.indicators.map((i) => [i.indicator.id, i])), [form]);
  const [entries, setEntries] = useState<Record<number, Entry>>(() =>
    Object.fromEntries(form.indicators.map((i) => [i.indicator.id, entryOf(i)])),
  );
  const [revisions, setRevisions] = useState<Record<number, number | null>>(() =>
    Object.fromEntries(form.indicators.map((i) => [i.indicator.id, i.current?.revision ?? null])),
  );
  const [tasks, setTasks] = useState<Record<number, TaskEntry>>(() =>
    Object.fromEntries(
      form.tasks.map((x) => [
        x.taskId,
        { status: x.update?.status ?? '', percent: text(x.update?.percent), note: x.update?.note ?? '' },
      ]),
    ),
  );
  const [taskRevisions, setTaskRevisions] = useState<Record<number, number | null>>(() =>
    Object.fromEntries(form.tasks.map((x) => [x.taskId, x.update?.revision ?? null])),
  );
  const [dirty, setDirty] = useState<Set<number>>(new Set());
  const [taskDirty, setTaskDirty] = useState<Set<number>>(new Set());
  // what the next request must carry, whatever render its handler was made in
  const versionRef = useRef(form.submission.version);
  const revisionsRef = useRef(revisions);
  const taskRevisionsRef = useRef(taskRevisions);
  revisionsRef.current = revisions;
  taskRevisionsRef.current = taskRevisions;
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [serverIssues, setServerIssues] = useState<Record<string, string>>({});
  const [conflicts, setConflicts] = useState<Record<number, Conflict>>({});
  const [mode, setMode] = useState<'draft' | 'submit'>('draft');
  const [openDetail, setOpenDetail] = useState<Record<string, boolean>>({});
  const [actionError, setActionError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [decisionComment, setDecisionComment] = useState('');
  const inFlight = useRef<Promise<boolean> | null>(null);

  // the shared rules, on what is typed now
  const parsed = useMemo(() => {
    const values: Record<string, ValueInput> = {};
    const parseIssues: ValidationIssue[] = [];
    for (const i of form.indicators) {
      const r = parseEntry(entries[i.indicator.id] ?? entryOf(i), i.indicator.kind, i.indicator.code);
      values[i.indicator.code] = r.input;
      parseIssues.push(...r.issues);
    }
    return { values, parseIssues };
  }, [entries, form]);
  const taskInputs = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(tasks).map(([id, x]) => {
          const p = parseDecimal(x.percent);
          return [id, { status: x.status || null, percent: p.ok ? p.value : Number.NaN, note: x.note }];
        }),
      ),
    [tasks],
  );
  const validation = useMemo(() => {
    const previous: Record<string, ValueInput> = {};
    for (const i of form.indicators) if (i.previous) previous[i.indicator.code] = i.previous;
    // a field that is not a number is reported once, as such
    const unparsable = new Set(parsed.parseIssues.map((x) => x.path));
    const values = Object.fromEntries(
      Object.entries(parsed.values).map(([code, v]) => [
        code,
        Object.fromEntries(
          Object.entries(v).filter(([k]) => !unparsable.has(`values.${code}.${k}`)),
        ) as ValueInput,
      ]),
    );
    const r = validateReport(
      {
        indicators: form.indicators.map((i) => ({
          code: i.indicator.code,
          kind: i.indicator.kind,
          required: i.required,
        })),
        values,
        previous,
        tasks: form.tasks.map((x) => ({ id: x.taskId })),
        taskUpdates: taskInputs,
        rules: builtInConsistencyRules,
      },
      mode,
    );
    return { ...r, issues: [...parsed.parseIssues, ...r.issues] };
  }, [parsed, taskInputs, form, mode]);
  const issueAt = useMemo(() => {
    const m = new Map<string, ValidationIssue>();
    for (const i of validation.issues) {
      const seen = m.get(i.path);
      if (!seen || (seen.severity === 'warning' && i.severity === 'error')) m.set(i.path, i);
    }
    return m;
  }, [validation]);
  const message = (path: string): { error: string | null; warning: string | null } => {
    const server = serverIssues[path];
    if (server) return { error: server, warning: null };
    const i = issueAt.get(path);
    if (!i) return { error: null, warning: null };
    const m = t(i.code, i.params);
    return i.severity === 'error' ? { error: m, warning: null } : { error: null, warning: m };
  };
  const rowHasError = useCallback(
    (code: string) =>
      validation.issues.some(
        (i) =>
          i.severity === 'error' &&
          i.path.startsWith(`values.${code}.`) &&
          i.path !== `values.${code}.comment`,
      ) || parsed.parseIssues.some((i) => i.path.startsWith(`values.${code}.`)),
    [validation, parsed],
  );

  const change = (indicatorId: number, field: keyof Entry, value: string) => {
    setEntries((e) => ({ ...e, [indicatorId]: { ...(e[indicatorId] as Entry), [field]: value } }));
    setDirty((d) => new Set(d).add(indicatorId));
    const code = byId.get(indicatorId)?.indicator.code;
    if (code) {
      setServerIssues((s) =>
        Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith(`values.${code}`))),
      );
    }
  };
  const changeTask = (taskId: number, field: keyof TaskEntry, value: string) => {
    setTasks((x) => ({ ...x, [taskId]: { ...(x[taskId] as TaskEntry), [field]: value } }));
    setTaskDirty((d) => new Set(d).add(taskId));
  };

  /** Saves what changed and is valid; `atomic` refuses everything on any problem. */
  /** Saves; true when nothing is left unsaved (no field withheld for an error, no conflict). */
  const save = useCallback(async (): Promise<boolean> => {
    if (!can.edit) return true;
    const valueIds = [...dirty].filter(
      (id) => !rowHasError(byId.get(id)?.indicator.code ?? '') && !conflicts[id],
    );
    const taskIds = [...taskDirty].filter(
      (id) => !validation.issues.some((i) => i.severity === 'error' && i.path.startsWith(`tasks.${id}.`)),
    );
    const withheld = valueIds.length < dirty.size || taskIds.length < taskDirty.size;
    if (valueIds.length === 0 && taskIds.length === 0) return !withheld;
    const sent = { entries: { ...entries }, tasks: { ...tasks } };
    setSaving(true);
    try {
      const r = await api<SaveReportFormResult>(
        'PUT',
        `/api/rounds/${form.round.id}/units/${form.unit.id}/form`,
        {
          atomic: false,
          values: valueIds.map((id) => {
            const i = byId.get(id) as FormIndicator;
            const v = parsed.values[i.indicator.code] ?? {};
            return {
              indicatorId: id,
              ...(i.indicator.kind === 'ratio'
                ? { numerator: v.numerator ?? null, denominator: v.denominator ?? null }
                : { value: v.value ?? null }),
              comment: sent.entries[id]?.comment ?? '',
              expectedRevision: revisionsRef.current[id] ?? null,
            };
          }),
          tasks: taskIds.map((id) => {
            const x = sent.tasks[id] as TaskEntry;
            const p = parseDecimal(x.percent);
            return {
              taskId: id,
              status: x.status || null,
              percent: p.ok ? p.value : null,
              note: x.note,
              expectedRevision: taskRevisionsRef.current[id] ?? null,
            };
          }),
        },
      );
      const newRevisions = { ...revisionsRef.current };
      valueIds.forEach((id, i) => {
        const rev = r.values.revisions[i];
        if (rev !== null && rev !== undefined) newRevisions[id] = rev;
      });
      revisionsRef.current = newRevisions;
      setRevisions(newRevisions);
      taskRevisionsRef.current = {
        ...taskRevisionsRef.current,
        ...Object.fromEntries(Object.entries(r.tasks.revisions).map(([k, v]) => [Number(k), v])),
      };
      setTaskRevisions((x) => ({
        ...x,
        ...Object.fromEntries(Object.entries(r.tasks.revisions).map(([k, v]) => [Number(k), v])),
      }));
      const failed = new Set(r.values.conflicts.map((c) => valueIds[c.index] as number));
      // a field typed again while it was being saved stays dirty
      setEntries((now) => {
        setDirty((d) => {
          const next = new Set(d);
          for (const id of valueIds)
            if (!failed.has(id) && JSON.stringify(now[id]) === JSON.stringify(sent.entries[id]))
              next.delete(id);
          return next;
        });
        return now;
      });
      const failedTasks = new Set(r.tasks.conflicts.map((c) => c.taskId));
      setTaskDirty((d) => {
        const next = new Set(d);
        for (const id of taskIds) if (!failedTasks.has(id)) next.delete(id);
        return next;
      });
      const issues: Record<string, string> = {};
      const others: Record<number, Conflict> = {};
      for (const c of r.values.conflicts) {
        if (c.code === 'data_value.changed_by_other' && c.current) others[c.indicatorId] = c.current;
        else issues[c.path ?? `values.${c.index}`] = c.message;
      }
      for (const c of r.tasks.conflicts) issues[c.path] = c.message;
      setServerIssues((s) => ({ ...s, ...issues }));
      setConflicts((x) => ({ ...x, ...others }));
      versionRef.current = r.version;
      setSavedAt(r.savedAt);
      return !withheld && r.values.conflicts.length === 0 && r.tasks.conflicts.length === 0;
    } catch (e) {
      setActionError(e as Error);
      return false;
    } finally {
      setSaving(false);
    }
  }, [can.edit, dirty, taskDirty, entries, tasks, parsed, byId, form, validation, conflicts, rowHasError]);

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    const run = save();
    inFlight.current = run;
    const clean = await run;
    inFlight.current = null;
    return clean;
  }, [save]);

  // drafts save themselves a moment after typing stops
  useEffect(() => {
    if (!can.edit || (dirty.size === 0 && taskDirty.size === 0)) return;
    const timer = setTimeout(() => void saveNow(), 1200);
    return () => clearTimeout(timer);
  }, [can.edit, dirty, taskDirty, saveNow]);

  const takeTheirs = (id: number) => {
    const c = conflicts[id];
    if (!c) return;
    setEntries((e) => ({
      ...e,
      [id]: {
        numerator: text(c.numerator),
        denominator: text(c.denominator),
        value: text(c.value),
        comment: c.comment ?? '',
      },
    }));
    setRevisions((r) => ({ ...r, [id]: c.revision }));
    setDirty((d) => {
      const n = new Set(d);
      n.delete(id);
      return n;
    });
    setConflicts(({ [id]: _, ...rest }) => rest);
  };
  const keepMine = (id: number) => {
    const c = conflicts[id];
    if (!c) return;
    // the person has seen the other change and chooses theirs over it
    setRevisions((r) => ({ ...r, [id]: c.revision }));
    setConflicts(({ [id]: _, ...rest }) => rest);
    setDirty((d) => new Set(d).add(id));
  };

  const step = async (action: 'submit' | 'recall' | 'approve' | 'return' | 'reopen') => {
    setActionError(null);
    setBusy(true);
    try {
      if (action === 'submit') {
        const clean = await saveNow();
        setMode('submit');
        const check = validateReport(
          {
            indicators: form.indicators.map((i) => ({
              code: i.indicator.code,
              kind: i.indicator.kind,
              required: i.required,
            })),
            values: parsed.values,
            previous: Object.fromEntries(
              form.indicators
                .filter((i) => i.previous)
                .map((i) => [i.indicator.code, i.previous as ValueInput]),
            ),
            tasks: form.tasks.map((x) => ({ id: x.taskId })),
            taskUpdates: taskInputs,
            rules: builtInConsistencyRules,
          },
          'submit',
        );
        if (!check.ok || parsed.parseIssues.length || !clean) {
          document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
          return;
        }
      }
      const needsComment = action === 'return' || action === 'reopen';
      if (needsComment && !decisionComment.trim()) {
        setActionError(
          new ApiError(422, {
            code: 'submission.comment_required',
            message: t('submission.comment_required'),
            details: [],
          }),
        );
        return;
      }
      await api('POST', `/api/submissions/${form.submission.id}/${action}`, {
        version: versionRef.current,
        ...(decisionComment.trim() ? { comment: decisionComment.trim() } : {}),
      });
      setDecisionComment('');
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.body.code === 'submission.invalid') {
        setServerIssues(Object.fromEntries(e.body.details.map((d) => [d.path, d.message])));
      }
      setActionError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const upload = async (
    target: { indicatorId?: number; taskId?: number },
    e: ChangeEvent<HTMLInputElement>,
  ) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const body = new FormData();
    body.set('file', file);
    if (target.indicatorId) body.set('indicatorId', String(target.indicatorId));
    if (target.taskId) body.set('taskId', String(target.taskId));
    setActionError(null);
    try {
      await saveNow();
      await api('POST', `/api/rounds/${form.round.id}/units/${form.unit.id}/evidence`, body);
      reload();
    } catch (err) {
      setActionError(err as Error);
    }
  };

  const errorsToFix = validation.issues.filter((i) => i.severity === 'error');
  const name = (i: Indicator) => pick(i.nameVi, i.nameEn);
  const input = (id: number, field: keyof Entry, label: string, numeric: boolean): GridInput => {
    const i = byId.get(id) as FormIndicator;
    const m = message(`values.${i.indicator.code}.${field}`);
    return {
      kind: 'input',
      value: entries[id]?.[field] ?? '',
      label: `${label} — ${name(i.indicator)}`,
      numeric,
      disabled: !can.edit,
      testId: `${i.indicator.code}.${field}`,
      ...m,
    };
  };

  const columns: GridColumn<FormIndicator>[] = [
    {
      key: 'numerator',
      header: t('report.col.numerator'),
      className: 'num',
      cell: (i) =>
        i.indicator.kind === 'ratio' ? (
          input(i.indicator.id, 'numerator', t('report.col.numerator'), true)
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'denominator',
      header: t('report.col.denominator'),
      className: 'num',
      cell: (i) =>
        i.indicator.kind === 'ratio' ? (
          input(i.indicator.id, 'denominator', t('report.col.denominator'), true)
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'value',
      header: t('report.col.value'),
      className: 'num',
      cell: (i) => {
        if (i.indicator.kind !== 'ratio') return input(i.indicator.id, 'value', t('report.col.value'), true);
        const v = parsed.values[i.indicator.code];
        const rate =
          v?.numerator !== null && v?.numerator !== undefined && v?.denominator
            ? (100 * v.numerator) / v.denominator
            : null;
        return (
          <span className="report-form__rate" data-testid={`${i.indicator.code}.rate`}>
            {rate === null ? '—' : `${number(rate, 1)}%`}
          </span>
        );
      },
    },
    {
      key: 'previous',
      header: t('report.col.previous', { period: form.round.previousPeriodId }),
      className: 'num report-form__previous',
      cell: (i) =>
        i.previous ? (
          <span title={i.previous.source === 'lineage' ? t('report.previous_lineage') : undefined}>
            {figure(i.previous, i.indicator.kind)}
            {i.previous.source === 'lineage' && <sup>*</sup>}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'comment',
      header: t('report.col.comment'),
      className: 'report-form__comment',
      cell: (i) => input(i.indicator.id, 'comment', t('report.col.comment'), false),
    },
  ];

  const toggle = (key: string) => setOpenDetail((o) => ({ ...o, [key]: !o[key] }));
  const pending = dirty.size + taskDirty.size;

  return (
    <>
      <div className="report-form__savebar" role="status" aria-live="polite" data-testid="save-state">
        {!can.edit ? (
          <span className="muted">{t('report.readonly')}</span>
        ) : saving ? (
          t('report.saving')
        ) : pending > 0 ? (
          errorsToFix.length ? (
            t('report.unsaved_errors', { count: pending })
          ) : (
            t('report.unsaved', { count: pending })
          )
        ) : savedAt ? (
          t('report.saved_at', { time: timeFormat.format(new Date(savedAt)) })
        ) : (
          t('report.autosave')
        )}
        <span className="report-form__hint">{t('report.keyboard_hint')}</span>
      </div>

      {Object.entries(conflicts).map(([id, c]) => {
        const i = byId.get(Number(id));
        if (!i) return null;
        return (
          <div key={id} className="alert alert--warn" role="alert" data-testid="conflict">
            <strong>
              {t('report.conflict', {
                indicator: name(i.indicator),
                by: c.updatedBy ?? '?',
                at: dateTime(c.updatedAt),
              })}
            </strong>{' '}
            {t('report.conflict_value', { value: figure(c, i.indicator.kind) })}
            <div className="report-form__conflict-actions">
              <button type="button" className="btn btn--small" onClick={() => takeTheirs(Number(id))}>
                {t('report.conflict_theirs')}
              </button>
              <button
                type="button"
                className="btn btn--small btn--secondary"
                onClick={() => keepMine(Number(id))}
              >
                {t('report.conflict_mine')}
              </button>
            </div>
          </div>
        );
      })}

      <h2>{t('report.indicators', { count: form.indicators.length })}</h2>
      {form.indicators.length === 0 ? (
        <p className="muted">{t('report.no_indicators')}</p>
      ) : (
        <DataGrid
          className="report-grid"
          rows={form.indicators}
          rowKey={(i) => String(i.indicator.id)}
          rowHeaderTitle={t('report.col.indicator')}
          group={(i) => t(`indicators.pillar.${i.indicator.pillar}`)}
          rowHeader={(i) => (
            <div className="report-form__indicator">
              <span className="report-form__name">
                {name(i.indicator)}
                {i.required && (
                  <abbr className="required" title={t('report.required')}>
                    *
                  </abbr>
                )}
              </span>
              <span className="report-form__code">
                {i.indicator.code} · {pick(i.indicator.unitOfMeasure.vi, i.indicator.unitOfMeasure.en)}
              </span>
              <span className="report-form__links">
                <button
                  type="button"
                  className="linklike"
                  tabIndex={-1}
                  onClick={() => toggle(`def:${i.indicator.id}`)}
                >
                  {t('report.definition')}
                </button>
                {i.current && (
                  <button
                    type="button"
                    className="linklike"
                    tabIndex={-1}
                    data-testid={`history:${i.indicator.code}`}
                    onClick={() => toggle(`hist:${i.indicator.id}`)}
                  >
                    {t('report.history.open')}
                  </button>
                )}
                <span className="muted">
                  {i.evidence.length > 0 ? t('report.evidence.count', { count: i.evidence.length }) : ''}
                </span>
              </span>
            </div>
          )}
          columns={columns}
          rowDetail={(i) => {
            const def = openDetail[`def:${i.indicator.id}`];
            const hist = openDetail[`hist:${i.indicator.id}`];
            const showFiles = i.evidence.length > 0 || (can.edit && def);
            if (!def && !hist && !showFiles) return null;
            return (
              <div className="report-form__detail">
                {def && <Definition indicator={i.indicator} />}
                {hist && i.current && <ValueHistory dataValueId={i.current.id} />}
                {showFiles && (
                  <Evidence
                    files={i.evidence}
                    canUpload={can.edit}
                    onUpload={(e) => upload({ indicatorId: i.indicator.id }, e)}
                    label={name(i.indicator)}
                  />
                )}
              </div>
            );
          }}
          onChange={(row, col, value) => change(Number(row), col as keyof Entry, value)}
        />
      )}
      {form.indicators.some((i) => i.previous?.source === 'lineage') && (
        <p className="muted small">* {t('report.previous_lineage')}</p>
      )}

      {form.tasks.length > 0 && (
        <>
          <h2>{t('report.tasks', { count: form.tasks.length })}</h2>
          <div className="table-wrap">
            <table className="data report-tasks">
              <thead>
                <tr>
                  <th scope="col">{t('report.task.task')}</th>
                  <th scope="col">{t('report.task.status')}</th>
                  <th scope="col" className="num">
                    {t('report.task.percent')}
                  </th>
                  <th scope="col">{t('report.task.note')}</th>
                </tr>
              </thead>
              <tbody>
                {form.tasks.map((x) => {
                  const e = tasks[x.taskId] as TaskEntry;
                  const msg = (f: string) => message(`tasks.${x.taskId}.${f}`);
                  return (
                    <tr key={x.taskId}>
                      <th scope="row">
                        <span className="report-form__code">{x.sectionLabel}</span> {x.title}
                        {x.deadline && (
                          <div className="muted small">
                            {t('report.task.deadline', { date: x.deadline.split('-').reverse().join('/') })}
                          </div>
                        )}
                        <Evidence
                          files={x.evidence}
                          canUpload={can.edit}
                          onUpload={(ev) => upload({ taskId: x.taskId }, ev)}
                          label={x.title}
                        />
                      </th>
                      <td>
                        <select
                          aria-label={`${t('report.task.status')} — ${x.title}`}
                          value={e.status}
                          disabled={!can.edit}
                          onChange={(ev) => changeTask(x.taskId, 'status', ev.target.value)}
                        >
                          <option value="">—</option>
                          {taskStatuses.map((s) => (
                            <option key={s} value={s}>
                              {t(`report.task_status.${s}`)}
                            </option>
                          ))}
                        </select>
                        {msg('status').error && <div className="data-grid__error">{msg('status').error}</div>}
                      </td>
                      <td className="num">
                        <input
                          className="num report-tasks__percent"
                          inputMode="decimal"
                          aria-label={`${t('report.task.percent')} — ${x.title}`}
                          value={e.percent}
                          disabled={!can.edit}
                          onChange={(ev) => changeTask(x.taskId, 'percent', ev.target.value)}
                        />
                        {msg('percent').error && (
                          <div className="data-grid__error">{msg('percent').error}</div>
                        )}
                      </td>
                      <td>
                        <textarea
                          aria-label={`${t('report.task.note')} — ${x.title}`}
                          value={e.note}
                          rows={2}
                          disabled={!can.edit}
                          onChange={(ev) => changeTask(x.taskId, 'note', ev.target.value)}
                        />
                        {msg('note').error && <div className="data-grid__error">{msg('note').error}</div>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      {mode === 'submit' && errorsToFix.length > 0 && (
        <div className="alert alert--error" role="alert" data-testid="submit-errors">
          <strong>{t('report.cannot_submit', { count: errorsToFix.length })}</strong>
          <ul>
            {errorsToFix.slice(0, 12).map((i) => (
              <li key={`${i.path}:${i.code}`}>
                {fieldLabel(i.path, form, pick, t)}: {t(i.code, i.params)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {actionError && <ErrorMessage error={actionError} />}

      <div className="report-form__actions card">
        {(can.approve || can.return || can.reopen) && (
          <div className="field">
            <label htmlFor="decision-comment">
              {can.reopen ? t('report.reopen_reason') : t('report.decision_comment')}
            </label>
            <textarea
              id="decision-comment"
              rows={3}
              value={decisionComment}
              placeholder={t('report.decision_placeholder')}
              onChange={(e) => setDecisionComment(e.target.value)}
            />
          </div>
        )}
        <div className="report-form__buttons">
          {workflowButtons
            .filter(([action]) => can[action])
            .map(([action, className, testId]) => (
              <button
                key={action}
                type="button"
                className={className}
                disabled={busy}
                onClick={() => void step(action)}
                {...(testId ? { 'data-testid': testId } : {})}
              >
                {t(`report.action.${action}`)}
              </button>
            ))}
          {can.edit && (
            <button
              type="button"
              className="btn btn--secondary"
              disabled={busy || saving || pending === 0}
              onClick={() => void saveNow()}
            >
              {t('report.action.save')}
            </button>
          )}
        </div>
      </div>

      <h2>{t('report.events')}</h2>
      {form.submission.events.length === 0 ? (
        <p className="muted">{t('report.no_events')}</p>
      ) : (
        <ol className="report-events" data-testid="events">
          {form.submission.events.map((e) => (
            <li key={`${e.at}:${e.toState}`}>
              <span className="report-events__when">{dateTime(e.at)}</span> <StateBadge state={e.toState} />{' '}
              <span>{e.actor ?? t('report.history.system')}</span>
              {e.comment && <span className="report-events__comment">“{e.comment}”</span>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function fieldLabel(
  path: string,
  form: ReportForm,
  pick: (vi: string | null | undefined, en: string | null | undefined) => string,
  t: (k: string) => string,
): string {
  const m = /^values\.(.+)\.(numerator|denominator|value|comment)$/.exec(path);
  if (m) {
    const i = form.indicators.find((x) => x.indicator.code === m[1]);
    return `${i ? pick(i.indicator.nameVi, i.indicator.nameEn) : m[1]} (${t(`report.field.${m[2]}`)})`;
  }
  const task = /^tasks\.(\d+)\./.exec(path);
  if (task) return form.tasks.find((x) => x.taskId === Number(task[1]))?.title ?? path;
  return path;
}

function Definition({ indicator }: { indicator: Indicator }) {
  const { t, pick } = useI18n();
  return (
    <dl className="report-form__definition">
      {indicator.definition && (
        <>
          <dt>{t('report.def.definition')}</dt>
          <dd>{pick(indicator.definition.vi, indicator.definition.en)}</dd>
        </>
      )}
      {indicator.numerator && (
        <>
          <dt>{t('report.col.numerator')}</dt>
          <dd>{pick(indicator.numerator.vi, indicator.numerator.en)}</dd>
        </>
      )}
      {indicator.denominator && (
        <>
          <dt>{t('report.col.denominator')}</dt>
          <dd>{pick(indicator.denominator.vi, indicator.denominator.en)}</dd>
        </>
      )}
      {indicator.dataSource && (
        <>
          <dt>{t('report.def.source')}</dt>
          <dd>{pick(indicator.dataSource.vi, indicator.dataSource.en)}</dd>
        </>
      )}
      {indicator.legalBasis[0] && (
        <>
          <dt>{t('report.def.legal')}</dt>
          <dd>{pick(indicator.legalBasis[0].vi, indicator.legalBasis[0].en)}</dd>
        </>
      )}
    </dl>
  );
}

function Evidence({
  files,
  canUpload,
  onUpload,
  label,
}: {
  files: ReportForm['indicators'][number]['evidence'];
  canUpload: boolean;
  onUpload: (e: ChangeEvent<HTMLInputElement>) => void;
  label: string;
}) {
  const { t, number } = useI18n();
  if (files.length === 0 && !canUpload) return null;
  return (
    <div className="evidence">
      {files.map((f) => (
        <a key={f.id} className="evidence__file" href={`/api/evidence/${f.id}`} download>
          📎 {f.fileName} <span className="muted">({number(f.sizeBytes / 1024, 0)} KB)</span>
        </a>
      ))}
      {canUpload && (
        <label className="evidence__upload">
          {t('report.evidence.add')}
          <input
            type="file"
            aria-label={`${t('report.evidence.add')} — ${label}`}
            accept=".pdf,.png,.jpg,.jpeg,.webp,.gif,.docx,.xlsx"
            onChange={onUpload}
          />
        </label>
      )}
    </div>
  );
}
