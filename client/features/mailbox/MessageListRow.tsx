import type { DragEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRow } from '../../../common/contract';
import { rowUnread } from '../../api/list-cache';
import { RowDate, RowIcons } from './RowParts';

/** Every row is this tall, loaded or not, so nothing moves when a page arrives. */
export const ROW_HEIGHT = 80;

export interface RowPosition {
  index: number;
  total: number;
  top: number;
}

function rowStyle(p: RowPosition) {
  return { transform: `translateY(${p.top}px)`, height: ROW_HEIGHT };
}

export function MessageListRow({
  message,
  position,
  open,
  selected,
  cursor,
  onOpen,
  onCheck,
  onDragStart,
  showRecipients = false,
  actions,
}: {
  message: MessageRow;
  position: RowPosition;
  open: boolean;
  selected: boolean;
  /** The keyboard cursor: the one row reached by Tab (roving tabindex). */
  cursor: boolean;
  onOpen: (message: MessageRow, index: number, e: MouseEvent) => void;
  onCheck: (message: MessageRow, index: number, shiftKey: boolean) => void;
  onDragStart: (message: MessageRow, e: DragEvent) => void;
  /** Sent and Drafts: the row names whom the message is to, not the user who wrote it. */
  showRecipients?: boolean;
  /** The row's quick actions (desktop hover), beside the row's button. */
  actions?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const recipients =
    message.to.length === 0
      ? t('readerActions.noRecipients')
      : t('readerActions.to', { names: message.to.map((a) => a.name || a.address).join(', ') });
  const sender = showRecipients
    ? recipients
    : message.from?.name || message.from?.address || t('list.unknownSender');
  const senderTitle = showRecipients ? message.to.map((a) => a.address).join(', ') : message.from?.address;
  const unread = rowUnread(message);
  const subject = message.subject || t('list.noSubject');
  return (
    <li
      className={`message-row ${unread ? 'unread' : ''} ${open ? 'selected' : ''} ${selected ? 'checked' : ''} ${cursor ? 'cursor' : ''}`}
      data-uid={message.uid}
      data-index={position.index}
      aria-setsize={position.total}
      aria-posinset={position.index + 1}
      style={rowStyle(position)}
      draggable
      onDragStart={(e) => onDragStart(message, e)}
    >
      <input
        type="checkbox"
        className="row-check"
        tabIndex={cursor ? 0 : -1}
        checked={selected}
        aria-label={t('list.selectRow', { subject })}
        // React fires onChange for a checkbox from its click event: shift-click extends a range.
        onChange={(e) =>
          onCheck(message, position.index, (e.nativeEvent as globalThis.MouseEvent).shiftKey === true)
        }
      />
      <button
        type="button"
        className="message-row-button"
        tabIndex={cursor ? 0 : -1}
        aria-current={open ? 'true' : undefined}
        onClick={(e) => onOpen(message, position.index, e)}
      >
        <span className="row-line">
          <span className="row-from" title={senderTitle}>
            {unread ? <span className="sr-only">{t('list.unread')}: </span> : null}
            {sender}
            {message.thread && message.thread.size > 1 ? (
              <span className="thread-count" title={t('list.threadCount', { count: message.thread.size })}>
                {message.thread.size}
              </span>
            ) : null}
          </span>
          <RowDate date={message.date} />
        </span>
        <span className="row-line">
          <span className="row-subject">{subject}</span>
          <RowIcons hasAttachments={message.hasAttachments} flagged={message.flags.flagged} />
        </span>
        <span className="row-preview">{message.preview}</span>
      </button>
      {actions}
    </li>
  );
}

/** A row still loading: same height, hidden from screen readers (the list says it is busy). */
export function SkeletonRow({ position }: { position: RowPosition }) {
  return (
    <li className="message-row skeleton" aria-hidden="true" style={rowStyle(position)}>
      <span className="skeleton-line short" />
      <span className="skeleton-line" />
      <span className="skeleton-line long" />
    </li>
  );
}
