/**
 * Figures from files and other systems: download a round's Excel template
 * (one unit, or every unit one may see), upload it (or a CSV) to see every
 * bad cell or a preview of the changes, confirm to save; and how API clients
 * and DHIS2 send figures, with the mapping table.
 *
 * Progress of an upload: the file's bytes as they are sent, then the
 * server's steps (reading, checking, saving) streamed back as NDJSON lines
 * on the same request — no job is left on the server.
 */
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { ErrorBody } from '../../../src/contracts/common';
import type { UploadEvent, UploadPhase, UploadResult } from '../../../src/contracts/exchange';
import type { Dhis2Mapping } from '../../../src/contracts/exchange-dhis2';
import type { RoundList, RoundStatus } from '../../../src/contracts/round';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { UploadPreview } from '../../components/UploadPreview';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation, useTitle } from '../../router';
import './exchange.css';

type Progress = { phase: 'upload' | UploadPhase; done: number; total: number | null };

function csrfToken(): string | undefined {
  const m = /(?:^|;\s*)nhipso_csrf=([^;]+)/.exec(document.cookie)?.[1];
  return m ? decodeURIComponent(m) : undefined;
}

/**
 * Sends the upload with XMLHttpRequest (fetch cannot report the bytes sent)
 * and reads the streamed NDJSON answer line by line as it arrives.
 */
function sendUpload(form: FormData, onProgress: (p: Progress) => void): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/exchange/upload');
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (e) =>
      onProgress({ phase: 'upload', done: e.loaded, total: e.lengthComputable ? e.total : null });
    let read = 0;
    let outcome: UploadEvent | null = null;
    const drain = () => {
      const text = xhr.responseText;
      let nl = text.indexOf('\n', read);
      while (nl >= 0) {
        const line = text.slice(read, nl).trim();
        read = nl + 1;
        if (line) {
          const event = JSON.parse(line) as UploadEvent;
          if (event.type === 'progress')
            onProgress({ phase: event.phase, done: event.done, total: event.total });
          else outcome = event;
        }
        nl = text.indexOf('\n', read);
      }
    };
    xhr.onprogress = () => {
      if (xhr.status === 200) drain();
    };
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let body: ErrorBody['error'] = { code: 'http.error', message: `HTTP ${xhr.status}`, details: [] };
        try {
          body = (JSON.parse(xhr.responseText) as ErrorBody).error;
        } catch {
          // not the API's error model (a proxy's page)
        }
        reject(new ApiError(xhr.status, body));
        return;
      }
      drain();
      const done = outcome as UploadEvent | null;
      if (done?.type === 'result') resolve(done.result);
      else if (done?.type === 'error') reject(new ApiError(done.status, done.error));
      else reject(new Error('incomplete answer'));
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(form);
  });
}

function ProgressBar({ progress }: { progress: Progress }) {
  const { t, number } = useI18n();
  const determinate = progress.total !== null && progress.total > 0;
  const shown =
    progress.phase === 'upload' || progress.phase === 'read'
      ? determinate
        ? `${Math.round((100 * progress.done) / (progress.total ?? 1))}%`
        : ''
      : determinate
        ? t('exchange.page.rows_of', { done: number(progress.done), total: number(progress.total ?? 0) })
        : '';
  return (
    <div className="upload-progress">
      <div className="upload-progress__label">
        <span>{t(`exchange.page.phase_${progress.phase}`)}…</span>
        <span className="muted">{shown}</span>
      </div>
      {determinate ? (
        <progress
          max={progress.total ?? 1}
          value={Math.min(progress.done, progress.total ?? 1)}
          aria-label={t(`exchange.page.phase_${progress.phase}`)}
        />
      ) : (
        <progress aria-label={t(`exchange.page.phase_${progress.phase}`)} />
      )}
      <ol className="upload-steps">
        {(['upload', 'read', 'check', 'save'] as const).map((p, i, all) => {
          const at = all.indexOf(progress.phase);
          return (
            <li key={p} className={i < at ? 'done' : i === at ? 'current' : ''}>
              {t(`exchange.page.phase_${p}`)}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function TemplateCard({ roundId, setRoundId }: { roundId: string; setRoundId: (id: string) => void }) {
  const { t } = useI18n();
  const rounds = useApi<RoundList>('/api/rounds?state=open');
  const status = useApi<RoundStatus>(roundId ? `/api/rounds/${roundId}/status` : null);
  const [unitId, setUnitId] = useState('');
  const items = rounds.data?.items ?? [];
  useEffect(() => {
    if (!roundId && items.length === 1) setRoundId(String(items[0]!.id));
  }, [roundId, items, setRoundId]);
  const round = items.find((r) => String(r.id) === roundId);
  const units = status.data?.rows ?? [];
  const href = roundId
    ? unitId
      ? `/api/rounds/${roundId}/units/${unitId}/template`
      : `/api/rounds/${roundId}/template`
    : null;
  return (
    <div className="card">
      <h2>{t('exchange.page.templates')}</h2>
      <p className="muted small">{t('exchange.page.templates_lead')}</p>
      {rounds.loading && <Loading />}
      {rounds.error && <ErrorMessage error={rounds.error} />}
      {rounds.data && items.length === 0 && <p className="muted">{t('exchange.page.no_rounds')}</p>}
      {items.length > 0 && (
        <div className="template-form">
          <div className="field">
            <label htmlFor="x-round">{t('exchange.page.round')}</label>
            <select
              id="x-round"
              value={roundId}
              onChange={(e) => {
                setUnitId('');
                setRoundId(e.target.value);
              }}
            >
              <option value="">—</option>
              {items.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} — {r.provinceName} ({r.periodLabel})
                  {r.isDemo ? ` · ${t('exchange.page.demo')}` : ''}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="x-unit">{t('exchange.page.unit')}</label>
            <select
              id="x-unit"
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
              disabled={!roundId}
            >
              <option value="">{t('exchange.page.all_units', { count: units.length })}</option>
              {units.map((u) => (
                <option key={u.unitId} value={u.unitId}>
                  {u.name}
                  {u.parentName ? ` (${u.parentName})` : ''} — {u.code}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--action">
            {href ? (
              <a className="btn" href={href} download>
                {t('exchange.page.download')}
              </a>
            ) : (
              <button type="button" className="btn" disabled>
                {t('exchange.page.download')}
              </button>
            )}
          </div>
        </div>
      )}
      {round?.isDemo && <span className="demo-label">{t('exchange.page.demo')}</span>}
    </div>
  );
}

function MappingCard() {
  const { t, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const mapping = useApi<Dhis2Mapping>(open ? '/api/dhis2/mapping' : null);
  return (
    <div className="card">
      <h2>{t('exchange.page.api')}</h2>
      <p className="small">{t('exchange.page.api_lead')}</p>
      <pre className="api-example">
        {`curl -X POST "$NHIPSO/api/data-values?dryRun=true" \\
  -H "Authorization: Bearer nhs_…" -H "Content-Type: text/csv" \\
  --data-binary $'unitCode,indicatorCode,period,numerator,denominator,value,comment\\n40.SKHCN,GOV.WORKFILE_ONLINE,2025,1290,1300,,'`}
      </pre>
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{t('exchange.page.mapping')}</summary>
        <p className="small muted">{t('exchange.page.mapping_lead')}</p>
        {mapping.loading && <Loading />}
        {mapping.error && <ErrorMessage error={mapping.error} />}
        {mapping.data && (
          <div className="table-wrap mapping-table">
            <table className="data">
              <thead>
                <tr>
                  <th>{t('exchange.page.col_indicator')}</th>
                  <th>{t('exchange.page.col_data_elements')}</th>
                  <th>{t('exchange.page.col_value_type')}</th>
                  <th>{t('exchange.page.col_data_set')}</th>
                </tr>
              </thead>
              <tbody>
                {mapping.data.items.map((m) => (
                  <tr key={m.indicatorCode}>
                    <td>
                      {pick(m.nameVi, m.nameEn)}
                      <div className="small muted">{m.unitOfMeasure}</div>
                    </td>
                    <td>
                      {m.dataElements.map((d) => (
                        <div key={d.code}>
                          <code>{d.code}</code>
                        </div>
                      ))}
                      {m.indicatorFormula && <div className="small muted">{m.indicatorFormula}</div>}
                    </td>
                    <td className="small">
                      {[...new Set(m.dataElements.map((d) => d.valueType))].join(', ')}
                    </td>
                    <td>
                      <code>{m.dataSet}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </div>
  );
}

export function ExchangePage(_: { params: Record<string, string> }) {
  const { t } = useI18n();
  const { user, loading: authLoading, can } = useAuth();
  const { search } = useLocation();
  useTitle(t('exchange.page.title'));
  const roundId = search.get('round') ?? '';
  const setRoundId = (id: string) => {
    const next = new URLSearchParams(search);
    if (id) next.set('round', id);
    else next.delete('round');
    navigate(`/exchange${next.size ? `?${next}` : ''}`, { replace: true });
  };
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const busy = progress !== null;
  const mayEnter = useMemo(() => can('figures.enter'), [can]);

  const run = async (confirm: boolean) => {
    if (!file) return;
    const form = new FormData();
    form.set('file', file);
    // a template of another round than the one chosen above is refused, naming both
    if (roundId) form.set('roundId', roundId);
    if (confirm && result?.previewToken) {
      form.set('confirm', 'true');
      form.set('previewToken', result.previewToken);
    }
    setError(null);
    setProgress({ phase: 'upload', done: 0, total: file.size });
    try {
      setResult(await sendUpload(form, setProgress));
    } catch (e) {
      setResult(null);
      setError(e as Error);
    } finally {
      setProgress(null);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(false);
  };
  const reset = () => {
    setResult(null);
    setError(null);
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  if (authLoading) return <Loading />;
  return (
    <section className="page exchange-page">
      <header className="page-header">
        <div>
          <h1>{t('exchange.page.title')}</h1>
          <p className="lead muted">{t('exchange.page.lead')}</p>
        </div>
      </header>
      {!user ? (
        <div className="alert alert--info">
          <Link to="/sign-in">{t('exchange.page.sign_in')}</Link>
        </div>
      ) : (
        <>
          {mayEnter && <TemplateCard roundId={roundId} setRoundId={setRoundId} />}
          {mayEnter && (
            <div className="card">
              <h2>{t('exchange.page.upload')}</h2>
              <p className="muted small">{t('exchange.page.upload_lead')}</p>
              <form className="upload-form" onSubmit={submit}>
                <div className="field">
                  <label htmlFor="x-file">{t('exchange.page.file')}</label>
                  <input
                    id="x-file"
                    ref={fileInput}
                    name="file"
                    type="file"
                    required
                    accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                    onChange={(e) => {
                      setFile(e.target.files?.[0] ?? null);
                      setResult(null);
                      setError(null);
                    }}
                  />
                </div>
                <button className="btn" type="submit" disabled={!file || busy}>
                  {t('exchange.page.check')}
                </button>
              </form>
              {progress && <ProgressBar progress={progress} />}
              {error && <ErrorMessage error={error} />}
              {result && !busy && (
                <UploadPreview result={result} busy={busy} onConfirm={() => void run(true)} onReset={reset} />
              )}
            </div>
          )}
          <MappingCard />
        </>
      )}
    </section>
  );
}
