import { useI18n } from '../i18n';
import { Link, useTitle } from '../router';

export function NotFoundPage(_: { params: Record<string, string> }) {
  const { t } = useI18n();
  useTitle(t('page.not_found'));
  return (
    <section className="page">
      <h1>{t('page.not_found')}</h1>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </section>
  );
}
