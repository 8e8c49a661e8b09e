/**
 * The pages of the app, by path. Areas add their pages here.
 */
import type { ComponentType } from 'react';
import { HomePage } from './pages/home/HomePage';
import { IndicatorDetailPage } from './pages/indicators/IndicatorDetailPage';
import { IndicatorsPage } from './pages/indicators/IndicatorsPage';
import { NotFoundPage } from './pages/NotFoundPage';

export interface PageRoute {
  path: string;
  component: ComponentType<{ params: Record<string, string> }>;
}

export const pageRoutes: PageRoute[] = [
  { path: '/', component: HomePage },
  { path: '/indicators', component: IndicatorsPage },
  { path: '/indicators/:code', component: IndicatorDetailPage },
];

export const notFound = NotFoundPage;
