import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from './password-checklist-rules';

const MARK = { met: '✓', unmet: '✗', pending: '•' } as const;

/** Live Đ9 checklist under the new-password field; each line says met or not, also to screen readers. */
export function PasswordChecklist({ items, id }: { items: ChecklistItem[]; id: string }) {
  const { t } = useTranslation();
  return (
    <div className="password-checklist" id={id}>
      <p className="small muted">{t('password.checklistTitle')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.code} data-state={item.state}>
            <span className="check-mark" aria-hidden="true">
              {MARK[item.state]}
            </span>
            <span>{t(`password.rules.${item.code}`, item.params)}</span>
            <span className="sr-only">
              {item.state === 'met' ? t('password.ruleMet') : t('password.ruleNotMet')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
