import { useTranslation } from 'react-i18next';
import { sizeParts } from '../../common/i18n/format';

export function FileSize({ bytes }: { bytes: number }) {
  const { t, i18n } = useTranslation();
  const { key, value } = sizeParts(bytes, i18n.language);
  return <>{t(key, { value })}</>;
}
