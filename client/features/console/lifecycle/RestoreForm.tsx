import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../common/i18n/format';
import { vietnameseDay } from '../../../../common/policy/vietnam-date';
import type { useRecordRestoreRequest, useVerifyRestore } from '../../../api/console-lifecycle';
import { DayInput } from '../../../ui/DayInput';
import type { ActionFormProps } from './lifecycle-actions';

/** Đ6.3: a suspended account's restore request is recorded, then verified and carried out. */
export function RestoreForm({
  account: a,
  withRequest,
  onMessage,
  confirm,
  onPassword,
  recordRequest,
  restore,
}: ActionFormProps & {
  onPassword: (password: string) => void;
  recordRequest: ReturnType<typeof useRecordRestoreRequest>;
  restore: ReturnType<typeof useVerifyRestore>;
}) {
  const { t, i18n } = useTranslation();
  const [received, setReceived] = useState('');

  return (
    <div className="console-form">
      <h3>{t('console.lifecycle.restore.title')}</h3>
      {a.restoreRequestedAt && a.restoreDeadlineOn && (
        <p>
          {t('console.lifecycle.restore.pending', {
            date: formatDateTime(a.restoreRequestedAt, i18n.language),
            deadline: vietnameseDay(a.restoreDeadlineOn),
          })}
        </p>
      )}
      <label>
        {t('console.lifecycle.restore.received')}
        <DayInput value={received} onChange={setReceived} />
      </label>
      <div className="console-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            recordRequest.mutate(
              { email: a.email, body: withRequest({ receivedOn: received.trim() || null }) },
              {
                onSuccess: (r) =>
                  onMessage(t('console.lifecycle.restore.recorded', { date: vietnameseDay(r.deadlineOn) })),
              },
            )
          }
        >
          {t('console.lifecycle.restore.record')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() =>
            confirm({
              title: t('console.lifecycle.restore.title'),
              text: t('console.lifecycle.restore.confirm', { email: a.email }),
              run: () =>
                restore.mutate(
                  { email: a.email, body: withRequest({}) },
                  { onSuccess: (r) => onPassword(r.temporaryPassword) },
                ),
            })
          }
        >
          {t('console.lifecycle.restore.verify')}
        </button>
      </div>
    </div>
  );
}
