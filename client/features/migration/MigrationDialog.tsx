import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MigrationSecurity, OldLogin } from '../../../common/contract/migration';
import { useCheckOldServer, useCurrentMigration, useStartMigration } from '../../api/migration';
import { Banner } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';
import { useErrorMessage } from '../../ui/ErrorText';
import { MigrationProgress } from './MigrationProgress';
import { useMigrationDialogStore } from './migration-dialog-store';
import './migration.css';

const DEFAULT_PORT: Record<MigrationSecurity, number> = { tls: 993, starttls: 143, none: 143 };

/**
 * Đ8.2d, "Chuyển thư từ máy chủ cũ": the old server's address and login, a connection test that
 * lists the folders and where each goes, then the copy's progress and its report.
 */
export function MigrationDialog() {
  const { t } = useTranslation();
  const open = useMigrationDialogStore((s) => s.open);
  const setOpen = useMigrationDialogStore((s) => s.setOpen);
  const current = useCurrentMigration(open);
  const [showForm, setShowForm] = useState(false);
  if (!open) return null;
  const migration = current.data?.migration ?? null;
  const running = migration?.state === 'queued' || migration?.state === 'running';
  const formShown = !migration || (showForm && !running);
  return (
    <Dialog title={t('migration.menu')} className="migration-dialog" onClose={() => setOpen(false)}>
      {formShown ? (
        <MigrationForm onStarted={() => setShowForm(false)} />
      ) : migration ? (
        <>
          <MigrationProgress status={migration} />
          <div className="form-actions">
            {!running ? (
              <button type="button" className="button" onClick={() => setShowForm(true)}>
                {t('migration.again')}
              </button>
            ) : null}
            <button type="button" className="button button-primary" onClick={() => setOpen(false)}>
              {t('migration.close')}
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}

function MigrationForm({ onStarted }: { onStarted: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const check = useCheckOldServer();
  const start = useStartMigration();
  const [host, setHost] = useState('');
  const [security, setSecurity] = useState<MigrationSecurity>('tls');
  const [port, setPort] = useState(993);
  const [acceptSelfSigned, setAcceptSelfSigned] = useState(false);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const login: OldLogin = {
    host: host.trim(),
    port,
    security,
    acceptSelfSigned,
    user: user.trim(),
    password,
  };
  const complete = login.host !== '' && login.user !== '' && password !== '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (complete) start.mutate(login, { onSuccess: onStarted });
  };

  return (
    <form className="migration-form" onSubmit={submit} noValidate>
      <p className="muted">{t('migration.intro')}</p>
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
      <div className="migration-server">
        <div className="field">
          <label htmlFor={`${id}-user`}>{t('migration.user')}</label>
          <input
            id={`${id}-user`}
            value={user}
            autoComplete="off"
            onChange={(e) => setUser(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('migration.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            value={password}
            autoComplete="off"
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
      </div>
      <p className="muted small">{t('migration.passwordNote')}</p>
      {check.isError ? <Banner tone="error">{errorMessage(check.error)}</Banner> : null}
      {check.data ? (
        <>
          <Banner tone="info">
            {t('migration.testOk', { folders: check.data.folders.length, messages: check.data.messages })}
          </Banner>
          <table className="migration-folders">
            <thead>
              <tr>
                <th scope="col">{t('migration.folder')}</th>
                <th scope="col">{t('migration.target')}</th>
                <th scope="col">{t('migration.count')}</th>
              </tr>
            </thead>
            <tbody>
              {check.data.folders.map((f) => (
                <tr key={f.path}>
                  <td>{f.path}</td>
                  <td>{f.use ? t(`mailbox.special.${f.use}`) : f.target}</td>
                  <td>{f.messages}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {start.isError ? <Banner tone="error">{errorMessage(start.error)}</Banner> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={!complete || check.isPending}
          onClick={() => check.mutate(login)}
        >
          {check.isPending ? t('migration.testing') : t('migration.test')}
        </button>
        <button type="submit" className="button button-primary" disabled={!complete || start.isPending}>
          {start.isPending ? t('migration.starting') : t('migration.start')}
        </button>
      </div>
    </form>
  );
}

/** The entry in the account menu. */
export function MigrationMenuButton({ className = 'button' }: { className?: string }) {
  const { t } = useTranslation();
  const setOpen = useMigrationDialogStore((s) => s.setOpen);
  return (
    <button type="button" className={className} onClick={() => setOpen(true)}>
      {t('migration.menu')}
    </button>
  );
}
