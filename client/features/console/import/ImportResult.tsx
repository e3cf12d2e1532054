import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../api/console-import';
import { type HandoverLabels, handoverCsv, handoverXlsx, saveFile } from './handover-file';

/** What was created, with each temporary password, and the handover file built from it. */
export function ImportResult({
  result,
  unitNames,
  onAgain,
}: {
  result: ImportOutcome;
  unitNames: Map<string, string>;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const [downloaded, setDownloaded] = useState(false);
  const created = result.results.flatMap((r) =>
    r.address && r.temporaryPassword
      ? [
          {
            fullName: r.fullName,
            unit: unitNames.get(r.unitCode) ?? r.unitCode,
            address: r.address,
            password: r.temporaryPassword,
          },
        ]
      : [],
  );
  const labels: HandoverLabels = {
    no: t('console.import.handover.no'),
    fullName: t('console.import.handover.fullName'),
    unit: t('console.import.handover.unit'),
    address: t('console.import.handover.address'),
    password: t('console.import.handover.password'),
    note: t('console.import.handover.note'),
    noteText: t('console.import.handoverNote'),
  };
  const name = t('console.import.handoverName');
  const download = async (format: 'xlsx' | 'csv') => {
    const blob =
      format === 'xlsx'
        ? await handoverXlsx(created, labels)
        : new Blob([handoverCsv(created, labels)], { type: 'text/csv;charset=utf-8' });
    saveFile(blob, `${name}.${format}`);
    setDownloaded(true);
  };

  return (
    <section className="console-card" aria-labelledby="import-result-title">
      <h2 id="import-result-title" className="import-subtitle">
        {t('console.import.resultTitle', { created: result.created, failed: result.failed })}
      </h2>
      {created.length > 0 && <p className="hint">{t('console.import.resultHint')}</p>}
      <table className="console-table">
        <thead>
          <tr>
            <th className="num">{t('console.import.columns.line')}</th>
            <th>{t('console.import.columns.fullName')}</th>
            <th>{t('console.import.columns.createdAddress')}</th>
            <th>{t('console.import.columns.password')}</th>
            <th>{t('console.import.columns.result')}</th>
          </tr>
        </thead>
        <tbody>
          {result.results.map((r) => (
            <tr key={r.line}>
              <td className="num">{r.line}</td>
              <td>{r.fullName}</td>
              <td className="import-result-address">{r.address ?? ''}</td>
              <td>
                <code className="import-password">{r.temporaryPassword ?? ''}</code>
              </td>
              <td>
                {r.unconfirmed ? (
                  <span className="form-error">{t('console.import.unconfirmed')}</span>
                ) : r.error ? (
                  <span className="form-error">{t(`errors.${r.error.code}`, r.error.details ?? {})}</span>
                ) : (
                  <span className="console-badge ok">{t('console.import.created')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="console-actions">
        {created.length > 0 && (
          <>
            <button type="button" className="button button-primary" onClick={() => download('xlsx')}>
              {t('console.import.download')}
            </button>
            <button type="button" className="button" onClick={() => download('csv')}>
              {t('console.import.downloadCsv')}
            </button>
          </>
        )}
        <button type="button" className="button" onClick={onAgain}>
          {t('console.import.again')}
        </button>
      </div>
      {downloaded && (
        <p className="hint" role="status">
          {t('console.import.downloaded')}
        </p>
      )}
    </section>
  );
}
