/**
 * Small pieces shared by the account pages: a labelled field that shows its
 * own error, errors of an API answer by field, and a link's secret from the
 * address fragment.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { passwordRules } from '../../../src/domain/auth/policy';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';

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

/** True when both passwords are typed and differ (the form is not sent then). */
export const passwordsDiffer = (password: string, confirm: string) =>
  password !== '' && confirm !== '' && password !== confirm;

/** A new password with the policy's length and hint, and its confirmation. */
export function NewPasswordFields({
  id,
  confirmId,
  password,
  confirm,
  error,
  onPassword,
  onConfirm,
}: {
  id: string;
  confirmId: string;
  password: string;
  confirm: string;
  error: string | undefined;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field
        id={id}
        label={t('auth.field.new_password')}
        type="password"
        autoComplete="new-password"
        required
        minLength={passwordRules.minLength}
        maxLength={passwordRules.maxLength}
        hint={t('auth.field.password_hint', { min: passwordRules.minLength })}
        value={password}
        error={error}
        onChange={(e) => onPassword(e.target.value)}
      />
      <Field
        id={confirmId}
        label={t('auth.field.confirm_password')}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        error={passwordsDiffer(password, confirm) ? t('auth.field.password_mismatch') : undefined}
        onChange={(e) => onConfirm(e.target.value)}
      />
    </>
  );
}
