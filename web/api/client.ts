/**
 * Calls the Nhịp Số API. Errors arrive in the API's error model and are
 * raised as ApiError with the translated message and its located details.
 */
import type { ErrorBody } from '../../src/contracts/common';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody['error'],
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

function csrfToken(): string | undefined {
  return /(?:^|;\s*)nhipso_csrf=([^;]+)/.exec(document.cookie)?.[1];
}

/** Sends a request; JSON in, JSON out. */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  init: RequestInit = {},
): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  const token = csrfToken();
  if (token && method !== 'GET') headers.set('X-CSRF-Token', decodeURIComponent(token));
  let payload: BodyInit | undefined;
  if (body instanceof FormData || body instanceof Blob) payload = body;
  else if (body !== undefined) {
    headers.set('Content-Type', 'application/json');
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { ...init, method, headers, body: payload, credentials: 'same-origin' });
  if (res.status === 204) return undefined as T;
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
  const data = isJson ? await res.json() : await res.text();
  if (!res.ok) {
    const err =
      isJson && data && typeof data === 'object' && 'error' in data ? (data as ErrorBody).error : null;
    throw new ApiError(res.status, err ?? { code: 'http.error', message: `HTTP ${res.status}`, details: [] });
  }
  return data as T;
}

export const apiGet = <T>(path: string) => api<T>('GET', path);
