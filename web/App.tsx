import { AuthProvider } from './auth';
import { Layout } from './components/Layout';
import { I18nProvider } from './i18n';
import { matchPath, useLocation } from './router';
import { notFound as NotFound, pageRoutes } from './routes';

function CurrentPage() {
  const { pathname } = useLocation();
  for (const route of pageRoutes) {
    const params = matchPath(route.path, pathname);
    if (params) {
      const Page = route.component;
      return <Page key={pathname} params={params} />;
    }
  }
  return <NotFound params={{}} />;
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <Layout>
          <CurrentPage />
        </Layout>
      </AuthProvider>
    </I18nProvider>
  );
}
