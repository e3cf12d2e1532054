import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suspensionReasons } from '../../../../common/policy/account-lifecycle';
import type { useSuspendAccount } from '../../../api/console-lifecycle';
import type { ActionFormProps } from './lifecycle-actions';

/** Suspends an active account for one of the regulation's reasons, after a confirmation. */
export function SuspendForm({
  account: a,
  withRequest,
  onMessage,
  confirm,
  suspend,
}: ActionFormProps & { suspend: ReturnType<typeof useSuspendAccount> }) {
  const { t } = useTranslation();
  const [suspension, setSuspension] = useState({ reason: 'compromised', note: '' });

  return (
    <form
      className="console-form"
      onSubmit={(e) => {
        e.preventDefault();
        confirm({
          title: t('console.lifecycle.suspend.save'),
          text: t('console.lifecycle.suspend.confirm', { email: a.email }),
          run: () =>
            suspend.mutate(
              { email: a.email, body: withRequest(suspension) },
              { onSuccess: () => onMessage(t('console.lifecycle.suspend.saved')) },
            ),
        });
      }}
    >
      <h3>{t('console.lifecycle.suspend.title')}</h3>
      <label>
        {t('console.lifecycle.suspend.reason')}
        <select
          value={suspension.reason}
          onChange={(e) => setSuspension({ ...suspension, reason: e.target.value })}
        >
          {Object.keys(suspensionReasons).map((r) => (
            <option key={r} value={r}>
              {t(`console.lifecycle.suspensionReasons.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('console.lifecycle.suspend.note')}
        <input
          value={suspension.note}
          onChange={(e) => setSuspension({ ...suspension, note: e.target.value })}
        />
      </label>
      <button type="submit" className="button button-danger">
        {t('console.lifecycle.suspend.save')}
      </button>
    </form>
  );
}
