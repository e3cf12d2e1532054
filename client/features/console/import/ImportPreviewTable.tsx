import { useTranslation } from 'react-i18next';
import type { ImportPreviewRow } from '../../../../common/contract';

/** What the admin decides per row: create it or not, and under which name (with a reason). */
export interface RowChoice {
  keep: boolean;
  local: string;
  reason: string;
}

/** Rows that can be created start checked, except those that may be a person already there. */
export function initialChoice(row: ImportPreviewRow): RowChoice {
  return {
    keep: row.status !== 'bad' && row.possibleDuplicates.length === 0,
    local: row.proposedLocal ?? '',
    reason: '',
  };
}

export const isOverridden = (row: ImportPreviewRow, choice: RowChoice) =>
  choice.local.trim() !== '' && choice.local.trim() !== row.proposedLocal;

export function ImportPreviewTable({
  rows,
  choices,
  domain,
  onChange,
}: {
  rows: ImportPreviewRow[];
  choices: Map<number, RowChoice>;
  domain: string;
  onChange: (line: number, choice: RowChoice) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="console-table import-table">
      <thead>
        <tr>
          <th>{t('console.import.columns.keep')}</th>
          <th className="num">{t('console.import.columns.line')}</th>
          <th>{t('console.import.columns.fullName')}</th>
          <th>{t('console.import.columns.unit')}</th>
          <th>{t('console.import.columns.title')}</th>
          <th>{t('console.import.columns.address')}</th>
          <th>{t('console.import.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const choice = choices.get(row.line) ?? initialChoice(row);
          const set = (patch: Partial<RowChoice>) => onChange(row.line, { ...choice, ...patch });
          const overridden = isOverridden(row, choice);
          return (
            <tr key={row.line} className={`import-row ${row.status}`} data-line={row.line}>
              <td>
                <input
                  type="checkbox"
                  checked={choice.keep}
                  disabled={row.status === 'bad'}
                  aria-label={t('console.import.keepRow', { line: row.line })}
                  onChange={(e) => set({ keep: e.target.checked })}
                />
              </td>
              <td className="num">{row.line}</td>
              <td>
                {row.fullName}
                {row.note && <div className="hint">{row.note}</div>}
              </td>
              <td>
                {row.unitName ?? ''}
                {row.unitText && row.unitText !== row.unitCode && row.unitText !== row.unitName && (
                  <div className="hint">{t('console.import.unitAsWritten', { text: row.unitText })}</div>
                )}
              </td>
              <td>{row.title}</td>
              <td>
                {row.proposedLocal !== null && (
                  <div className="import-address">
                    <span className="import-local">
                      <input
                        value={choice.local}
                        disabled={!choice.keep}
                        spellCheck={false}
                        aria-label={t('console.import.localLabel', { line: row.line })}
                        onChange={(e) => set({ local: e.target.value.toLowerCase() })}
                      />
                      <span className="hint">@{domain}</span>
                    </span>
                    {overridden && (
                      <span className="hint">
                        {t('console.import.proposedWas', { local: row.proposedLocal })}
                      </span>
                    )}
                    {overridden && choice.keep && (
                      <input
                        className="import-reason"
                        value={choice.reason}
                        required
                        placeholder={t('console.import.reason')}
                        aria-label={t('console.import.reason')}
                        onChange={(e) => set({ reason: e.target.value })}
                      />
                    )}
                  </div>
                )}
              </td>
              <td>
                <span className={`console-badge ${row.status}`}>
                  {t(`console.import.status.${row.status}`)}
                </span>
                <ul className="import-notes">
                  {row.problems.map((code) => (
                    <li key={code} className="form-error">
                      {t(`errors.${code}`, { address: '' })}
                    </li>
                  ))}
                  {row.possibleDuplicates.length > 0 && (
                    <li>
                      {t('console.import.warn.duplicate', { addresses: row.possibleDuplicates.join(', ') })}
                    </li>
                  )}
                  {row.sameInFile.length > 0 && (
                    <li>{t('console.import.warn.sameInFile', { lines: row.sameInFile.join(', ') })}</li>
                  )}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
