/**
 * The one error type of Nhịp Số. `code` is stable and dotted (`unit.not_found`,
 * `import.row_invalid`) and doubles as the i18n key, so every error has a
 * Vietnamese and an English message. `details` lists every problem at once
 * (all bad rows of an import, all invalid fields of a form), each pointing at
 * where it is (`path`: a field path, or `file:row:column`).
 */
export type ErrorParams = Record<string, string | number | boolean | null | undefined>;

/** One located problem inside a larger failure (a field, a row, a cell). */
export interface ErrorDetail {
  /** Where: a field path (`targets.3.value`) or a location (`dvhc.csv:12:Mã xã`). */
  path: string;
  /** A stable dotted code, also an i18n key. */
  code: string;
  /** Parameters interpolated into the message. */
  params?: ErrorParams;
}

/** HTTP-ish status classes used by the error model. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/**
 * A failure the user can act on.
 * @example throw new AppError('unit.not_found', { status: 404, params: { id } })
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  readonly params: ErrorParams;
  readonly details: ErrorDetail[];

  constructor(
    code: string,
    options: { status?: ErrorStatus; params?: ErrorParams; details?: ErrorDetail[]; cause?: unknown } = {},
  ) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? 400;
    this.params = options.params ?? {};
    this.details = options.details ?? [];
  }
}

/** Shorthand for a 404 on an entity kind. */
export function notFound(entity: string, id: string | number): AppError {
  return new AppError(`${entity}.not_found`, { status: 404, params: { id: String(id) } });
}

/** True when `e` is an AppError (also across module copies). */
export function isAppError(e: unknown): e is AppError {
  return (
    e instanceof AppError ||
    (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AppError')
  );
}
