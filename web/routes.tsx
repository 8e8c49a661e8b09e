/**
 * The pages of the app, by path. Areas add their pages here.
 */
import type { ComponentType } from 'react';
import { AccountPage } from './pages/account/AccountPage';
import { AuditPage } from './pages/audit/AuditPage';
import { BoundariesPage } from './pages/boundaries/BoundariesPage';
import { ComparePage } from './pages/compare/ComparePage';
import { DocumentPage } from './pages/document/DocumentPage';
import { DocumentsPage } from './pages/documents/DocumentsPage';
import { ExchangePage } from './pages/exchange/ExchangePage';
import { HomePage } from './pages/home/HomePage';
import { IndexMethodPage, IndexMethodsPage } from './pages/index-method/IndexMethodPage';
import { IndexScoresPage } from './pages/index-method/IndexScoresPage';
import { IndicatorViewPage } from './pages/indicator-view/IndicatorViewPage';
import { IndicatorDetailPage } from './pages/indicators/IndicatorDetailPage';
import { IndicatorsPage } from './pages/indicators/IndicatorsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NationalPage } from './pages/national/NationalPage';
import { OverviewPage } from './pages/overview/OverviewPage';
import { ProvincePage } from './pages/province/ProvincePage';
import { ProvincesPage } from './pages/provinces/ProvincesPage';
import { ReportFormPage } from './pages/report-form/ReportFormPage';
import { ReviewPage } from './pages/review/ReviewPage';
import { RoundPage } from './pages/round/RoundPage';
import { NewRoundPage } from './pages/rounds/NewRoundPage';
import { RoundsPage } from './pages/rounds/RoundsPage';
import { ScorecardPage } from './pages/scorecard/ScorecardPage';
import { SetPasswordPage, SetupPage } from './pages/signin/SetPasswordPage';
import { SignInPage } from './pages/signin/SignInPage';
import { SubmissionsPage } from './pages/submissions/SubmissionsPage';
import { TasksBoardPage } from './pages/tasks-board/TasksBoardPage';
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
  { path: '/provinces/:code/overview', component: OverviewPage },
  { path: '/provinces/:code/indicators/:indicatorCode', component: IndicatorViewPage },
  { path: '/provinces/:code/tasks', component: TasksBoardPage },
  { path: '/provinces/:code/index', component: IndexScoresPage },
  { path: '/units/:id/scorecard', component: ScorecardPage },
  { path: '/national', component: NationalPage },
  { path: '/boundaries', component: BoundariesPage },
  { path: '/index-methods', component: IndexMethodsPage },
  { path: '/index-methods/:id', component: IndexMethodPage },
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
  { path: '/rounds', component: RoundsPage },
  { path: '/rounds/new', component: NewRoundPage },
  { path: '/rounds/:id', component: RoundPage },
  { path: '/rounds/:roundId/units/:unitId', component: ReportFormPage },
  { path: '/submissions', component: SubmissionsPage },
  { path: '/exchange', component: ExchangePage },
];

export const notFound = NotFoundPage;
