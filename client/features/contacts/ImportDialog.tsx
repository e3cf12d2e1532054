import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactImportEncoding, ContactImportPreview } from '../../../common/contract';
import { fileAsBase64, previewContactImport, useImportContacts } from '../../api/contacts';
import { ApiClientError } from '../../api/http';
import { Dialog } from '../../ui/Dialog';
import { useErrorMessage } from '../../ui/ErrorText';
import { showToast } from '../../ui/toast-store';

/**
 * Import in two steps: the file is read and every entry shown with what will happen to it (added,
 * merged into a contact, skipped and why); nothing changes until the user confirms.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [encoding, setEncoding] = useState<ContactImportEncoding>('auto');
  const [preview, setPreview] = useState<ContactImportPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const importing = useImportContacts();

  const read = async (picked: { fileName: string; content: string }, chosen: ContactImportEncoding) => {
    setError(null);
    setPreview(null);
    try {
      setPreview(await previewContactImport({ ...picked, encoding: chosen }));
    } catch (err) {
      setError(err);
    }
  };
  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    const next = { fileName: picked.name, content: await fileAsBase64(picked) };
    setFile(next);
    await read(next, encoding);
  };
  const confirm = () => {
    if (!file) return;
    importing.mutate(
      { ...file, encoding },
      {
        onSuccess: (result) => {
          showToast({ message: t('contacts.imported', result) });
          onClose();
        },
        onError: setError,
      },
    );
  };
  const code = error instanceof ApiClientError ? error.code : null;
  const count = preview ? preview.counts.add + preview.counts.merge : 0;

  return (
    <Dialog title={t('contacts.importTitle')} className="contacts-import" onClose={onClose}>
      <p className="muted small">{t('contacts.importHelp')}</p>
      <div className="contacts-import-fields">
        <label>
          {t('contacts.importFile')}
          <input
            type="file"
            accept=".vcf,.vcard,.csv,text/vcard,text/csv"
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        </label>
        <label>
          {t('contacts.encoding')}
          <select
            value={encoding}
            onChange={(e) => {
              const chosen = e.target.value as ContactImportEncoding;
              setEncoding(chosen);
              if (file) void read(file, chosen);
            }}
          >
            <option value="auto">{t('contacts.encodingAuto')}</option>
            <option value="utf-8">{t('contacts.encodingUtf8')}</option>
            <option value="windows-1258">{t('contacts.encodingWindows1258')}</option>
          </select>
        </label>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {errorMessage(error)}{' '}
          {code ? <span className="muted small">{t('contacts.errorCode', { code })}</span> : null}
        </p>
      ) : null}
      {preview ? (
        <>
          <p role="status">
            {t('contacts.previewSummary', {
              ...preview.counts,
              format: preview.format === 'vcard' ? 'vCard' : 'CSV',
              encoding: preview.encoding,
            })}
          </p>
          <div className="contacts-import-table">
            <table>
              <thead>
                <tr>
                  <th>{t('contacts.previewPosition')}</th>
                  <th>{t('contacts.name')}</th>
                  <th>{t('contacts.list')}</th>
                  <th>{t('contacts.previewAction')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.position} className={`import-${row.action}`}>
                    <td>{row.position}</td>
                    <td>{row.name}</td>
                    <td>{row.emails.join(', ')}</td>
                    <td>
                      {t(`contacts.action.${row.action}`)}
                      {row.reason ? `: ${t(`contacts.reason.${row.reason}`)}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('contacts.back')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!preview || count === 0 || importing.isPending}
          onClick={confirm}
        >
          {t('contacts.importConfirm', { count })}
        </button>
      </div>
    </Dialog>
  );
}
