/**
 * Small pieces shared by the account pages: a labelled field that shows its
 * own error, errors of an API answer by field, and a link's secret from the
 * address fragment.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { ApiError } from '../../api/client';

/** Messages of an API validation error by field name (`body.password` → `password`). */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const d of error.body.details) {
      const field = d.path.replace(/^(body|query|params)\./, '');
      out[field] ??= d.message;
    }
  }
  return out;
}

/** The message of an error that is not about one field. */
export function generalError(error: unknown, fallback: string): string | null {
  if (!error) return null;
  if (error instanceof ApiError) return error.body.details.length ? null : error.body.message;
  return fallback;
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children?: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children ?? (
        <input
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
          {...input}
        />
      )}
      {hint && !error && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** The secret of a one-time link: `#token=…` in the address (never sent to a server by the browser). */
export function tokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '';
}
