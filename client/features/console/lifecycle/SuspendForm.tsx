import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citeRule } from '../../../../common/i18n/cite-rule';
import { type SuspensionReason, suspensionReasons } from '../../../../common/policy/account-lifecycle';
import type { useSuspendAccount } from '../../../api/console-lifecycle';
import type { ActionFormProps } from './lifecycle-actions';

/**
 * Suspends an active account for one of the regulation's reasons, after a confirmation. The choices
 * are short enough for a phone's select box; the article of the chosen one is cited beneath it.
 */
export function SuspendForm({
  account: a,
  withRequest,
  onMessage,
  confirm,
  suspend,
}: ActionFormProps & { suspend: ReturnType<typeof useSuspendAccount> }) {
  const { t, i18n } = useTranslation();
  const articleId = useId();
  const [suspension, setSuspension] = useState<{ reason: SuspensionReason; note: string }>({
    reason: 'compromised',
    note: '',
  });

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
          aria-describedby={articleId}
          value={suspension.reason}
          onChange={(e) => setSuspension({ ...suspension, reason: e.target.value as SuspensionReason })}
        >
          {Object.keys(suspensionReasons).map((r) => (
            <option key={r} value={r}>
              {t(`console.lifecycle.suspensionReasons.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <p id={articleId} className="hint lifecycle-article">
        {t('console.lifecycle.suspend.article', {
          article: citeRule(suspensionReasons[suspension.reason], i18n.language),
        })}
      </p>
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
