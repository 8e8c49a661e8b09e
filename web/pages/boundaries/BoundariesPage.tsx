/**
 * `/boundaries` — an administrator imports the real province boundaries
 * (GeoJSON) for the 34 provinces or the 63 of before, sees which provinces
 * still lack one, previews the map, or removes them to go back to tiles.
 */
import { type FormEvent, useState } from 'react';
import type {
  BoundaryCollection,
  BoundaryImportResult,
  BoundaryLayout,
} from '../../../src/contracts/boundary';
import { provinceTiles63, provinceTiles2025 } from '../../../src/domain/reference/province-tiles';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { RequireSignIn } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { type GeoFeatureCollection, TileMap } from '../../components/TileMap';
import { forgetBoundaries } from '../../components/useBoundaries';
import { useI18n } from '../../i18n';
import { useTitle } from '../../router';

export function BoundariesPage() {
  const { t } = useI18n();
  useTitle(t('boundary.page.title'));
  return (
    <RequireSignIn action="system.manage">
      <section className="page">
        <h1>{t('boundary.page.title')}</h1>
        <p className="lead">{t('boundary.page.intro')}</p>
        <LayoutCard layout="34" />
        <LayoutCard layout="63" />
      </section>
    </RequireSignIn>
  );
}

function LayoutCard({ layout }: { layout: BoundaryLayout }) {
  const { t, locale } = useI18n();
  const { data, error, reload } = useApi<BoundaryCollection>(`/api/boundaries/${layout}`);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Error | null>(null);
  const [result, setResult] = useState<BoundaryImportResult | null>(null);
  const tiles = layout === '34' ? provinceTiles2025 : provinceTiles63;

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await f();
      forgetBoundaries();
      reload();
    } catch (e) {
      setFailure(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setResult(null);
    void run(async () => {
      setResult(await api<BoundaryImportResult>('POST', `/api/boundaries/${layout}`, form));
    });
  };
  const remove = () =>
    void run(async () => {
      setResult(null);
      await api('DELETE', `/api/boundaries/${layout}`);
    });

  const id = `boundary-file-${layout}`;
  return (
    <section className="card" aria-labelledby={`layout-${layout}`} data-testid={`boundaries-${layout}`}>
      <h2 id={`layout-${layout}`}>{t(`boundary.page.layout_${layout}`)}</h2>
      {error && <ErrorMessage error={error} />}
      {!data && !error && <Loading />}
      {data && (
        <p>
          <strong>{t('boundary.page.status', { n: data.features.length, total: tiles.length })}</strong>
          {' — '}
          {data.complete ? t('boundary.page.complete') : t('boundary.page.tiles')}
        </p>
      )}
      {result && (
        <div className={`alert ${result.complete ? 'alert--ok' : 'alert--warn'}`} role="status">
          {t('boundary.page.imported', { n: result.imported.length, file: result.fileName })}{' '}
          {!result.complete &&
            t('boundary.page.incomplete', { names: result.missing.map((p) => p.name).join(', ') })}
        </div>
      )}
      {failure && <ErrorMessage error={failure} />}
      <form className="upload-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={id}>{t('boundary.page.file')}</label>
          <input
            id={id}
            name="file"
            type="file"
            required
            accept=".geojson,.json,application/geo+json,application/json"
          />
        </div>
        <div className="button-row">
          <button type="submit" className="btn" disabled={busy}>
            {t('boundary.page.submit')}
          </button>
          {data && data.features.length > 0 && (
            <button type="button" className="btn btn--secondary" disabled={busy} onClick={remove}>
              {t('boundary.page.remove')}
            </button>
          )}
        </div>
      </form>
      {data && data.features.length > 0 && (
        <TileMap
          title={t(`boundary.page.layout_${layout}`)}
          data={Object.fromEntries(
            data.features.map((f) => [f.properties.code, { label: f.properties.name }]),
          )}
          tiles={tiles}
          boundaries={data as unknown as GeoFeatureCollection}
          locale={locale}
        />
      )}
    </section>
  );
}
