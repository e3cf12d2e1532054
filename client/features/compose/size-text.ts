import { useTranslation } from 'react-i18next';
import { sizeParts } from '../../../common/i18n/format';

/** "19,5 MB" as text, for messages that quote sizes (the cap, what is attached). */
export function useSizeText() {
  const { t, i18n } = useTranslation();
  return (bytes: number) => {
    const { key, value } = sizeParts(bytes, i18n.language);
    return t(key, { value });
  };
}
