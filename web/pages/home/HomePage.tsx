import { useI18n } from '../../i18n';
import { useTitle } from '../../router';
import { DemoOffer } from '../rounds/DemoOffer';

export function HomePage(_: { params: Record<string, string> }) {
  const { t } = useI18n();
  useTitle('');
  return (
    <section className="page">
      <h1>{t('app.name')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <DemoOffer />
    </section>
  );
}
