import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox, MailImportProgress, MailImportReport } from '../../../common/contract';
import { sizeParts } from '../../../common/i18n/format';
import { mailboxKeys, messageKeys, quotaKeys } from '../../api/keys';
import { type MailImportRun, startMailImport } from '../../api/mail-import';
import { Dialog } from '../../ui/Dialog';
import { useErrorMessage } from '../../ui/ErrorText';
import { mailboxDepth, mailboxLabel } from '../mailbox/mailbox-name';
import { ImportReportView } from './ImportReportView';
import './mail-import.css';

type Phase =
  | { name: 'choose' }
  | { name: 'running' }
  | { name: 'done'; report: MailImportReport }
  | { name: 'failed'; error: unknown };

/**
 * "Nhập thư từ tệp" (Đ8.2d): files and a folder chosen, then the import followed (bytes sent, then
 * messages) and its report. A failure keeps the choices on screen so the user can simply retry;
 * what was imported stays, and a rerun skips it.
 */
export function ImportMailDialog({
  folders,
  initialFolder,
  onClose,
}: {
  folders: Mailbox[];
  initialFolder: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const id = useId();
  const selectable = folders.filter((f) => f.selectable);
  const [files, setFiles] = useState<File[]>([]);
  const [folder, setFolder] = useState(
    selectable.some((f) => f.path === initialFolder) ? initialFolder : (selectable[0]?.path ?? 'INBOX'),
  );
  const [variant, setVariant] = useState<'mboxrd' | 'mboxo'>('mboxrd');
  const [phase, setPhase] = useState<Phase>({ name: 'choose' });
  const [sent, setSent] = useState({ done: 0, total: 0 });
  const [progress, setProgress] = useState<MailImportProgress | null>(null);
  const run = useRef<MailImportRun | null>(null);

  const size = (bytes: number) => {
    const { key, value } = sizeParts(bytes, i18n.language);
    return t(key, { value });
  };
  const folderName = (path: string) => {
    const box = folders.find((f) => f.path === path);
    return box ? mailboxLabel(box, t) : path;
  };

  const start = (e: React.FormEvent) => {
    e.preventDefault();
    if (files.length === 0 || phase.name === 'running') return;
    setPhase({ name: 'running' });
    setProgress(null);
    setSent({ done: 0, total: files.reduce((sum, f) => sum + f.size, 0) });
    const current = startMailImport({
      folder,
      files,
      variant,
      onUpload: (done, total) => setSent({ done, total }),
      onProgress: setProgress,
    });
    run.current = current;
    current.done
      .then((report) => setPhase({ name: 'done', report }))
      .catch((error: unknown) => setPhase({ name: 'failed', error }))
      .finally(() => {
        run.current = null;
        // Whatever went in before an error or a stop is in the folder: show it.
        void queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
        void queryClient.invalidateQueries({ queryKey: messageKeys.list(folder) });
        void queryClient.invalidateQueries({ queryKey: quotaKeys.current });
      });
  };

  const close = () => {
    run.current?.abort();
    onClose();
  };
  const running = phase.name === 'running';
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const percent = sent.total > 0 ? Math.min(100, Math.round((sent.done / sent.total) * 100)) : 0;

  return (
    <Dialog title={t('mailImport.title')} className="mail-import" onClose={close} onSubmit={start}>
      {phase.name === 'done' ? (
        <ImportReportView report={phase.report} folderName={folderName(phase.report.folder)} />
      ) : (
        <>
          <p className="muted small">{t('mailImport.help')}</p>
          <label className="field" htmlFor={`${id}-files`}>
            <span>{t('mailImport.files')}</span>
            <input
              id={`${id}-files`}
              type="file"
              multiple
              disabled={running}
              accept=".eml,.mbox,.mbx,.zip,message/rfc822,application/mbox,application/zip"
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
            />
          </label>
          {files.length > 0 ? (
            <p className="muted small">
              {t('mailImport.chosen', { count: files.length, size: size(total) })}
            </p>
          ) : null}
          <label className="field" htmlFor={`${id}-folder`}>
            <span>{t('mailImport.folder')}</span>
            <select
              id={`${id}-folder`}
              value={folder}
              disabled={running}
              onChange={(e) => setFolder(e.target.value)}
            >
              {selectable.map((f) => (
                <option key={f.path} value={f.path}>
                  {'\u00a0\u00a0'.repeat(mailboxDepth(f))}
                  {mailboxLabel(f, t)}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={`${id}-variant`}>
            <span>{t('mailImport.variant')}</span>
            <select
              id={`${id}-variant`}
              value={variant}
              disabled={running}
              onChange={(e) => setVariant(e.target.value as 'mboxrd' | 'mboxo')}
            >
              <option value="mboxrd">{t('mailImport.variantMboxrd')}</option>
              <option value="mboxo">{t('mailImport.variantMboxo')}</option>
            </select>
          </label>
          {running ? (
            <div className="mail-import-progress">
              <progress
                max={100}
                value={percent}
                aria-label={t('mailImport.uploading', { done: size(sent.done), total: size(sent.total) })}
              />
              <p role="status" className="small">
                {t('mailImport.uploading', { done: size(sent.done), total: size(sent.total) })}
                {progress
                  ? ` · ${t('mailImport.progress', {
                      imported: progress.imported,
                      duplicates: progress.duplicates,
                      failed: progress.failedCount,
                    })}`
                  : null}
              </p>
            </div>
          ) : null}
          {phase.name === 'failed' ? (
            <p className="form-error" role="alert">
              {t('mailImport.failedRequest', { message: errorMessage(phase.error) })}
            </p>
          ) : null}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close}>
          {running ? t('mailImport.cancel') : t('mailImport.close')}
        </button>
        {phase.name === 'done' ? null : (
          <button type="submit" className="button button-primary" disabled={files.length === 0 || running}>
            {t('mailImport.start')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
