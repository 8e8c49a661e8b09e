/**
 * The route table: every endpoint of the API, in one list. Adding a file of
 * routes means adding it here — the app, the OpenAPI document and the access
 * matrix test all read this list.
 */
import type { RouteDef } from '../route';
import { auditRoutes } from './audit.routes';
import { authRoutes, oidcRoutes } from './auth.routes';
import { boundaryRoutes } from './boundaries.routes';
import { dashboardRoutes } from './dashboard.routes';
import { dataValuesRoutes } from './data-values.routes';
import { documentRoutes } from './documents.routes';
import { exchangeRoutes } from './exchange.routes';
import { indexRoutes } from './index.routes';
import { indicatorRoutes } from './indicators.routes';
import { roundsRoutes } from './rounds.routes';
import { statusRoutes } from './status.routes';
import { submissionsRoutes } from './submissions.routes';
import { systemRoutes } from './system.routes';
import { tokensRoutes } from './tokens.routes';
import { unitRoutes } from './units.routes';
import { usersRoutes } from './users.routes';

export const routes: RouteDef[] = [
  ...systemRoutes,
  ...unitRoutes,
  ...indicatorRoutes,
  ...authRoutes,
  ...oidcRoutes,
  ...usersRoutes,
  ...tokensRoutes,
  ...auditRoutes,
  ...documentRoutes,
  ...exchangeRoutes,
  ...roundsRoutes,
  ...submissionsRoutes,
  ...dataValuesRoutes,
  ...statusRoutes,
  ...indexRoutes,
  ...dashboardRoutes,
  ...boundaryRoutes,
];
