/**
 * Who is signed in, for every page: loads `GET /api/auth/me` once (it answers
 * `{ user: null }` for visitors, never an error), and tells pages and the
 * navigation which actions of the permission table the person may do.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { CurrentUser, Me } from '../src/contracts/auth';
import type { Action } from '../src/domain/auth/permissions';
import { api, apiGet } from './api/client';
import { Loading } from './components/Status';
import { useI18n } from './i18n';
import { Link, navigate, useLocation } from './router';

interface Auth {
  user: CurrentUser | null;
  loading: boolean;
  /** Whether the person may do the action somewhere (to show a page or a button). */
  can(action: Action): boolean;
  /** Reloads the current user (after a sign-in, a change of roles). */
  refresh(): Promise<void>;
  /** Puts the user an API answer returned (sign-in, set password). */
  setUser(user: CurrentUser | null): void;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      setUser((await apiGet<Me>('/api/auth/me')).user);
    } catch {
      setUser(null);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const signOut = useCallback(async () => {
    await api('POST', '/api/auth/sign-out');
    setUser(null);
    navigate('/sign-in');
  }, []);
  const value = useMemo<Auth>(
    () => ({
      user,
      loading,
      can: (action) => !!user?.actions.includes(action),
      refresh,
      setUser,
      signOut,
    }),
    [user, loading, refresh, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/**
 * Shows its children to a signed-in person (who may do `action`, if given);
 * sends a visitor to the sign-in page and back here afterwards.
 */
export function RequireSignIn({ action, children }: { action?: Action; children: ReactNode }) {
  const { user, loading, can } = useAuth();
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  const here = `${pathname}${search.toString() ? `?${search}` : ''}`;
  useEffect(() => {
    if (!loading && !user) navigate(`/sign-in?returnTo=${encodeURIComponent(here)}`, { replace: true });
  }, [loading, user, here]);
  if (loading || !user) return <Loading />;
  if (action && !can(action)) {
    return (
      <section className="page">
        <h1>{t('auth.page.forbidden_title')}</h1>
        <div className="alert alert--warn" role="alert">
          {t('auth.forbidden')}
        </div>
        <p>
          <Link to="/">{t('nav.home')}</Link>
        </p>
      </section>
    );
  }
  return <>{children}</>;
}
