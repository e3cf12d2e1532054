import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitRequestView } from '../../../../common/contract';
import { formatDate } from '../../../../common/i18n/format';
import { useConsoleMe } from '../../../api/console';
import {
  type RequestFilter,
  useCompleteUnitRequest,
  useRecordUnitRequest,
  useRejectUnitRequest,
  useUnitRequests,
} from '../../../api/console-requests';
import { DayInput } from '../../../ui/DayInput';
import { FormError } from '../../../ui/ErrorText';
import './requests.css';
import { vietnameseDay } from '../../../../common/policy/vietnam-date';

const KINDS = ['create', 'change', 'revoke', 'restore'] as const;
const STATUSES = ['open', 'done', 'rejected'] as const;
const emptyForm = {
  unitCode: '',
  kind: 'create' as (typeof KINDS)[number],
  documentNumber: '',
  documentDate: '',
  subjectEmail: '',
  fullName: '',
  note: '',
};

/** Đ5.2: units' written requests, with their document numbers and what was done. */
export default function RequestsPage() {
  const { t, i18n } = useTranslation();
  const admin = useConsoleMe().data?.role === 'admin';
  const [filter, setFilter] = useState<RequestFilter>({ status: 'open' });
  const requests = useUnitRequests(filter);
  const record = useRecordUnitRequest();
  const complete = useCompleteUnitRequest();
  const reject = useRejectUnitRequest();
  const [form, setForm] = useState(emptyForm);
  const [closing, setClosing] = useState<{ id: number; as: 'done' | 'rejected'; text: string } | null>(null);
  const error = record.error ?? complete.error ?? reject.error ?? requests.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      {
        ...form,
        documentDate: form.documentDate || null,
        subjectEmail: form.subjectEmail || null,
        fullName: form.fullName || null,
        note: form.note || null,
      },
      { onSuccess: () => setForm(emptyForm) },
    );
  };

  const finish = (e: FormEvent) => {
    e.preventDefault();
    if (!closing) return;
    const done = { onSuccess: () => setClosing(null) };
    if (closing.as === 'done') complete.mutate({ id: closing.id, outcome: closing.text }, done);
    else reject.mutate({ id: closing.id, reason: closing.text }, done);
  };

  const row = (r: UnitRequestView) => (
    <tr key={r.id}>
      <td>{r.id}</td>
      <td>{formatDate(r.receivedAt, i18n.language)}</td>
      <td>{r.unitCode}</td>
      <td>{t(`console.requests.kinds.${r.kind}`)}</td>
      <td>
        {r.documentNumber}
        {r.documentDate && ` (${vietnameseDay(r.documentDate)})`}
      </td>
      <td>
        {r.fullName && <div>{r.fullName}</div>}
        {r.subjectEmail}
        {r.note && <div className="requests-note">{r.note}</div>}
      </td>
      <td>
        <span
          className={`console-badge ${r.status === 'done' ? 'ok' : r.status === 'open' ? 'warn' : 'bad'}`}
        >
          {t(`console.requests.statuses.${r.status}`)}
        </span>
      </td>
      <td>
        {r.outcome}
        {admin && r.status === 'open' && (
          <div className="console-actions">
            <button
              type="button"
              className="button"
              onClick={() => setClosing({ id: r.id, as: 'done', text: '' })}
            >
              {t('console.requests.complete')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => setClosing({ id: r.id, as: 'rejected', text: '' })}
            >
              {t('console.requests.reject')}
            </button>
          </div>
        )}
        {closing?.id === r.id && (
          <form className="requests-close" onSubmit={finish}>
            <label>
              {closing.as === 'done'
                ? t('console.requests.completePrompt')
                : t('console.requests.rejectPrompt')}
              <input
                required
                value={closing.text}
                onChange={(e) => setClosing({ ...closing, text: e.target.value })}
              />
            </label>
            <button type="submit" className="button button-primary">
              {t('console.requests.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setClosing(null)}>
              {t('console.requests.cancel')}
            </button>
          </form>
        )}
      </td>
    </tr>
  );

  return (
    <div className="requests-page">
      <h1 className="console-title">{t('console.requests.title')}</h1>
      <p className="requests-intro">{t('console.requests.intro')}</p>
      <FormError error={error} />
      {record.data && <p role="status">{t('console.requests.form.saved', { id: record.data.id })}</p>}

      {admin && (
        <form className="console-form console-card requests-form" onSubmit={submit}>
          <h2>{t('console.requests.form.title')}</h2>
          <label>
            {t('console.requests.form.unit')}
            <input
              required
              value={form.unitCode}
              onChange={(e) => setForm({ ...form, unitCode: e.target.value })}
            />
          </label>
          <label>
            {t('console.requests.form.kind')}
            <select
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.target.value as typeof form.kind })}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`console.requests.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('console.requests.form.documentNumber')}
            <input
              value={form.documentNumber}
              onChange={(e) => setForm({ ...form, documentNumber: e.target.value })}
            />
          </label>
          <label>
            {t('console.requests.form.documentDate')}
            <DayInput
              value={form.documentDate}
              onChange={(documentDate) => setForm({ ...form, documentDate })}
            />
          </label>
          <label>
            {t('console.requests.form.fullName')}
            <input value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.target.value })} />
          </label>
          <label>
            {t('console.requests.form.email')}
            <input
              type="email"
              value={form.subjectEmail}
              onChange={(e) => setForm({ ...form, subjectEmail: e.target.value })}
            />
          </label>
          <label className="requests-wide">
            {t('console.requests.form.note')}
            <input value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
          </label>
          <button type="submit" className="button button-primary" disabled={record.isPending}>
            {t('console.requests.form.save')}
          </button>
        </form>
      )}

      <div className="console-filters">
        <label>
          {t('console.requests.filters.status')}
          <select
            value={filter.status ?? ''}
            onChange={(e) =>
              setFilter({ ...filter, status: (e.target.value || undefined) as RequestFilter['status'] })
            }
          >
            <option value="">{t('console.requests.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`console.requests.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.requests.filters.unit')}
          <input
            value={filter.unit ?? ''}
            onChange={(e) => setFilter({ ...filter, unit: e.target.value.trim() || undefined })}
          />
        </label>
      </div>

      {requests.data && requests.data.requests.length === 0 && <p>{t('console.requests.empty')}</p>}
      {requests.data && requests.data.requests.length > 0 && (
        <table className="console-table">
          <thead>
            <tr>
              {(['id', 'received', 'unit', 'kind', 'document', 'subject', 'status', 'outcome'] as const).map(
                (c) => (
                  <th key={c} scope="col">
                    {t(`console.requests.columns.${c}`)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>{requests.data.requests.map(row)}</tbody>
        </table>
      )}
    </div>
  );
}
