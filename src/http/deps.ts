/**
 * What the HTTP app needs from the outside, passed in by the composition root
 * (`runtime/`) or by a test.
 */
import type { Db } from '../services/db';
import type { OidcSettings } from '../services/oidc.service';

export interface AppDeps {
  db: Db;
  engine: 'pglite' | 'postgres';
  version: string;
  /** Folder of the built web app; when set, it is served for every non-API path. */
  webRoot?: string;
  /** The clock (tests pin it). */
  now?: () => Date;
  /** The address users reach the app at, e.g. `https://cds.ninhbinh.gov.vn`. */
  publicUrl?: string;
  /** How many reverse proxies in front append to X-Forwarded-For (0: use the socket's address). */
  trustedProxies?: number;
  /** Single sign-on through an OpenID Connect provider; absent = password sign-in only. */
  oidc?: OidcSettings | null;
}
