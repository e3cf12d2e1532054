import { useTranslation } from 'react-i18next';
import type { MailImportReport } from '../../../common/contract';
import { sizeParts } from '../../../common/i18n/format';
import { ApiClientError } from '../../api/http';
import { useErrorMessage } from '../../ui/ErrorText';

/** The end of an import: counts, the stop (quota) if any, and each message not imported and why. */
export function ImportReportView({ report, folderName }: { report: MailImportReport; folderName: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const size = (bytes: number) => {
    const { key, value } = sizeParts(bytes, i18n.language);
    return t(key, { value });
  };
  const unlisted = report.failedCount - report.failures.length;
  return (
    <div className="mail-import-report">
      <p role="status">
        <strong>{t('mailImport.done', { folder: folderName })}</strong>
      </p>
      <ul className="mail-import-counts">
        <li>{t('mailImport.summaryImported', { count: report.imported })}</li>
        <li>{t('mailImport.summaryDuplicates', { count: report.duplicates })}</li>
        <li>{t('mailImport.summaryFailed', { count: report.failedCount })}</li>
      </ul>
      {report.stopped ? (
        <p className="form-error" role="alert">
          {t('mailImport.stopped', {
            used: size(report.stopped.usedBytes),
            limit: size(report.stopped.limitBytes),
            file: report.stopped.file,
          })}
        </p>
      ) : null}
      {report.failures.length > 0 ? (
        <>
          <h3 className="mail-import-failures-title">{t('mailImport.failuresTitle')}</h3>
          <div className="mail-import-table">
            <table>
              <thead>
                <tr>
                  <th>{t('mailImport.failureFile')}</th>
                  <th>{t('mailImport.failurePosition')}</th>
                  <th>{t('mailImport.failureSubject')}</th>
                  <th>{t('mailImport.failureReason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.failures.map((f) => (
                  <tr key={`${f.file}|${f.index}|${f.line}|${f.code}`}>
                    <td>{f.file}</td>
                    <td>
                      {f.index ?? t('mailImport.wholeFile')}
                      {f.line ? ` (${t('mailImport.lineAt', { line: f.line })})` : ''}
                    </td>
                    <td>{f.subject ?? (f.index === null ? '—' : t('mailImport.noSubject'))}</td>
                    <td>{errorMessage(new ApiClientError(f.code, 0, f.details ?? {}))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {unlisted > 0 ? (
            <p className="muted small">{t('mailImport.moreFailures', { count: unlisted })}</p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
