/**
 * The program documents: filter by province and kind, open one, and — for a
 * province's coordinator or an administrator — upload a new one.
 */
import { type FormEvent, useMemo, useState } from 'react';
import type { Me } from '../../../src/contracts/auth';
import type {
  DocumentImportResult,
  DocumentKind,
  DocumentList,
  DocumentListItem,
} from '../../../src/contracts/document';
import { documentKinds } from '../../../src/contracts/document-read';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation, useTitle } from '../../router';
import { documentLabel, useDocumentWording } from '../document/wording';
import '../document/document.css';

function UploadCard({
  provinces,
  documents,
  onDone,
}: {
  provinces: { id: number; name: string }[];
  documents: DocumentListItem[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const w = useDocumentWording();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [result, setResult] = useState<DocumentImportResult | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    for (const key of ['provinceId', 'kind', 'supersedesId']) if (!form.get(key)) form.delete(key);
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await api<DocumentImportResult>('POST', '/api/documents', form);
      setResult(r);
      onDone();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card">
      <h2>{t('documents.upload.title')}</h2>
      <p className="muted small">{t('documents.upload.lead')}</p>
      <form className="upload-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="doc-file">{t('documents.upload.file')}</label>
          <input id="doc-file" name="file" type="file" required accept=".txt,.md,.markdown,.docx,.pdf" />
        </div>
        <div className="field">
          <label htmlFor="doc-province">{t('documents.upload.province')}</label>
          <select id="doc-province" name="provinceId" defaultValue="">
            <option value="">—</option>
            {provinces.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="doc-kind">{t('documents.upload.kind')}</label>
          <select id="doc-kind" name="kind" defaultValue="">
            <option value="">—</option>
            {documentKinds.map((k) => (
              <option key={k} value={k}>
                {w.kind(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="doc-supersedes">{t('documents.upload.supersedes')}</label>
          <select id="doc-supersedes" name="supersedesId" defaultValue="">
            <option value="">—</option>
            {documents
              .filter((d) => !d.supersededById)
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {documentLabel(d, w.kind)}
                </option>
              ))}
          </select>
        </div>
        <button className="btn" type="submit" disabled={busy}>
          {busy ? t('documents.upload.busy') : t('documents.upload.submit')}
        </button>
      </form>
      {error && <ErrorMessage error={error} />}
      {result && (
        <div className="alert alert--info" role="status">
          <strong>
            {t('documents.upload.done', {
              title: result.document.title,
              targets: result.targets,
              tasks: result.tasks,
            })}
          </strong>
          {result.document.supersedesId && (
            <div>
              {t('documents.upload.carried', {
                targets: result.carriedOver.targets,
                tasks: result.carriedOver.tasks,
                changed: result.carriedOver.changed,
              })}
            </div>
          )}
          {result.unresolvedUnits.length > 0 && (
            <div className="small">
              {t('documents.upload.unresolved', { names: result.unresolvedUnits.join('; ') })}
            </div>
          )}
          <div style={{ marginTop: '0.4rem' }}>
            <Link className="btn btn--small" to={`/documents/${result.document.id}/review`}>
              {t('documents.upload.open_review')}
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}

export function DocumentsPage(_: { params: Record<string, string> }) {
  const { t, date } = useI18n();
  const w = useDocumentWording();
  const { search } = useLocation();
  useTitle(t('documents.list.title'));
  const provinceId = search.get('provinceId') ?? '';
  const kind = (search.get('kind') ?? '') as DocumentKind | '';
  const query = new URLSearchParams();
  if (provinceId) query.set('provinceId', provinceId);
  if (kind) query.set('kind', kind);
  const list = useApi<DocumentList>(`/api/documents${query.size ? `?${query}` : ''}`);
  // the filter offers the provinces that have documents
  const all = useApi<DocumentList>('/api/documents');
  const me = useApi<Me>('/api/auth/me');
  const provinces = useMemo(() => {
    const seen = new Map<number, string>();
    for (const d of all.data?.items ?? [])
      if (d.provinceId && d.provinceName) seen.set(d.provinceId, d.provinceName);
    return [...seen.entries()]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }, [all.data]);
  const mayUpload = !!me.data?.user?.grants.some((g) => g.role === 'admin' || g.role === 'coordinator');

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    navigate(`/documents${next.size ? `?${next}` : ''}`, { replace: true });
  };

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>{t('documents.list.title')}</h1>
          <p className="lead muted">{t('documents.list.lead')}</p>
        </div>
        <Link className="btn btn--secondary" to="/compare">
          {t('documents.list.compare')}
        </Link>
      </header>

      {mayUpload && (
        <UploadCard
          provinces={provinces}
          documents={all.data?.items ?? []}
          onDone={() => {
            list.reload();
            all.reload();
          }}
        />
      )}

      <div className="filters">
        <div className="field">
          <label htmlFor="f-province">{t('documents.list.filter.province')}</label>
          <select
            id="f-province"
            value={provinceId}
            onChange={(e) => setFilter('provinceId', e.target.value)}
          >
            <option value="">{t('documents.list.filter.all_provinces')}</option>
            {provinces.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kind">{t('documents.list.filter.kind')}</label>
          <select id="f-kind" value={kind} onChange={(e) => setFilter('kind', e.target.value)}>
            <option value="">{t('documents.list.filter.all_kinds')}</option>
            {documentKinds.map((k) => (
              <option key={k} value={k}>
                {w.kind(k)}
              </option>
            ))}
          </select>
        </div>
        {list.data && (
          <span className="muted small">{t('documents.list.count', { n: list.data.items.length })}</span>
        )}
      </div>

      {list.error && <ErrorMessage error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('documents.list.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th>{t('documents.list.col.number')}</th>
                <th>{t('documents.list.col.title')}</th>
                <th>{t('documents.list.col.kind')}</th>
                <th>{t('documents.list.col.province')}</th>
                <th>{t('documents.list.col.issued')}</th>
                <th>{t('documents.list.col.targets')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">
                    {d.number ?? <span className="muted">{t('documents.list.no_number')}</span>}
                  </td>
                  <td>
                    <Link to={`/documents/${d.id}`}>{d.title}</Link>
                    <div>
                      {d.isSeed && (
                        <span className="demo-label" title={t('documents.seed_hint')}>
                          {t('documents.seed')}
                        </span>
                      )}{' '}
                      {d.supersededById && (
                        <span className="badge badge--muted">{t('documents.list.superseded')}</span>
                      )}
                    </div>
                  </td>
                  <td>{w.kind(d.kind)}</td>
                  <td>{d.provinceName ?? <span className="muted">{t('documents.national')}</span>}</td>
                  <td className="nowrap">{d.issuedOn ? date(d.issuedOn) : '—'}</td>
                  <td className="small">
                    {t('documents.list.targets_cell', {
                      confirmed: d.counts.confirmed,
                      proposed: d.counts.proposed,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
