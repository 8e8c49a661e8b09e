/**
 * The account menu in the header: the person's name with their account page,
 * API tokens and sign-out; a sign-in link for visitors.
 */
import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { Link, useLocation } from '../router';
import './AccountMenu.css';

export function AccountMenu() {
  const { user, loading, signOut } = useAuth();
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // close on navigation, on a click elsewhere and on Escape
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname changes mean a navigation
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (loading) return null;
  if (!user) {
    if (pathname === '/sign-in') return null;
    return (
      <Link className="account-signin" to={`/sign-in?returnTo=${encodeURIComponent(pathname)}`}>
        {t('auth.menu.sign_in')}
      </Link>
    );
  }
  return (
    <div className="account-menu" ref={box}>
      <button
        type="button"
        className="account-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="account-menu__avatar" aria-hidden="true">
          {user.displayName.trim().split(/\s+/).pop()?.[0]?.toUpperCase() ?? '?'}
        </span>
        <span className="account-menu__name">{user.displayName}</span>
      </button>
      {open && (
        <div className="account-menu__panel" role="menu">
          <div className="account-menu__who">
            <strong>{user.displayName}</strong>
            <span className="muted small">{user.email}</span>
          </div>
          <Link role="menuitem" to="/account">
            {t('auth.menu.account')}
          </Link>
          <Link role="menuitem" to="/account#password">
            {t('auth.menu.change_password')}
          </Link>
          {user.actions.includes('tokens.create') && (
            <Link role="menuitem" to="/tokens">
              {t('auth.menu.tokens')}
            </Link>
          )}
          <button type="button" role="menuitem" onClick={() => void signOut()}>
            {t('auth.menu.sign_out')}
          </button>
        </div>
      )}
    </div>
  );
}
