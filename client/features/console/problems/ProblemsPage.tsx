import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemKind, ProblemReport, ProblemStatus } from '../../../../common/contract';
import { formatDateTime } from '../../../../common/i18n/format';
import { useProblemReports, useSetProblemStatus } from '../../../api/console-problems';
import { useTimeZone } from '../../../i18n/use-time-zone';
import { Banner } from '../../../ui/Banner';
import { useErrorMessage } from '../../../ui/ErrorText';
import { useToasts } from '../../../ui/toast-store';
import './problems.css';

const STATUSES: ProblemStatus[] = ['open', 'in_progress', 'closed'];
const KINDS: ProblemKind[] = ['spam', 'virus', 'suspicious', 'fault'];
const BADGE = { open: 'bad', in_progress: 'warn', closed: 'ok' } as const;

/** Đ13.7: the queue of users' reports; admins take them and close them with what was done. */
export default function ProblemsPage() {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<ProblemStatus | ''>('open');
  const [kind, setKind] = useState<ProblemKind | ''>('');
  const [selected, setSelected] = useState<number | null>(null);
  const reports = useProblemReports({ status: status || undefined, kind: kind || undefined });
  const list = reports.data?.reports ?? [];
  const current = list.find((r) => r.id === selected) ?? null;
  const when = (iso: string) => formatDateTime(iso, i18n.language, timeZone);

  return (
    <>
      <h1 className="console-title">{t('console.problems.title')}</h1>
      <p className="hint">{t('console.problems.intro')}</p>
      <div className="console-filters">
        <label>
          {t('console.problems.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value as ProblemStatus | '')}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`console.problems.statuses.${s}`)}
              </option>
            ))}
            <option value="">{t('console.problems.all')}</option>
          </select>
        </label>
        <label>
          {t('console.problems.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as ProblemKind | '')}>
            <option value="">{t('console.problems.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`console.problems.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {reports.isError ? <Banner tone="error">{errorMessage(reports.error)}</Banner> : null}
      <div className="problems-layout">
        <div className="problems-queue">
          {reports.data && list.length === 0 ? <p className="hint">{t('console.problems.empty')}</p> : null}
          {list.length > 0 ? (
            <table className="console-table">
              <thead>
                <tr>
                  <th>{t('console.problems.at')}</th>
                  <th>{t('console.problems.kind')}</th>
                  <th>{t('console.problems.reporter')}</th>
                  <th>{t('console.problems.about')}</th>
                  <th>{t('console.problems.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr
                    key={r.id}
                    aria-selected={r.id === selected}
                    className={r.id === selected ? 'is-selected' : ''}
                  >
                    <td>
                      <button type="button" className="link-button" onClick={() => setSelected(r.id)}>
                        {when(r.createdAt)}
                      </button>
                    </td>
                    <td>{t(`console.problems.kinds.${r.kind}`)}</td>
                    <td>{r.reporter}</td>
                    <td className="problems-about">{r.kind === 'fault' ? r.note : r.subject}</td>
                    <td>
                      <span className={`console-badge ${BADGE[r.status]}`}>
                        {t(`console.problems.statuses.${r.status}`)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
        <aside className="problems-detail console-card" aria-live="polite">
          {current ? (
            <ReportDetail key={current.id} report={current} when={when} />
          ) : (
            <p className="hint">{t('console.problems.select')}</p>
          )}
        </aside>
      </div>
    </>
  );
}

function ReportDetail({ report, when }: { report: ProblemReport; when: (iso: string) => string }) {
  const { t } = useTranslation();
  const setStatus = useSetProblemStatus();
  const errorMessage = useErrorMessage();
  const showToast = useToasts((s) => s.show);
  const [resolution, setResolution] = useState(report.resolution ?? '');
  const fault = report.kind === 'fault';
  const done = { onSuccess: () => showToast({ message: t('console.problems.updated') }) };
  const rows: [string, string | null][] = fault
    ? [
        [t('console.problems.page'), report.subject],
        [t('console.problems.browser'), report.sender],
      ]
    : [
        [t('console.problems.subject'), report.subject],
        [t('console.problems.sender'), report.sender],
        [t('console.problems.folder'), report.mailbox],
      ];
  return (
    <>
      <h2>{t('console.problems.detail', { id: report.id })}</h2>
      <dl className="problems-fields">
        <dt>{t('console.problems.kind')}</dt>
        <dd>{t(`console.problems.kinds.${report.kind}`)}</dd>
        <dt>{t('console.problems.reporter')}</dt>
        <dd>
          <a href={`mailto:${report.reporter}`}>{report.reporter}</a>
        </dd>
        <dt>{t('console.problems.at')}</dt>
        <dd>{when(report.createdAt)}</dd>
        {rows.map(([label, value]) => (
          <div key={label} className="problems-field">
            <dt>{label}</dt>
            <dd>{value ?? '—'}</dd>
          </div>
        ))}
        <dt>{t('console.problems.note')}</dt>
        <dd className="problems-note">{report.note ?? t('console.problems.noNote')}</dd>
        <dt>{t('console.problems.status')}</dt>
        <dd>
          <span className={`console-badge ${BADGE[report.status]}`}>
            {t(`console.problems.statuses.${report.status}`)}
          </span>{' '}
          {report.forwarded ? t('console.problems.forwarded') : t('console.problems.notForwarded')}
        </dd>
        {report.handledBy && report.handledAt ? (
          <>
            <dt>{t('console.problems.handledBy')}</dt>
            <dd>{t('console.problems.handled', { by: report.handledBy, at: when(report.handledAt) })}</dd>
          </>
        ) : null}
      </dl>
      <label className="problems-resolution">
        {t('console.problems.resolution')}
        <textarea
          rows={3}
          maxLength={2000}
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          aria-describedby={`resolution-hint-${report.id}`}
        />
      </label>
      <p id={`resolution-hint-${report.id}`} className="hint">
        {t('console.problems.resolutionHint')}
      </p>
      {setStatus.isError ? <Banner tone="error">{errorMessage(setStatus.error)}</Banner> : null}
      <div className="console-actions">
        {report.status === 'open' ? (
          <button
            type="button"
            className="button"
            disabled={setStatus.isPending}
            onClick={() => setStatus.mutate({ id: report.id, update: { status: 'in_progress' } }, done)}
          >
            {t('console.problems.take')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          disabled={setStatus.isPending || resolution.trim() === ''}
          onClick={() =>
            setStatus.mutate(
              { id: report.id, update: { status: 'closed', resolution: resolution.trim() } },
              done,
            )
          }
        >
          {t('console.problems.close')}
        </button>
      </div>
    </>
  );
}
