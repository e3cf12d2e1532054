import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifecyclePlannedAction } from '../../../../common/contract';
import { citeRule } from '../../../../common/i18n/cite-rule';
import { formatDateTime } from '../../../../common/i18n/format';
import { useConsoleMe } from '../../../api/console';
import {
  useLifecycleRuns,
  useLifecycleToday,
  useLifecycleUpcoming,
  useRunLifecycleJob,
} from '../../../api/console-lifecycle';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormError } from '../../../ui/ErrorText';
import { AccountLifecyclePanel } from './AccountLifecyclePanel';
import './lifecycle.css';
import { vietnameseDay } from '../../../../common/policy/vietnam-date';

/** A calendar day (yyyy-mm-dd in Viet Nam) as documents write it: dd/MM/yyyy. */

function ActionsTable({
  actions,
  withOutcome = false,
  onPick,
}: {
  actions: LifecyclePlannedAction[];
  withOutcome?: boolean;
  onPick?: (email: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <table className="console-table">
      <thead>
        <tr>
          <th scope="col">{t('console.lifecycle.columns.account')}</th>
          <th scope="col">{t('console.lifecycle.columns.action')}</th>
          <th scope="col">{t('console.lifecycle.columns.rule')}</th>
          <th scope="col">{t('console.lifecycle.columns.due')}</th>
          <th scope="col">{t('console.lifecycle.columns.blockedBy')}</th>
          {withOutcome && <th scope="col">{t('console.lifecycle.columns.outcome')}</th>}
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={`${a.email}-${a.kind}`}>
            <td>
              {onPick ? (
                <button type="button" className="link-button" onClick={() => onPick(a.email)}>
                  {a.email}
                </button>
              ) : (
                a.email
              )}
            </td>
            <td>{t(`console.lifecycle.kinds.${a.kind}`)}</td>
            <td>{citeRule(a.rule, i18n.language)}</td>
            <td>
              {vietnameseDay(a.dueOn)}
              {a.deadlineOn && ` → ${vietnameseDay(a.deadlineOn)}`}
            </td>
            <td>{a.blockedBy ? t(`console.lifecycle.kinds.${a.blockedBy}`) : ''}</td>
            {withOutcome && (
              <td>
                <span className={`console-badge ${outcomeTone(a.outcome)}`}>
                  {t(`console.lifecycle.outcomes.${a.outcome}`, { defaultValue: '' }) ||
                    t(`errors.${a.outcome}`)}
                </span>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const outcomeTone = (outcome: string | undefined) =>
  outcome === 'ok' ? 'ok' : outcome === 'would_do' || outcome === 'listed' ? 'warn' : 'bad';

/**
 * Đ5.3b, Đ6.2a, Đ6.3: what the daily job does today (its dry run), what comes in the next
 * days, the runs so far, and the actions on one account — each shown before it happens.
 */
export default function LifecyclePage() {
  const { t, i18n } = useTranslation();
  const admin = useConsoleMe().data?.role === 'admin';
  const today = useLifecycleToday();
  const [days, setDays] = useState(30);
  const upcoming = useLifecycleUpcoming(days);
  const runs = useLifecycleRuns();
  const runJob = useRunLifecycleJob();
  const [confirmRun, setConfirmRun] = useState(false);
  const [openRun, setOpenRun] = useState<number | null>(null);
  const [account, setAccount] = useState<string | null>(null);
  const due = today.data?.actions ?? [];

  return (
    <div className="lifecycle-page">
      <h1 className="console-title">{t('console.lifecycle.title')}</h1>
      <p className="lifecycle-intro">{t('console.lifecycle.intro')}</p>

      <section className="console-card" aria-labelledby="lc-today">
        <div className="lifecycle-head">
          <h2 id="lc-today">
            {t('console.lifecycle.today.title', { date: today.data ? vietnameseDay(today.data.day) : '' })}
          </h2>
          {admin && (
            <button
              type="button"
              className="button button-primary"
              disabled={due.length === 0 || runJob.isPending}
              onClick={() => setConfirmRun(true)}
            >
              {t('console.lifecycle.today.runNow')}
            </button>
          )}
        </div>
        {today.data && (
          <p className="lifecycle-note">
            {today.data.jobHour >= 0
              ? t('console.lifecycle.today.jobHour', { hour: today.data.jobHour })
              : t('console.lifecycle.today.jobOff')}
          </p>
        )}
        <FormError error={today.error} />
        {today.data && due.length === 0 && <p>{t('console.lifecycle.today.empty')}</p>}
        {due.length > 0 && <ActionsTable actions={due} onPick={setAccount} />}
        {runJob.data && !runJob.data.dryRun && (
          <p role="status">
            {t('console.lifecycle.today.ran', {
              done: runJob.data.actions.filter((a) => a.outcome === 'ok').length,
              failed: runJob.data.actions.filter(
                (a) => !['ok', 'listed', 'would_do'].includes(a.outcome ?? ''),
              ).length,
            })}
          </p>
        )}
        <FormError error={runJob.error} />
      </section>

      <AccountLifecyclePanel email={account} onOpen={setAccount} admin={admin} />

      <section className="console-card" aria-labelledby="lc-upcoming">
        <div className="lifecycle-head">
          <h2 id="lc-upcoming">{t('console.lifecycle.upcoming.title', { days })}</h2>
          <label className="lifecycle-days">
            {t('console.lifecycle.upcoming.days')}
            <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {[7, 30, 90, 365].map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        </div>
        {upcoming.data && upcoming.data.actions.length === 0 && (
          <p>{t('console.lifecycle.upcoming.empty')}</p>
        )}
        {upcoming.data && upcoming.data.actions.length > 0 && (
          <ActionsTable actions={upcoming.data.actions} onPick={setAccount} />
        )}
      </section>

      <section className="console-card" aria-labelledby="lc-runs">
        <h2 id="lc-runs">{t('console.lifecycle.runs.title')}</h2>
        {runs.data && runs.data.runs.length === 0 && <p>{t('console.lifecycle.runs.empty')}</p>}
        {runs.data && runs.data.runs.length > 0 && (
          <table className="console-table">
            <thead>
              <tr>
                <th scope="col">{t('console.lifecycle.columns.when')}</th>
                <th scope="col">{t('console.lifecycle.columns.mode')}</th>
                <th scope="col">{t('console.lifecycle.columns.actor')}</th>
                <th scope="col">{t('console.lifecycle.columns.count')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {runs.data.runs.map((run) => (
                <tr key={run.id}>
                  <td>{formatDateTime(run.ranAt, i18n.language)}</td>
                  <td>{run.dryRun ? t('console.lifecycle.runs.dry') : t('console.lifecycle.runs.real')}</td>
                  <td>{run.actor}</td>
                  <td>{run.actions.length}</td>
                  <td>
                    {run.actions.length > 0 && (
                      <button
                        type="button"
                        className="button"
                        onClick={() => setOpenRun(openRun === run.id ? null : run.id)}
                      >
                        {t('console.lifecycle.runs.show')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {openRun !== null && (
          <ActionsTable actions={runs.data?.runs.find((r) => r.id === openRun)?.actions ?? []} withOutcome />
        )}
      </section>

      {confirmRun && (
        <ConfirmDialog
          title={t('console.lifecycle.today.runNow')}
          confirmLabel={t('console.lifecycle.today.runNow')}
          cancelLabel={t('console.lifecycle.account.cancel')}
          danger
          busy={runJob.isPending}
          onCancel={() => setConfirmRun(false)}
          onConfirm={() => runJob.mutate(false, { onSettled: () => setConfirmRun(false) })}
        >
          <p>{t('console.lifecycle.today.confirmRun', { count: due.filter((a) => a.automatic).length })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
