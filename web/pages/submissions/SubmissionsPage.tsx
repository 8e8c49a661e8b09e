/**
 * Reports to decide on (`/submissions`): for approvers and coordinators, the
 * reports of their units by state — awaiting approval first — with the
 * deadline standing of each; several can be approved at once.
 */
import { useState } from 'react';
import type { SubmissionList } from '../../../src/contracts/submission';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { RequireSignIn, useAuth } from '../../auth';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n';
import { Link, useLocation, useTitle } from '../../router';
import { DemoLabel, StateBadge } from '../rounds/text';
import '../rounds/rounds.css';

const STATES = ['submitted', 'returned', 'approved', 'draft'] as const;

export function SubmissionsPage(_: { params: Record<string, string> }) {
  return (
    <RequireSignIn action="figures.read">
      <Submissions />
    </RequireSignIn>
  );
}

function Submissions() {
  const { t, dateTime } = useI18n();
  useTitle(t('submissions.title'));
  const { can } = useAuth();
  const { search } = useLocation();
  const asked = search.get('state') ?? '';
  const state = (STATES as readonly string[]).includes(asked) ? asked : 'submitted';
  const list = useApi<SubmissionList>(`/api/submissions?state=${state}`);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const approver = can('submissions.approve') && state === 'submitted';

  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/api/submissions/decide', {
        action: 'approve',
        items: (list.data?.items ?? [])
          .filter((s) => selected.has(s.id))
          .map((s) => ({ id: s.id, version: s.version })),
      });
      setSelected(new Set());
      list.reload();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page submissions-page">
      <h1>{t('submissions.title')}</h1>
      <p className="lead">{t('submissions.intro')}</p>
      <div className="tabs" role="tablist">
        {STATES.map((s) => (
          <Link
            key={s}
            to={`/submissions?state=${s}`}
            role="tab"
            aria-selected={state === s}
            className={state === s ? 'active' : undefined}
          >
            {t(`report.state.${s}`)}
          </Link>
        ))}
      </div>
      {error && <ErrorMessage error={error} />}
      {list.error && <ErrorMessage error={list.error} />}
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('submissions.none')}</p>
      ) : (
        <>
          {approver && (
            <p>
              <button
                type="button"
                className="btn"
                disabled={busy || selected.size === 0}
                onClick={() => void approve()}
              >
                {t('round.approve_selected', { count: selected.size })}
              </button>{' '}
              <span className="muted small">{t('submissions.approve_hint')}</span>
            </p>
          )}
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  {approver && (
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label={t('submissions.select_all')}
                        checked={selected.size > 0 && selected.size === list.data.items.length}
                        onChange={(e) =>
                          setSelected(
                            e.target.checked ? new Set(list.data?.items.map((s) => s.id)) : new Set(),
                          )
                        }
                      />
                    </th>
                  )}
                  <th scope="col">{t('round.col.unit')}</th>
                  <th scope="col">{t('rounds.col.round')}</th>
                  <th scope="col">{t('round.col.state')}</th>
                  <th scope="col">{t('round.col.submitted')}</th>
                  <th scope="col">{t('round.col.comment')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((s) => (
                  <tr key={s.id}>
                    {approver && (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('round.select_unit', { unit: s.unitName })}
                          checked={selected.has(s.id)}
                          onChange={(e) =>
                            setSelected((x) => {
                              const n = new Set(x);
                              if (e.target.checked) n.add(s.id);
                              else n.delete(s.id);
                              return n;
                            })
                          }
                        />
                      </td>
                    )}
                    <th scope="row">
                      <Link to={`/rounds/${s.roundId}/units/${s.unitId}`}>{s.unitName}</Link>
                      <div className="muted small">{t(`units.kind.${s.unitKind}`)}</div>
                    </th>
                    <td>
                      <Link to={`/rounds/${s.roundId}`}>{s.roundName}</Link> {s.isDemo && <DemoLabel />}
                    </td>
                    <td>
                      <StateBadge state={s.state} />{' '}
                      {s.late && <span className="badge badge--bad">{t('report.late')}</span>}
                    </td>
                    <td>
                      {s.submittedAt ? dateTime(s.submittedAt) : '—'}
                      {s.submittedBy && <div className="muted small">{s.submittedBy}</div>}
                    </td>
                    <td className="round-units__comment">{s.comment ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
