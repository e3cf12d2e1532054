import { useTranslation } from 'react-i18next';
import { formatDateTime, formatListDate } from '../../../common/i18n/format';
import { useTimeZone } from '../../i18n/use-time-zone';
import { Icon } from '../../ui/Icon';

/** A message row's date: short in the list (time today, dd/MM otherwise), full on hover. */
export function RowDate({ date }: { date: string }) {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone();
  return (
    <time className="row-date" dateTime={date} title={formatDateTime(date, i18n.language, timeZone)}>
      {formatListDate(date, i18n.language, new Date(), timeZone)}
    </time>
  );
}

/** A message row's paperclip and star, each with a label for screen readers. */
export function RowIcons({ hasAttachments, flagged }: { hasAttachments: boolean; flagged: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="row-icons">
      {hasAttachments ? <Icon name="paperclip" label={t('list.hasAttachments')} /> : null}
      {flagged ? (
        <span className="flag">
          <Icon name="star" label={t('list.flagged')} />
        </span>
      ) : null}
    </span>
  );
}
