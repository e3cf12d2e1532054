import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../common/i18n/format';
import { parseVietnameseDay } from '../../../../common/policy/vietnam-date';
import type { useRemoveExemption, useSetExemption } from '../../../api/console-lifecycle';
import { DayInput } from '../../../ui/DayInput';
import type { ActionFormProps } from './lifecycle-actions';

/** Đ6.2a: an account kept out of the inactivity rule, with its reason and perhaps an end. */
export function ExemptionForm({
  account: a,
  onMessage,
  set,
  remove,
}: Pick<ActionFormProps, 'account' | 'onMessage'> & {
  set: ReturnType<typeof useSetExemption>;
  remove: ReturnType<typeof useRemoveExemption>;
}) {
  const { t, i18n } = useTranslation();
  const [exemption, setExemption] = useState({ reason: '', until: '' });

  return (
    <form
      className="console-form"
      onSubmit={(e) => {
        e.preventDefault();
        const until = exemption.until.trim()
          ? (parseVietnameseDay(exemption.until) ?? exemption.until)
          : null;
        set.mutate(
          { email: a.email, body: { reason: exemption.reason, until } },
          { onSuccess: () => onMessage(t('console.lifecycle.exemption.saved')) },
        );
      }}
    >
      <h3>{t('console.lifecycle.exemption.title')}</h3>
      {a.inactivityExemption && (
        <p>
          {a.inactivityExemption.until
            ? t('console.lifecycle.exemption.currentUntil', {
                reason: a.inactivityExemption.reason,
                date: formatDateTime(a.inactivityExemption.until, i18n.language).slice(0, 10),
              })
            : t('console.lifecycle.exemption.current', {
                reason: a.inactivityExemption.reason,
              })}{' '}
          <button type="button" className="button" onClick={() => remove.mutate({ email: a.email })}>
            {t('console.lifecycle.exemption.remove')}
          </button>
        </p>
      )}
      <label>
        {t('console.lifecycle.exemption.reason')}
        <input
          required
          value={exemption.reason}
          onChange={(e) => setExemption({ ...exemption, reason: e.target.value })}
        />
      </label>
      <label>
        {t('console.lifecycle.exemption.until')}
        <DayInput value={exemption.until} onChange={(until) => setExemption({ ...exemption, until })} />
      </label>
      <button type="submit" className="button">
        {t('console.lifecycle.exemption.save')}
      </button>
    </form>
  );
}
