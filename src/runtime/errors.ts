import { isAppError } from '../domain/errors';
import { t } from '../i18n';

/** A start-up or command failure as two lines, Vietnamese then English. */
export function describeStartupError(e: unknown): string {
  if (isAppError(e)) {
    const details = e.details.map(
      (d) => `  ${d.path}: ${t('vi', d.code, d.params)} / ${t('en', d.code, d.params)}`,
    );
    return [`Lỗi: ${t('vi', e.code, e.params)}`, `Error: ${t('en', e.code, e.params)}`, ...details].join(
      '\n',
    );
  }
  return e instanceof Error ? e.message : String(e);
}
