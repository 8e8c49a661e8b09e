import { ApiError } from '../api/client';
import { useI18n } from '../i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      {t('common.loading')}
    </div>
  );
}

/** An error from the API (with its located details) or any other failure. */
export function ErrorMessage({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <div className="alert alert--error" role="alert">
      <strong>{error instanceof ApiError ? error.body.message : t('internal.error')}</strong>
      {error instanceof ApiError && error.body.details.length > 0 && (
        <ul>
          {error.body.details.map((d) => (
            <li key={`${d.path}:${d.code}`}>
              <code>{d.path}</code>: {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
