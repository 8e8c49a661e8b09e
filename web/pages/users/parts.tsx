/**
 * Pieces the users, tokens, account and audit pages share: a role badge, the
 * path of a unit, and a unit picker limited to the units the caller may use.
 */
import { useEffect, useId, useState } from 'react';
import type { UnitBriefView } from '../../../src/contracts/users';
import type { RoleName } from '../../../src/domain/auth/actor';
import { apiGet } from '../../api/client';
import { useI18n } from '../../i18n';

const roleTone: Record<RoleName, string> = {
  admin: 'badge--bad',
  coordinator: 'badge--info',
  approver: 'badge--ok',
  reporter: 'badge--warn',
  viewer: 'badge--muted',
};

export function RoleBadge({ role }: { role: RoleName }) {
  const { t } = useI18n();
  return <span className={`badge ${roleTone[role]}`}>{t(`auth.role.${role}`)}</span>;
}

/** "Tỉnh X › Sở Y" in muted text: where a unit sits. */
export function UnitPath({ path }: { path: string[] }) {
  if (path.length === 0) return null;
  return <span className="muted small unit-path">({path.join(' › ')})</span>;
}

/**
 * Picks a unit by typing part of its name or code (diacritics optional),
 * among the units where the caller manages people (`users`) or may place a
 * token (`tokens`).
 */
export function UnitPicker({
  id,
  value,
  onChange,
  purpose,
  required,
}: {
  id: string;
  value: UnitBriefView | null;
  onChange(unit: UnitBriefView | null): void;
  purpose: 'users' | 'tokens';
  required?: boolean;
}) {
  const { t } = useI18n();
  const listId = useId();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<UnitBriefView[]>([]);
  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      apiGet<{ items: UnitBriefView[] }>(
        `/api/users/assignable-units?purpose=${purpose}&q=${encodeURIComponent(q.trim())}`,
      ).then(
        (r) => live && setItems(r.items),
        () => live && setItems([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, open, purpose]);

  if (value) {
    return (
      <div className="unit-picker unit-picker--chosen">
        <span>
          <strong>{value.name}</strong> <UnitPath path={value.path} />
        </span>
        <button type="button" className="btn btn--secondary btn--small" onClick={() => onChange(null)}>
          {t('auth.unit.change')}
        </button>
      </div>
    );
  }
  return (
    <div className="unit-picker">
      <input
        id={id}
        type="search"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        placeholder={t('auth.unit.search')}
        required={required}
        value={q}
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        autoComplete="off"
      />
      {open && (
        <ul className="unit-picker__list" id={listId}>
          {items.length === 0 && <li className="muted small unit-picker__empty">{t('auth.unit.none')}</li>}
          {items.map((u) => (
            <li key={u.id}>
              <button
                type="button"
                onClick={() => {
                  onChange(u);
                  setOpen(false);
                  setQ('');
                }}
              >
                <strong>{u.name}</strong> <span className="muted small">{t(`auth.unit_kind.${u.kind}`)}</span>{' '}
                <UnitPath path={u.path} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Shows a one-time secret with a copy button and the warning that it will not be shown again. */
export function SecretBox({ label, value, note }: { label: string; value: string; note: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="secret-box" role="status">
      <div className="secret-box__label">{label}</div>
      <div className="secret-box__row">
        <code data-testid="secret">{value}</code>
        <button
          type="button"
          className="btn btn--small"
          onClick={() =>
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('auth.secret.copied') : t('auth.secret.copy')}
        </button>
      </div>
      <div className="small">{note}</div>
    </div>
  );
}
