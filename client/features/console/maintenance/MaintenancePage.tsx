import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaintenanceNotice } from '../../../../common/contract';
import { formatDateTime } from '../../../../common/i18n/format';
import { vietnameseDay } from '../../../../common/policy/vietnam-date';
import {
  useCancelMaintenanceNotice,
  useCreateMaintenanceNotice,
  useMaintenanceEarliest,
  useMaintenanceNotices,
} from '../../../api/console-maintenance';
import { useTimeZone } from '../../../i18n/use-time-zone';
import { Banner } from '../../../ui/Banner';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { DayInput } from '../../../ui/DayInput';
import { useErrorMessage } from '../../../ui/ErrorText';
import { useToasts } from '../../../ui/toast-store';
import { vietnamInstant } from './vietnam-time';
import './maintenance.css';

const BADGE = { upcoming: 'warn', current: 'bad', past: '', cancelled: '' } as const;

/** Đ8.1c: the Sở schedules planned outages; the proxy refuses less than 3 working days' notice. */
export default function MaintenancePage() {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="console-title">{t('console.maintenance.title')}</h1>
      <p className="hint">{t('console.maintenance.intro')}</p>
      <NoticeForm />
      <NoticeList />
    </>
  );
}

function NoticeForm() {
  const { t } = useTranslation();
  const earliest = useMaintenanceEarliest();
  const create = useCreateMaintenanceNotice();
  const errorMessage = useErrorMessage();
  const showToast = useToasts((s) => s.show);
  const [startDate, setStartDate] = useState('');
  const [startTime, setStartTime] = useState('20:00');
  const [endDate, setEndDate] = useState('');
  const [endTime, setEndTime] = useState('22:00');
  const [message, setMessage] = useState('');
  const [badInput, setBadInput] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const startsAt = vietnamInstant(startDate, startTime);
    const endsAt = vietnamInstant(endDate || startDate, endTime);
    setBadInput(!startsAt || !endsAt);
    if (!startsAt || !endsAt) return;
    create.mutate(
      { startsAt, endsAt, message: message.trim() },
      {
        onSuccess: () => {
          showToast({ message: t('console.maintenance.scheduled') });
          setMessage('');
        },
      },
    );
  };

  const earliestText = earliest.data ? vietnameseDay(earliest.data.earliestStartOn) : '…';
  return (
    <form className="console-form console-card maintenance-form" onSubmit={submit} noValidate>
      <h2>{t('console.maintenance.new')}</h2>
      <div className="row">
        <label>
          {t('console.maintenance.startDate')}
          <DayInput
            value={startDate}
            onChange={setStartDate}
            aria-describedby="maintenance-earliest"
            required
          />
        </label>
        <label>
          {t('console.maintenance.startTime')}
          <input
            inputMode="numeric"
            placeholder="HH:mm"
            value={startTime}
            onChange={(e) => setStartTime(e.target.value)}
            required
          />
        </label>
        <p id="maintenance-earliest" className="maintenance-earliest" data-testid="maintenance-earliest">
          {t('console.maintenance.earliest', { date: earliestText })}
        </p>
      </div>
      <div className="row">
        <label>
          {t('console.maintenance.endDate')}
          <DayInput value={endDate} onChange={setEndDate} placeholder={startDate || undefined} />
        </label>
        <label>
          {t('console.maintenance.endTime')}
          <input
            inputMode="numeric"
            placeholder="HH:mm"
            value={endTime}
            onChange={(e) => setEndTime(e.target.value)}
            required
          />
        </label>
      </div>
      <p className="hint">{t('console.maintenance.timeZone')}</p>
      <label>
        {t('console.maintenance.message')}
        <textarea
          rows={3}
          maxLength={1000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          aria-describedby="maintenance-message-hint"
          required
        />
      </label>
      <p id="maintenance-message-hint" className="hint">
        {t('console.maintenance.messageHint')}
      </p>
      <div aria-live="polite">
        {badInput ? <Banner tone="error">{t('console.maintenance.badDateTime')}</Banner> : null}
        {create.isError && !badInput ? <Banner tone="error">{errorMessage(create.error)}</Banner> : null}
      </div>
      <div className="console-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending || !message.trim() || !startDate}
        >
          {t('console.maintenance.schedule')}
        </button>
      </div>
    </form>
  );
}

function NoticeList() {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const notices = useMaintenanceNotices();
  const cancel = useCancelMaintenanceNotice();
  const errorMessage = useErrorMessage();
  const showToast = useToasts((s) => s.show);
  const [confirming, setConfirming] = useState<MaintenanceNotice | null>(null);
  const when = (iso: string) => formatDateTime(iso, i18n.language, timeZone);

  return (
    <section className="console-card">
      <h2>{t('console.maintenance.list')}</h2>
      {notices.isError ? <Banner tone="error">{errorMessage(notices.error)}</Banner> : null}
      {notices.data && notices.data.notices.length === 0 ? (
        <p className="hint">{t('console.maintenance.empty')}</p>
      ) : null}
      {notices.data && notices.data.notices.length > 0 ? (
        <table className="console-table">
          <thead>
            <tr>
              <th>{t('console.maintenance.starts')}</th>
              <th>{t('console.maintenance.ends')}</th>
              <th>{t('console.maintenance.message')}</th>
              <th>{t('console.maintenance.status')}</th>
              <th>{t('console.maintenance.createdBy')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {notices.data.notices.map((n) => (
              <tr key={n.id}>
                <td>{when(n.startsAt)}</td>
                <td>{when(n.endsAt)}</td>
                <td className="maintenance-message">{n.message}</td>
                <td>
                  <span className={`console-badge ${BADGE[n.status]}`}>
                    {t(`console.maintenance.statuses.${n.status}`)}
                  </span>
                </td>
                <td>{n.createdBy}</td>
                <td>
                  {n.status === 'upcoming' || n.status === 'current' ? (
                    <button type="button" className="button" onClick={() => setConfirming(n)}>
                      {t('console.maintenance.cancel')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('console.maintenance.cancelTitle')}
          confirmLabel={t('console.maintenance.cancelConfirm')}
          cancelLabel={t('console.maintenance.keep')}
          danger
          busy={cancel.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            cancel.mutate(confirming.id, {
              onSuccess: () => showToast({ message: t('console.maintenance.cancelled') }),
              onError: (err) => showToast({ message: errorMessage(err), tone: 'error' }),
              onSettled: () => setConfirming(null),
            })
          }
        >
          {t('console.maintenance.cancelText', { start: when(confirming.startsAt) })}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
