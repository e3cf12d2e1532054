import { useTranslation } from 'react-i18next';
import { AfterMessageAction } from '../../../common/contract';
import { useSettings, useUpdateSettings } from '../../api/settings';

/** The saved choice of where the reader goes after the open message is archived, moved or deleted. */
export function AfterActionSetting() {
  const { t } = useTranslation();
  const settings = useSettings();
  const save = useUpdateSettings();
  const value = settings.data?.afterMessageAction ?? 'list';
  return (
    <select
      className="compact-select after-action-setting"
      aria-label={t('readerActions.afterAction')}
      title={t('readerActions.afterAction')}
      value={value}
      onChange={(e) => save.mutate({ afterMessageAction: AfterMessageAction.parse(e.target.value) })}
    >
      {AfterMessageAction.options.map((option) => (
        <option key={option} value={option}>
          {t(`readerActions.after.${option}`)}
        </option>
      ))}
    </select>
  );
}
