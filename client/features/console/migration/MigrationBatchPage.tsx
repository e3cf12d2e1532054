import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MigrationSecurity } from '../../../../common/contract/migration';
import { useImportUnits } from '../../../api/console-import';
import { fileBase64, useStartMigrationBatch } from '../../../api/console-migration';
import { Banner } from '../../../ui/Banner';
import { FormError } from '../../../ui/ErrorText';
import { BatchProgress } from './BatchProgress';
import '../import/import.css';
import '../../migration/migration.css';

const DEFAULT_PORT: Record<MigrationSecurity, number> = { tls: 993, starttls: 143, none: 143 };

/**
 * Đ8.2d for a whole unit (admins): the old server once, a CSV of old user, old password and new
 * mailbox per line → every line checked (problems listed, nothing started) → one job per line,
 * followed here, each with its report.
 */
export default function MigrationBatchPage() {
  const { t } = useTranslation();
  const id = useId();
  const units = useImportUnits();
  const start = useStartMigrationBatch();
  const [unitCode, setUnitCode] = useState('');
  const [host, setHost] = useState('');
  const [security, setSecurity] = useState<MigrationSecurity>('tls');
  const [port, setPort] = useState(993);
  const [acceptSelfSigned, setAcceptSelfSigned] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const complete = unitCode !== '' && host.trim() !== '' && file !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    const csv = await fileBase64(file);
    start.mutate({ unitCode, server: { host: host.trim(), port, security, acceptSelfSigned }, csv });
  };

  const batch = start.data?.batch ?? null;
  const problems = start.data?.problems ?? [];

  if (batch) {
    return (
      <>
        <h1 className="console-title">{t('console.migration.title')}</h1>
        <BatchProgress started={batch} />
        <div className="console-actions">
          <button type="button" className="button" onClick={() => start.reset()}>
            {t('console.migration.again')}
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <h1 className="console-title">{t('console.migration.title')}</h1>
      <p className="hint import-intro">{t('console.migration.intro')}</p>
      <form className="migration-form" onSubmit={submit} noValidate>
        <div className="migration-server">
          <div className="field">
            <label htmlFor={`${id}-unit`}>{t('console.migration.unit')}</label>
            <select id={`${id}-unit`} value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
              <option value="">{t('console.migration.chooseUnit')}</option>
              {(units.data?.units ?? []).map((u) => (
                <option key={u.code} value={u.code}>
                  {`${'\u00a0'.repeat(u.depth * 2)}${u.name} (${u.code})`}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="migration-server">
          <div className="field">
            <label htmlFor={`${id}-host`}>{t('migration.host')}</label>
            <input
              id={`${id}-host`}
              value={host}
              autoComplete="off"
              placeholder="mail.donvi.gov.vn"
              onChange={(e) => setHost(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-security`}>{t('migration.security')}</label>
            <select
              id={`${id}-security`}
              value={security}
              onChange={(e) => {
                const next = e.target.value as MigrationSecurity;
                setSecurity(next);
                setPort(DEFAULT_PORT[next]);
              }}
            >
              <option value="tls">{t('migration.securityTls')}</option>
              <option value="starttls">{t('migration.securityStarttls')}</option>
              <option value="none">{t('migration.securityNone')}</option>
            </select>
          </div>
          <div className="field migration-port">
            <label htmlFor={`${id}-port`}>{t('migration.port')}</label>
            <input
              id={`${id}-port`}
              type="number"
              min={1}
              max={65535}
              value={port}
              onChange={(e) => setPort(Math.min(65535, Math.max(1, Number(e.target.value) || 1)))}
            />
          </div>
        </div>
        {security === 'none' ? <Banner tone="warning">{t('migration.noneWarning')}</Banner> : null}
        {security !== 'none' ? (
          <label className="migration-check">
            <input
              type="checkbox"
              checked={acceptSelfSigned}
              onChange={(e) => setAcceptSelfSigned(e.target.checked)}
            />
            {t('migration.acceptSelfSigned')}
          </label>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('console.migration.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.txt,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <p className="hint">{t('console.migration.fileHint')}</p>
        </div>
        <div className="console-actions">
          <button type="submit" className="button button-primary" disabled={!complete || start.isPending}>
            {start.isPending ? t('console.migration.starting') : t('console.migration.start')}
          </button>
        </div>
      </form>
      <FormError error={start.error} />
      {problems.length > 0 ? (
        <section aria-labelledby="batch-problems-title">
          <h2 id="batch-problems-title" className="import-subtitle">
            {t('console.migration.refused', { count: problems.length })}
          </h2>
          <table className="console-table">
            <thead>
              <tr>
                <th scope="col">{t('console.migration.line')}</th>
                <th scope="col">{t('console.migration.value')}</th>
                <th scope="col">{t('console.migration.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p) => (
                <tr key={`${p.line}-${p.code}`}>
                  <td>{p.line}</td>
                  <td>{p.value ?? ''}</td>
                  <td>
                    {t(`errors.${p.code}`)}
                    {p.sameAs !== null ? ` ${t('console.migration.sameAs', { line: p.sameAs })}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
