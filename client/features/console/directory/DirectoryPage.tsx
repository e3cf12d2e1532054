import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryExportFormat, DirectoryGroup } from '../../../../common/contract';
import { directoryExportUrl, useDirectory } from '../../../api/console-directory';
import { FormError } from '../../../ui/ErrorText';
import './directory.css';

const FORMATS: { format: DirectoryExportFormat; label: string }[] = [
  { format: 'xlsx', label: 'console.directory.downloadXlsx' },
  { format: 'csv', label: 'console.directory.downloadCsv' },
  { format: 'html', label: 'console.directory.downloadHtml' },
];

/** The province directory (Đ5.1) by unit, and each unit's list to publish on its website (Đ12.5). */
export default function DirectoryPage() {
  const { t } = useTranslation();
  const unitLabel = useId();
  const [unit, setUnit] = useState('');
  const [q, setQ] = useState('');
  const query = useDeferredValue(q);
  const directory = useDirectory({ unit: unit || undefined, q: query });
  const data = directory.data;
  const unitName = data?.units.find((u) => u.code === unit)?.name ?? t('console.directory.allUnits');

  return (
    <section className="directory-page">
      <h1 className="console-title">{t('console.directory.title')}</h1>
      <p className="hint">{t('console.directory.intro')}</p>
      <div className="console-filters">
        <label>
          <span id={unitLabel}>{t('console.directory.unit')}</span>
          {/* Named by the text alone: a select inside its label would also read out its options. */}
          <select aria-labelledby={unitLabel} value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">{t('console.directory.allUnits')}</option>
            {data?.units.map((u) => (
              <option key={u.code} value={u.code}>
                {`${'\u00a0\u00a0\u00a0'.repeat(u.depth)}${u.name}`}
              </option>
            ))}
          </select>
        </label>
        <label className="directory-search">
          {t('console.directory.search')}
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('console.directory.searchPlaceholder')}
          />
        </label>
      </div>
      <div className="console-actions directory-downloads">
        <span>{t('console.directory.downloads')}:</span>
        {FORMATS.map(({ format, label }) => (
          <a
            key={format}
            className="button"
            href={directoryExportUrl(format, unit || undefined)}
            download
            aria-label={t('console.directory.downloadLabel', { what: unitName, format: t(label) })}
          >
            {t(label)}
          </a>
        ))}
      </div>
      <FormError error={directory.error} />
      {directory.isPending && <p>{t('console.directory.loading')}</p>}
      {data && (
        <>
          <p className="directory-count" aria-live="polite">
            {t('console.directory.count', { count: data.total })}
          </p>
          {data.total === 0 ? (
            <p className="hint">{t('console.directory.empty')}</p>
          ) : (
            <table className="console-table directory-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('console.directory.export.index')}
                  </th>
                  <th scope="col">{t('console.directory.export.fullName')}</th>
                  <th scope="col">{t('console.directory.export.jobTitle')}</th>
                  <th scope="col">{t('console.directory.export.email')}</th>
                </tr>
              </thead>
              {numbered(data.groups).map(({ group, first }) => (
                <DirectoryUnitRows key={group.unitCode ?? ''} group={group} first={first} />
              ))}
            </table>
          )}
        </>
      )}
    </section>
  );
}

/** Numbering runs on across units, as in the exported list. */
function numbered(groups: DirectoryGroup[]) {
  let next = 1;
  return groups.map((group) => {
    const first = next;
    next += group.entries.length;
    return { group, first };
  });
}

function DirectoryUnitRows({ group, first }: { group: DirectoryGroup; first: number }) {
  const { t } = useTranslation();
  return (
    <tbody>
      <tr className="directory-unit">
        <th scope="rowgroup" colSpan={4}>
          {group.unitName ?? t('console.directory.unplaced')}
        </th>
      </tr>
      {group.entries.map((e, i) => (
        <tr key={e.email}>
          <td className="num">{first + i}</td>
          <td>
            {e.fullName ?? ''}
            {e.kind === 'unit' && <span className="console-badge">{t('console.directory.unitMailbox')}</span>}
          </td>
          <td>{e.title ?? ''}</td>
          <td>
            <a href={`mailto:${e.email}`}>{e.email}</a>
          </td>
        </tr>
      ))}
    </tbody>
  );
}
