/**
 * The pages of the app, by path. Areas add their pages here.
 */
import type { ComponentType } from 'react';
import { AccountPage } from './pages/account/AccountPage';
import { AuditPage } from './pages/audit/AuditPage';
import { ComparePage } from './pages/compare/ComparePage';
import { DocumentPage } from './pages/document/DocumentPage';
import { DocumentsPage } from './pages/documents/DocumentsPage';
import { ExchangePage } from './pages/exchange/ExchangePage';
import { HomePage } from './pages/home/HomePage';
import { IndicatorDetailPage } from './pages/indicators/IndicatorDetailPage';
import { IndicatorsPage } from './pages/indicators/IndicatorsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProvincePage } from './pages/province/ProvincePage';
import { ProvincesPage } from './pages/provinces/ProvincesPage';
import { ReviewPage } from './pages/review/ReviewPage';
import { SetPasswordPage, SetupPage } from './pages/signin/SetPasswordPage';
import { SignInPage } from './pages/signin/SignInPage';
import { TokensPage } from './pages/tokens/TokensPage';
import { UnitPage } from './pages/unit/UnitPage';
import { UsersPage } from './pages/users/UsersPage';

export interface PageRoute {
  path: string;
  component: ComponentType<{ params: Record<string, string> }>;
}

export const pageRoutes: PageRoute[] = [
  { path: '/', component: HomePage },
  { path: '/provinces', component: ProvincesPage },
  { path: '/provinces/:code', component: ProvincePage },
  { path: '/units/:id', component: UnitPage },
  { path: '/indicators', component: IndicatorsPage },
  { path: '/indicators/:code', component: IndicatorDetailPage },
  { path: '/sign-in', component: SignInPage },
  { path: '/setup', component: SetupPage },
  { path: '/set-password', component: SetPasswordPage },
  { path: '/account', component: AccountPage },
  { path: '/users', component: UsersPage },
  { path: '/tokens', component: TokensPage },
  { path: '/audit', component: AuditPage },
  { path: '/documents', component: DocumentsPage },
  { path: '/documents/:id', component: DocumentPage },
  { path: '/documents/:id/review', component: ReviewPage },
  { path: '/compare', component: ComparePage },
  { path: '/exchange', component: ExchangePage },
];

export const notFound = NotFoundPage;
