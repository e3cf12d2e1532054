import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DepartureLevel, departureCalendar } from '../../../../common/policy/account-lifecycle';
import { parseVietnameseDay, vietnameseDay } from '../../../../common/policy/vietnam-date';
import type { useCancelDeparture, useRecordDeparture } from '../../../api/console-lifecycle';
import { DayInput } from '../../../ui/DayInput';
import type { ActionFormProps } from './lifecycle-actions';

/** Đ5.3b: a person's official departure, with the days it sets shown before it is saved. */
export function DepartureForm({
  account: a,
  withRequest,
  onMessage,
  record,
  cancel,
}: ActionFormProps & {
  record: ReturnType<typeof useRecordDeparture>;
  cancel: ReturnType<typeof useCancelDeparture>;
}) {
  const { t } = useTranslation();
  const [departure, setDeparture] = useState({ on: '', level: 'staff', reason: 'resigned' });
  const departureOn = parseVietnameseDay(departure.on);
  const calendar = departureOn
    ? departureCalendar({ on: departureOn, level: departure.level as DepartureLevel })
    : null;

  return (
    <form
      className="console-form"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate(
          { email: a.email, body: withRequest(departure) },
          { onSuccess: () => onMessage(t('console.lifecycle.departure.saved')) },
        );
      }}
    >
      <h3>{t('console.lifecycle.departure.title')}</h3>
      {a.departure && (
        <p>
          {t('console.lifecycle.departure.current', {
            reason: t(`console.lifecycle.reasons.${a.departure.reason}`),
            date: vietnameseDay(a.departure.on),
            level: t(`console.lifecycle.levels.${a.departure.level}`),
          })}{' '}
          <button type="button" className="button" onClick={() => cancel.mutate({ email: a.email })}>
            {t('console.lifecycle.departure.cancel')}
          </button>
        </p>
      )}
      <label>
        {t('console.lifecycle.departure.on')}
        <DayInput value={departure.on} onChange={(on) => setDeparture({ ...departure, on })} />
      </label>
      <label>
        {t('console.lifecycle.departure.level')}
        <select
          value={departure.level}
          onChange={(e) => setDeparture({ ...departure, level: e.target.value })}
        >
          {['staff', 'head'].map((l) => (
            <option key={l} value={l}>
              {t(`console.lifecycle.levels.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('console.lifecycle.departure.reason')}
        <select
          value={departure.reason}
          onChange={(e) => setDeparture({ ...departure, reason: e.target.value })}
        >
          {['retired', 'resigned', 'transferred_out'].map((r) => (
            <option key={r} value={r}>
              {t(`console.lifecycle.reasons.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {calendar && (
        <p className="lifecycle-preview">
          {t('console.lifecycle.departure.preview', {
            lock: vietnameseDay(calendar.lockSendingOn),
            export: vietnameseDay(calendar.exportOn),
            revoke: vietnameseDay(calendar.revokeOn),
          })}
        </p>
      )}
      <button type="submit" className="button button-primary">
        {t('console.lifecycle.departure.save')}
      </button>
    </form>
  );
}
