/**
 * `/provinces/:code` — a province by its official code (the one in force, or
 * the latest that had the code).
 */
import type { ProvinceDetail } from '../../../src/contracts/unit';
import { useApi } from '../../api/useApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { ProvinceView } from './ProvinceView';

export function ProvincePage({ params }: { params: Record<string, string> }) {
  const { locale } = useI18n();
  const code = params.code ?? '';
  const { data, error, loading } = useApi<ProvinceDetail>(
    /^\d{2}$/.test(code) ? `/api/provinces/${code}?lang=${locale}` : `/api/provinces/x?lang=${locale}`,
  );
  if (error) return <ErrorMessage error={error} />;
  if (loading || !data) return <Loading />;
  return <ProvinceView key={data.id} unit={data} />;
}
