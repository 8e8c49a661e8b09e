/**
 * The home page's offer of demo data while the database has no figures: an
 * administrator loads it with one button and follows the progress; a
 * coordinator is told who can. Hidden once there are figures.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth';
import { ErrorMessage } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import './rounds.css';

interface DemoState {
  hasFigures: boolean;
  demoLoaded: boolean;
  canLoad: boolean;
  job: {
    running: boolean;
    progress: { phase: string; done: number; total: number; message: string } | null;
    result: { rounds: number; reports: number; values: number; seconds: number } | null;
    error: { code: string; message: string } | null;
  };
}

export function DemoOffer() {
  const { user, can } = useAuth();
  if (!user || !(can('rounds.manage') || can('system.manage'))) return null;
  return <Offer />;
}

function Offer() {
  const { t, number } = useI18n();
  const state = useApi<DemoState>('/api/demo');
  const [error, setError] = useState<Error | null>(null);
  const running = state.data?.job.running ?? false;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => state.reload(), 1500);
    return () => clearInterval(timer);
  }, [running, state.reload]);

  const d = state.data;
  if (!d) return null;
  if (d.hasFigures && !d.job.running && !d.job.result) return null;
  const load = async () => {
    setError(null);
    try {
      await api('POST', '/api/demo');
      state.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const p = d.job.progress;
  const pct = p?.total ? Math.round((100 * (p.phase === 'done' ? p.total : p.done)) / p.total) : 0;
  return (
    <div className="card demo-offer" data-testid="demo-offer">
      <h2>{d.job.result ? t('demo.label') : t('demo.offer.title')}</h2>
      {!d.job.result && <p>{t('demo.offer.text')}</p>}
      {d.canLoad && !d.job.running && !d.job.result && (
        <p>
          <button type="button" className="btn" onClick={() => void load()} data-testid="load-demo">
            {t('demo.offer.button')}
          </button>{' '}
          <span className="muted small">{t('demo.offer.cli')}</span>
        </p>
      )}
      {!d.canLoad && !d.job.running && <p className="muted">{t('demo.offer.ask_admin')}</p>}
      {d.job.running && (
        <div className="demo-offer__progress" role="status" aria-live="polite">
          <div
            className="progress"
            aria-valuenow={pct}
            aria-valuemin={0}
            aria-valuemax={100}
            role="progressbar"
          >
            <div className="progress__bar progress__bar--ok" style={{ width: `${pct}%` }} />
          </div>
          <div className="muted small">
            {!p || p.phase === 'units'
              ? t('demo.progress.units')
              : p.phase === 'people'
                ? t('demo.progress.people')
                : t('demo.progress.rounds', { done: p.done + 1, total: p.total, message: p.message })}
          </div>
        </div>
      )}
      {d.job.result && (
        <div className="alert alert--info" role="status">
          {t('demo.progress.done', {
            rounds: number(d.job.result.rounds),
            reports: number(d.job.result.reports),
            values: number(d.job.result.values),
          })}{' '}
          <Link to="/rounds">{t('nav.rounds')} →</Link>
        </div>
      )}
      {d.job.error && (
        <div className="alert alert--error" role="alert">
          {t('demo.progress.failed', {
            message: t(d.job.error.code) === d.job.error.code ? d.job.error.message : t(d.job.error.code),
          })}
        </div>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
