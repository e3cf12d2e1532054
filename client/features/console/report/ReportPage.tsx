import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCountsBody, ReportPeriodInfo, ReportUnitRow } from '../../../../common/contract';
import { formatDate, formatDateTime } from '../../../../common/i18n/format';
import { reportDownloadUrl, useConsoleReport } from '../../../api/console-report';
import { FormError } from '../../../ui/ErrorText';
import { ReportChart } from './ReportChart';
import './report.css';

const COLUMNS = ['inUse', 'created', 'suspended', 'revoked', 'neverLoggedIn', 'nearQuota'] as const;
const TABLE_ID = 'report-table';

/** Đ12.10: the six-monthly report per unit, its chart, and the XLSX/PDF to send. */
export default function ReportPage() {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState<string | null>(null);
  const report = useConsoleReport(period);
  const locale = i18n.language;
  const day = (d: string) => formatDate(d, locale);
  const unitName = (u: ReportUnitRow) => (u.code === '' ? t('console.report.unassigned') : u.name);
  const periodLabel = (p: ReportPeriodInfo, defaultId: string) =>
    [
      t('console.report.periodOption', { from: day(p.firstDay), to: day(p.lastDay) }),
      p.current ? t('console.report.periodCurrent') : p.id === defaultId ? t('console.report.periodDue') : '',
    ]
      .filter(Boolean)
      .join(' ');
  const count = (c: ReportCountsBody, key: (typeof COLUMNS)[number]) => {
    const n = c[key];
    return n === null ? t('console.report.unknown') : n.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN');
  };

  if (report.isPending) return <p>{t('console.report.loading')}</p>;
  // No data without an error would be the proxy's fault: the general message then.
  if (report.error || !report.data) return <FormError error={report.error ?? new Error('no report')} />;
  const data = report.data;
  const selected = data.period;

  return (
    <section className="report-page" aria-busy={report.isFetching}>
      <h1 className="console-title">{t('console.report.title')}</h1>
      <p className="hint">{t('console.report.intro')}</p>
      <div className="console-filters">
        <label>
          {t('console.report.period')}
          <select value={selected.id} onChange={(e) => setPeriod(e.target.value)}>
            {data.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {periodLabel(p, data.defaultPeriod)}
              </option>
            ))}
          </select>
        </label>
        <div className="console-actions">
          <a className="button" href={reportDownloadUrl('xlsx', selected.id)} download>
            {t('console.report.downloadXlsx')}
          </a>
          <a className="button" href={reportDownloadUrl('pdf', selected.id)} download>
            {t('console.report.downloadPdf')}
          </a>
        </div>
      </div>
      <p className="hint">
        {t('console.report.due', {
          date: day(selected.dueBefore),
          consolidate: day(selected.consolidateBefore),
        })}{' '}
        {t('console.report.generated', { at: formatDateTime(data.generatedAt, locale) })}
      </p>
      {selected.current && <p className="console-badge warn">{t('console.report.runningNote')}</p>}
      {!data.usageKnown && (
        <p className="console-badge warn" role="note">
          {t('console.report.usageUnknown')}
        </p>
      )}

      {data.units.length === 0 ? (
        <p>{t('console.report.empty')}</p>
      ) : (
        <>
          <table className="console-table report-table" id={TABLE_ID}>
            <caption>
              {t('console.report.tableCaption', { from: day(selected.firstDay), to: day(selected.lastDay) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('console.report.columns.unit')}</th>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col" className="num">
                    {t(`console.report.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.units.map((u) => (
                <tr key={u.code}>
                  <th scope="row">
                    {unitName(u)}
                    {u.code && <span className="report-code"> ({u.code})</span>}
                  </th>
                  {COLUMNS.map((c) => (
                    <td key={c} className="num">
                      {count(u, c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('console.report.total')}</th>
                {COLUMNS.map((c) => (
                  <td key={c} className="num">
                    {count(data.total, c)}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
          <p className="hint">{t('console.report.definitions')}</p>
          <ReportChart units={data.units} unitName={unitName} tableId={TABLE_ID} />
          <details className="report-addresses">
            <summary>{t('console.report.addresses', { count: data.total.inUse })}</summary>
            {data.units.map((u) => (
              <section key={u.code}>
                <h2>
                  {unitName(u)} — {u.addressesInUse.length}
                </h2>
                <ul>
                  {u.addressesInUse.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </section>
            ))}
          </details>
        </>
      )}
    </section>
  );
}
