import { useTranslation } from 'react-i18next';
import type { MigrationStatus } from '../../../common/contract/migration';
import { Banner } from '../../ui/Banner';

const STATE_KEY = {
  queued: 'migration.stateQueued',
  running: 'migration.stateRunning',
  done: 'migration.stateDone',
  failed: 'migration.stateFailed',
} as const;

/** The progress bar while a copy runs, and its report (copied, skipped, failed with reasons) after. */
export function MigrationProgress({ status }: { status: MigrationStatus }) {
  const { t } = useTranslation();
  const done = status.copied + status.skipped + status.failed;
  const total = Math.max(status.total, done);
  const finished = status.state === 'done' || status.state === 'failed';
  return (
    <section className="migration-progress" aria-label={t('migration.report')}>
      <p className="migration-state">
        <strong>{t(STATE_KEY[status.state])}</strong> — {status.oldUser} @ {status.host}
      </p>
      <progress max={total || 1} value={finished && status.state === 'done' ? total || 1 : done} />
      <p className="muted small">{t('migration.progress', { done, total })}</p>
      {status.state === 'failed' && status.error ? (
        <Banner tone="error">
          {t('migration.stoppedBecause', {
            reason: t(`errors.${status.error}`, { limit: '20 MB', host: status.host }),
          })}
        </Banner>
      ) : null}
      <dl className="migration-counts">
        <div>
          <dt>{t('migration.copied')}</dt>
          <dd>{status.copied}</dd>
        </div>
        <div>
          <dt>{t('migration.skipped')}</dt>
          <dd>{status.skipped}</dd>
        </div>
        <div>
          <dt>{t('migration.failed')}</dt>
          <dd>{status.failed}</dd>
        </div>
      </dl>
      {status.folders.length > 0 ? (
        <table className="migration-folders">
          <thead>
            <tr>
              <th scope="col">{t('migration.folder')}</th>
              <th scope="col">{t('migration.target')}</th>
              <th scope="col">{t('migration.copied')}</th>
              <th scope="col">{t('migration.skipped')}</th>
              <th scope="col">{t('migration.failed')}</th>
            </tr>
          </thead>
          <tbody>
            {status.folders.map((f) => (
              <tr key={f.source}>
                <td>{f.source}</td>
                <td>{f.target}</td>
                <td>
                  {f.copied}/{f.total}
                </td>
                <td>{f.skipped}</td>
                <td>{f.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {status.failures.length > 0 ? (
        <>
          <h3 className="migration-subtitle">{t('migration.failures')}</h3>
          <ul className="migration-failures">
            {status.failures.map((f) => (
              <li key={`${f.folder}:${f.uid}`}>
                {t('migration.failureAt', {
                  folder: f.folder,
                  uid: f.uid,
                  reason: t(`errors.${f.code}`, { limit: '20 MB', host: status.host }),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
