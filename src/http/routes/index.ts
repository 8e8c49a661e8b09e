/**
 * The route table: every endpoint of the API, in one list. Adding a file of
 * routes means adding it here — the app, the OpenAPI document and the access
 * matrix test all read this list.
 */
import type { RouteDef } from '../route';
import { systemRoutes } from './system.routes';

export const routes: RouteDef[] = [...systemRoutes];
