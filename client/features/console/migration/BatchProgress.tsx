import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MigrationBatch } from '../../../../common/contract/console-migration';
import { useMigrationBatch, useMigrationBatchReport } from '../../../api/console-migration';
import { MigrationProgress } from '../../migration/MigrationProgress';

const STATE_KEY = {
  queued: 'migration.stateQueued',
  running: 'migration.stateRunning',
  done: 'migration.stateDone',
  failed: 'migration.stateFailed',
} as const;

/** Each account of a batch: copied / skipped / failed and its state, polled while a job runs. */
export function BatchProgress({ started }: { started: MigrationBatch }) {
  const { t } = useTranslation();
  const polled = useMigrationBatch(started.id);
  const batch = polled.data ?? started;
  const [open, setOpen] = useState<string | null>(null);
  const done = batch.rows.filter((r) => r.state === 'done').length;
  const failed = batch.rows.filter((r) => r.state === 'failed').length;
  const openRow = batch.rows.find((r) => r.jobId === open);
  return (
    <section aria-labelledby="batch-progress-title">
      <h2 id="batch-progress-title" className="import-subtitle">
        {t('console.migration.progressTitle', { host: batch.host })}
      </h2>
      <p role="status">
        {t('console.migration.summary', { done: done + failed, total: batch.rows.length, failed })}
      </p>
      <div className="import-scroll">
        <table className="console-table">
          <thead>
            <tr>
              <th scope="col">{t('console.migration.mailbox')}</th>
              <th scope="col">{t('console.migration.oldUser')}</th>
              <th scope="col">{t('console.migration.state')}</th>
              <th scope="col">{t('migration.copied')}</th>
              <th scope="col">{t('migration.skipped')}</th>
              <th scope="col">{t('migration.failed')}</th>
              <th scope="col">
                <span className="sr-only">{t('console.migration.report')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {batch.rows.map((r) => (
              <tr key={r.jobId}>
                <td>{r.mailbox}</td>
                <td>{r.oldUser}</td>
                <td>
                  {t(STATE_KEY[r.state])}
                  {r.state === 'failed' && r.error
                    ? ` — ${t(`errors.${r.error}`, { host: batch.host })}`
                    : ''}
                </td>
                <td>
                  {r.copied}/{r.total}
                </td>
                <td>{r.skipped}</td>
                <td>{r.failed}</td>
                <td>
                  {r.state === 'done' || r.state === 'failed' ? (
                    <button type="button" className="button" onClick={() => setOpen(r.jobId)}>
                      {t('console.migration.report')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {openRow ? (
        <JobReport
          batchId={batch.id}
          jobId={openRow.jobId}
          mailbox={openRow.mailbox}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}

function JobReport(props: { batchId: string; jobId: string; mailbox: string; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useMigrationBatchReport(props.batchId, props.jobId);
  return (
    <section
      className="batch-report"
      aria-label={t('console.migration.reportOf', { mailbox: props.mailbox })}
    >
      <h3 className="import-subtitle">{t('console.migration.reportOf', { mailbox: props.mailbox })}</h3>
      {report.data ? <MigrationProgress status={report.data} /> : null}
      <button type="button" className="button" onClick={props.onClose}>
        {t('console.migration.closeReport')}
      </button>
    </section>
  );
}
