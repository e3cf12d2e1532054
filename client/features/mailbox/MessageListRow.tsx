import { useTranslation } from 'react-i18next';
import type { MessageRow } from '../../../proxy/contract';
import { formatDateTime, formatListDate } from '../../i18n/format';
import { useTimeZone } from '../../i18n/use-time-zone';
import { Icon } from '../../ui/Icon';

export function MessageListRow({
  message,
  selected,
  onOpen,
}: {
  message: MessageRow;
  selected: boolean;
  onOpen: (uid: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const sender = message.from?.name || message.from?.address || t('list.unknownSender');
  const unread = !message.flags.seen;
  return (
    <li
      className={`message-row ${unread ? 'unread' : ''} ${selected ? 'selected' : ''}`}
      data-uid={message.uid}
    >
      <button
        type="button"
        className="message-row-button"
        aria-current={selected ? 'true' : undefined}
        onClick={() => onOpen(message.uid)}
      >
        <span className="row-line">
          <span className="row-from" title={message.from?.address}>
            {unread ? <span className="sr-only">{t('list.unread')}: </span> : null}
            {sender}
          </span>
          <time
            className="row-date"
            dateTime={message.date}
            title={formatDateTime(message.date, i18n.language, timeZone)}
          >
            {formatListDate(message.date, i18n.language, new Date(), timeZone)}
          </time>
        </span>
        <span className="row-line">
          <span className="row-subject">{message.subject || t('list.noSubject')}</span>
          <span className="row-icons">
            {message.hasAttachments ? <Icon name="paperclip" label={t('list.hasAttachments')} /> : null}
            {message.flags.flagged ? (
              <span className="flag">
                <Icon name="star" label={t('list.flagged')} />
              </span>
            ) : null}
          </span>
        </span>
        <span className="row-preview">{message.preview}</span>
      </button>
    </li>
  );
}
