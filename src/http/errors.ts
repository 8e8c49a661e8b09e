/**
 * Turns any thrown value into the error body of CONVENTIONS.md:
 * `{ error: { code, message, details: [{ path, code, message }] } }`,
 * with messages in the request's language.
 */
import type { z } from 'zod';
import type { ErrorBody } from '../contracts/common';
import { AppError, type ErrorDetail, isAppError } from '../domain/errors';
import { type Locale, t } from '../i18n';

/** Maps zod issues to located details with our message keys — all of them, not the first. */
export function zodIssuesToDetails(issues: z.core.$ZodIssue[], prefix = ''): ErrorDetail[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    // a refinement may carry our own message key
    if (issue.message && /^[a-z_]+(\.[a-z_]+)+$/.test(issue.message)) {
      return { path, code: issue.message };
    }
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined
          ? { path, code: 'validation.required' }
          : { path, code: 'validation.invalid_type', params: { expected: issue.expected } };
      case 'too_small':
        return { path, code: 'validation.too_small', params: { minimum: String(issue.minimum) } };
      case 'too_big':
        return { path, code: 'validation.too_big', params: { maximum: String(issue.maximum) } };
      case 'invalid_format':
        return { path, code: 'validation.invalid_format' };
      case 'unrecognized_keys':
        return { path, code: 'validation.unrecognized_keys', params: { keys: issue.keys.join(', ') } };
      case 'invalid_value':
      case 'invalid_union':
        return { path, code: 'validation.invalid_value' };
      default:
        return { path, code: 'validation.custom' };
    }
  });
}

/** A request whose input failed validation. */
export function invalidRequest(issues: z.core.$ZodIssue[], prefix: string): AppError {
  return new AppError('request.invalid', { status: 400, details: zodIssuesToDetails(issues, prefix) });
}

/** The JSON body and status for an error, translated. Unknown errors become a 500 without internals. */
export function toErrorBody(e: unknown, locale: Locale): { status: number; body: ErrorBody } {
  const err = isAppError(e) ? e : new AppError('internal.error', { status: 500 });
  return {
    status: err.status,
    body: {
      error: {
        code: err.code,
        message: t(locale, err.code, err.params),
        details: err.details.map((d) => ({
          path: d.path,
          code: d.code,
          message: t(locale, d.code, d.params),
        })),
      },
    },
  };
}
