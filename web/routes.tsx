/**
 * The pages of the app, by path. Areas add their pages here.
 */
import type { ComponentType } from 'react';
import { HomePage } from './pages/home/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';

export interface PageRoute {
  path: string;
  component: ComponentType<{ params: Record<string, string> }>;
}

export const pageRoutes: PageRoute[] = [{ path: '/', component: HomePage }];

export const notFound = NotFoundPage;
