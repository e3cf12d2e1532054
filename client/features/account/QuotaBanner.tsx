import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { sizeParts } from '../../../common/i18n/format';
import { useMailboxes } from '../../api/mailboxes';
import { useQuota } from '../../api/quota';
import { Banner } from '../../ui/Banner';
import { mailPath } from '../mailbox/routes';

const TONE = { notice: 'info', warning: 'warning', critical: 'error' } as const;

/** Đ7.2c: tells the user, in their own number format, that the mailbox is filling up. */
export function QuotaBanner() {
  const { t, i18n } = useTranslation();
  const quota = useQuota();
  const trash = useMailboxes().data?.find((b) => b.specialUse === 'trash');
  const q = quota.data;
  if (!q || q.level === 'ok' || q.usedBytes === null || q.limitBytes === null) return null;
  const size = (bytes: number) => {
    const { key, value } = sizeParts(bytes, i18n.language);
    return t(key, { value });
  };
  const percent = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: 0,
  }).format((q.usedBytes / q.limitBytes) * 100);
  return (
    <div className="quota-banner" data-level={q.level}>
      <Banner
        tone={TONE[q.level]}
        action={trash ? <Link href={mailPath(trash.path)}>{t('quota.openTrash')}</Link> : undefined}
      >
        {t(`quota.${q.level}`, { used: size(q.usedBytes), limit: size(q.limitBytes), percent })}{' '}
        {t('quota.help')}
      </Banner>
    </div>
  );
}
