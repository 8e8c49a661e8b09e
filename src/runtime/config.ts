/**
 * Configuration from the environment. The names are a contract with
 * operators' scripts: PORT, NHIPSO_DATA_DIR, DATABASE_URL.
 */
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Embedded database folder (used when databaseUrl is not set). */
  dataDir: string;
  /** PostgreSQL connection string; when set, the embedded database is not used. */
  databaseUrl: string | null;
  /** The address users reach the app at, used in printed links. */
  publicUrl: string | null;
  /** Reverse proxies in front whose X-Forwarded-For entries are believed (NHIPSO_TRUSTED_PROXIES). */
  trustedProxies: number;
}

/** Reads the configuration; a bad value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT phải là số cổng 0–65535 / PORT must be a port number 0–65535 (got "${env.PORT}")`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.NHIPSO_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || null,
    publicUrl: env.NHIPSO_PUBLIC_URL || null,
    trustedProxies: trustedProxies(env.NHIPSO_TRUSTED_PROXIES),
  };
}

function trustedProxies(value: string | undefined): number {
  const n = value ? Number(value) : 0;
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    throw new Error(
      `NHIPSO_TRUSTED_PROXIES phải là số proxy 0–10 / NHIPSO_TRUSTED_PROXIES must be a number of proxies 0–10 (got "${value}")`,
    );
  }
  return n;
}
