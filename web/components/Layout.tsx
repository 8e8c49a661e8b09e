import type { ReactNode } from 'react';
import type { Action } from '../../src/domain/auth/permissions';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { Link, useLocation } from '../router';
import { AccountMenu } from './AccountMenu';
import { ProvincePicker } from './ProvincePicker';

export interface NavItem {
  to: string;
  key: string;
  /** Shown only to people who may do this action somewhere (the page's own check still applies). */
  action?: Action;
}

/** Main navigation; areas add their entries. */
export const navItems: NavItem[] = [
  { to: '/', key: 'nav.home' },
  { to: '/provinces', key: 'nav.provinces' },
  { to: '/indicators', key: 'nav.indicators' },
  { to: '/documents', key: 'nav.documents' },
  { to: '/national', key: 'nav.national' },
  { to: '/index-methods', key: 'nav.index_methods' },
  { to: '/rounds', key: 'nav.rounds', action: 'figures.read' },
  { to: '/submissions', key: 'nav.submissions', action: 'submissions.approve' },
  { to: '/exchange', key: 'nav.exchange', action: 'figures.enter' },
  { to: '/users', key: 'nav.users', action: 'users.manage' },
  { to: '/audit', key: 'nav.audit', action: 'audit.read' },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { pathname } = useLocation();
  const { can } = useAuth();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand" aria-label={t('app.name')}>
            <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
              <rect width="32" height="32" rx="6" fill="#ffffff" fillOpacity="0.12" />
              <path
                d="M4 17h6l3-8 5 15 3-7h7"
                fill="none"
                stroke="#f2c14e"
                strokeWidth="2.6"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <nav className="main-nav" aria-label={t('nav.main')}>
            {navItems
              .filter((item) => !item.action || can(item.action))
              .map((item) => (
                <Link
                  key={item.to}
                  to={item.to}
                  className={
                    item.to === '/'
                      ? pathname === '/'
                        ? 'active'
                        : undefined
                      : pathname.startsWith(item.to)
                        ? 'active'
                        : undefined
                  }
                >
                  {t(item.key)}
                </Link>
              ))}
          </nav>
          <div className="header-tools">
            <ProvincePicker />
            <fieldset className="lang-switch" aria-label={t('common.language')}>
              <button type="button" aria-pressed={locale === 'vi'} onClick={() => setLocale('vi')}>
                VI
              </button>
              <button type="button" aria-pressed={locale === 'en'} onClick={() => setLocale('en')}>
                EN
              </button>
            </fieldset>
            <AccountMenu />
          </div>
        </div>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <div>{t('footer.text')}</div>
        <div className="app-footer__links">
          <a href="/api/openapi.json">OpenAPI</a>
          <Link to="/api-docs">{t('nav.api')}</Link>
        </div>
      </footer>
    </div>
  );
}
