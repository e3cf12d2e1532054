import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditActionName, type AuditEntryView } from '../../../../common/contract';
import { auditDetailLines } from '../../../../common/i18n/audit-values';
import { vietnameseDateTime } from '../../../../common/policy/vietnam-date';
import { AUDIT_PAGE_SIZE, type AuditFilters, auditExportUrl, useAuditLog } from '../../../api/console-audit';
import { DayInput, typedDay } from '../../../ui/DayInput';
import { FormError } from '../../../ui/ErrorText';
import './audit.css';

interface Draft {
  account: string;
  actor: string;
  action: string;
  outcome: string;
  from: string;
  to: string;
}
const EMPTY: Draft = { account: '', actor: '', action: '', outcome: '', from: '', to: '' };

/** The audit log viewer (Đ7.1): who did what to which account, filtered, newest first. */
export default function AuditPage() {
  const { t } = useTranslation();
  const ids = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [filters, setFilters] = useState<AuditFilters>({});
  const [offset, setOffset] = useState(0);
  const [dateError, setDateError] = useState(false);
  const log = useAuditLog(filters, offset);

  const edit = (field: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));

  function apply(e: FormEvent) {
    e.preventDefault();
    const from = typedDay(draft.from);
    const to = typedDay(draft.to);
    if (from === null || to === null) {
      setDateError(true);
      return;
    }
    setDateError(false);
    setOffset(0);
    setFilters({
      account: draft.account.trim() || undefined,
      actor: draft.actor.trim() || undefined,
      action: (draft.action || undefined) as AuditActionName | undefined,
      outcome: (draft.outcome || undefined) as AuditFilters['outcome'],
      from,
      to,
    });
  }

  function clear() {
    setDraft(EMPTY);
    setDateError(false);
    setOffset(0);
    setFilters({});
  }

  const data = log.data;
  return (
    <section className="audit-page">
      <h1 className="console-title">{t('console.audit.title')}</h1>
      <p className="hint">
        {t('console.audit.intro')} {data && t('console.audit.retention', { months: data.retentionMonths })}
      </p>
      <form className="console-filters" aria-label={t('console.audit.filters')} onSubmit={apply} noValidate>
        <label>
          {t('console.audit.account')}
          <input
            type="search"
            value={draft.account}
            onChange={edit('account')}
            placeholder={t('console.audit.accountPlaceholder')}
          />
        </label>
        <label>
          {t('console.audit.actor')}
          <input type="search" value={draft.actor} onChange={edit('actor')} />
        </label>
        <label>
          <span id={`${ids}-action`}>{t('console.audit.action')}</span>
          {/* Named by the text alone: a select inside its label would also read out its options. */}
          <select aria-labelledby={`${ids}-action`} value={draft.action} onChange={edit('action')}>
            <option value="">{t('console.audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`console.audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span id={`${ids}-outcome`}>{t('console.audit.outcome')}</span>
          <select aria-labelledby={`${ids}-outcome`} value={draft.outcome} onChange={edit('outcome')}>
            <option value="">{t('console.audit.anyOutcome')}</option>
            <option value="ok">{t('console.audit.outcomes.ok')}</option>
            <option value="refused">{t('console.audit.outcomes.refused')}</option>
          </select>
        </label>
        <label>
          {t('console.audit.from')}
          <DayInput
            className="audit-date"
            value={draft.from}
            onChange={(from) => setDraft((d) => ({ ...d, from }))}
            placeholder={t('console.audit.datePlaceholder')}
            showInvalid={dateError}
          />
        </label>
        <label>
          {t('console.audit.to')}
          <DayInput
            className="audit-date"
            value={draft.to}
            onChange={(to) => setDraft((d) => ({ ...d, to }))}
            placeholder={t('console.audit.datePlaceholder')}
            showInvalid={dateError}
          />
        </label>
        <div className="console-actions">
          <button type="submit" className="button primary">
            {t('console.audit.apply')}
          </button>
          <button type="button" className="button" onClick={clear}>
            {t('console.audit.clear')}
          </button>
          <a className="button" href={auditExportUrl(filters)} download>
            {t('console.audit.exportCsv')}
          </a>
        </div>
        {dateError && (
          <p role="alert" className="form-error audit-date-error">
            {t('console.audit.invalidDate')}
          </p>
        )}
      </form>
      <FormError error={log.error} />
      {log.isPending && <p>{t('console.audit.loading')}</p>}
      {data && (
        <>
          <AuditPager total={data.total} offset={offset} count={data.entries.length} onPage={setOffset} />
          {data.entries.length === 0 ? (
            <p className="hint">{t('console.audit.empty')}</p>
          ) : (
            <div className="audit-table-wrap">
              <table className="console-table audit-table">
                <thead>
                  <tr>
                    <th scope="col">{t('console.audit.columns.at')}</th>
                    <th scope="col">{t('console.audit.columns.actor')}</th>
                    <th scope="col">{t('console.audit.columns.account')}</th>
                    <th scope="col">{t('console.audit.columns.action')}</th>
                    <th scope="col">{t('console.audit.columns.outcome')}</th>
                    <th scope="col">{t('console.audit.columns.ip')}</th>
                    <th scope="col">{t('console.audit.columns.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.entries.map((e) => (
                    <AuditRow key={e.id} entry={e} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function AuditRow({ entry }: { entry: AuditEntryView }) {
  const { t, i18n } = useTranslation();
  const actionKey = `console.audit.actions.${entry.action}`;
  const ok = entry.outcome === 'ok';
  const errorKey = `errors.${entry.outcome}`;
  return (
    <tr>
      <td className="audit-time">{vietnameseDateTime(new Date(entry.at))}</td>
      <td>{entry.actor === entry.email ? <span className="hint">{entry.actor}</span> : entry.actor}</td>
      <td>{entry.email}</td>
      <td>{i18n.exists(actionKey) ? t(actionKey) : entry.action}</td>
      <td>
        <span className={`console-badge ${ok ? 'ok' : 'bad'}`}>
          {t(ok ? 'console.audit.outcomes.ok' : 'console.audit.outcomes.refused')}
        </span>
        {!ok && (
          <div className="audit-error">
            {i18n.exists(errorKey) ? refusalText(t(errorKey, { ...entry.details })) : entry.outcome}
          </div>
        )}
      </td>
      <td className="audit-ip">{entry.ip ?? ''}</td>
      <td className="audit-details">
        {auditDetailLines(entry.action, entry.details, {
          lookup: (key, values) => (i18n.exists(key) ? t(key, values) : undefined),
          locale: i18n.language,
        }).map((line) => (
          <div key={line.key}>
            <span className="hint">{line.label}:</span> {line.value}
          </div>
        ))}
      </td>
    </tr>
  );
}

/** The message the user was given; a value the log did not keep shows as an ellipsis. */
const refusalText = (message: string) => message.replace(/\{\{\w+\}\}/g, '…');

function AuditPager(props: {
  total: number;
  offset: number;
  count: number;
  onPage: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const { total, offset, count } = props;
  return (
    <div className="console-actions audit-pager">
      <span>
        {total === 0
          ? t('console.audit.total', { count: 0 })
          : t('console.audit.range', { from: offset + 1, to: offset + count, total })}
      </span>
      <button
        type="button"
        className="button"
        disabled={offset === 0}
        onClick={() => props.onPage(Math.max(0, offset - AUDIT_PAGE_SIZE))}
      >
        {t('console.audit.previous')}
      </button>
      <button
        type="button"
        className="button"
        disabled={offset + count >= total}
        onClick={() => props.onPage(offset + AUDIT_PAGE_SIZE)}
      >
        {t('console.audit.next')}
      </button>
    </div>
  );
}
