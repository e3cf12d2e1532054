import { useTranslation } from 'react-i18next';
import { sizeParts } from '../../../common/i18n/format';
import { useQuota } from '../../api/quota';
import './storage-meter.css';

/**
 * How full the mailbox is, always under the folders ("1,2 GB / 2 GB"), in the user's number
 * format. The bar takes the level the proxy computed with the Đ7.2c thresholds, so it turns to
 * the warning colours exactly when the banner and the warning mail do.
 */
export function StorageMeter() {
  const { t, i18n } = useTranslation();
  const q = useQuota().data;
  if (!q || q.usedBytes === null || q.limitBytes === null || q.limitBytes <= 0) return null;
  const size = (bytes: number) => {
    const { key, value } = sizeParts(bytes, i18n.language);
    return t(key, { value });
  };
  const ratio = Math.min(1, q.usedBytes / q.limitBytes);
  const percent = Math.round(ratio * 100);
  const text = t('shell.storageUsed', { used: size(q.usedBytes), limit: size(q.limitBytes) });
  return (
    <div className="storage-meter" data-level={q.level}>
      <meter
        className="storage-bar"
        aria-label={t('shell.storage')}
        min={0}
        max={100}
        value={percent}
        aria-valuetext={t('shell.storageValue', { text, percent })}
      />
      <p className="storage-text small">{text}</p>
    </div>
  );
}
