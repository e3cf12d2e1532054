import { useTranslation } from 'react-i18next';
import { AfterMessageAction } from '../../../common/contract';
import { useSettings, useUpdateSettings } from '../../api/settings';

/** The saved choice of where the reader goes after the open message is archived, moved or deleted. */
export function AfterActionSetting() {
  const { t } = useTranslation();
  const settings = useSettings();
  const save = useUpdateSettings();
  const value = settings.data?.afterMessageAction ?? 'list';
  // A preference, set once: it lives in the account menu with its question written out, not in
  // the list's toolbar, where a narrow box cut its options short.
  return (
    <label className="field after-action-setting">
      <span className="small">{t('readerActions.afterAction')}</span>
      <select
        value={value}
        onChange={(e) => save.mutate({ afterMessageAction: AfterMessageAction.parse(e.target.value) })}
      >
        {AfterMessageAction.options.map((option) => (
          <option key={option} value={option}>
            {t(`readerActions.after.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
