import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MessageDetail, MessageFlags } from '../../../common/contract';
import { messageKeys } from '../../api/keys';
import { useMailboxes } from '../../api/mailboxes';
import { Icon, type IconName } from '../../ui/Icon';
import { useConfirm } from '../actions/use-confirm';
import { useMessageActions } from '../actions/use-message-actions';
import { openCompose, preloadCompose } from '../compose/ComposeHost';
import type { ComposeSource } from '../compose/compose-store';
import { mailboxDepth, mailboxLabel } from '../mailbox/mailbox-name';
import { leaveOpenMessage } from './open-message-exit';
import { type ReaderMenuItem, ReaderMoreMenu } from './ReaderMoreMenu';
import './reader-toolbar.css';

/**
 * What can be done to the open message, above it: reply, reply all, forward, archive, delete,
 * move, flag, mark unread, junk, print, and a "more" menu other features add items to. The
 * actions are the list's own (same toasts, same "Hoàn tác"); when the message leaves the folder
 * the reader goes where the user's setting says (back to the list by default).
 */
export function ReaderToolbar({
  mailbox,
  message,
  onBack,
  onPrint,
  extraItems = [],
}: {
  mailbox: string;
  message: Pick<MessageDetail, 'uid' | 'flags'>;
  onBack: () => void;
  onPrint: () => void;
  /** Items for the ⋯ menu from other features (a filter from this message, a contact…). */
  extraItems?: ReaderMenuItem[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const actions = useMessageActions(mailbox);
  const mailboxes = useMailboxes();
  const { ask, dialog } = useConfirm();
  const uid = message.uid;
  const target = { uids: [uid] };
  const leaving = { count: 1, onRemoved: () => leaveOpenMessage(mailbox, new Set([uid]), onBack) };
  const { isTrash, isJunk } = actions;
  const isArchive = actions.current?.specialUse === 'archive';

  // The reader shows the flags of its own copy of the message: kept in step with the list's.
  const patchOpen = (change: Partial<MessageFlags>) =>
    queryClient.setQueryData<MessageDetail>(messageKeys.detail(mailbox, uid), (d) =>
      d ? { ...d, flags: { ...d.flags, ...change } } : d,
    );

  const compose = (mode: ComposeSource['mode']) => () => openCompose({ mode, mailbox, uid });
  const remove = async () => {
    if (isTrash) {
      const ok = await ask({
        title: t('actions.confirmDeleteForever.title', { count: 1 }),
        text: t('actions.confirmDeleteForever.text', { count: 1 }),
        confirmLabel: t('actions.deleteForever'),
        cancelLabel: t('actions.cancel'),
      });
      if (!ok) return;
    }
    actions.remove(target, leaving);
  };
  const destinations = (mailboxes.data ?? []).filter((f) => f.selectable && f.path !== mailbox);

  const button = (key: string, icon: IconName, label: string, onClick: () => void, withText = false) => (
    <button
      key={key}
      type="button"
      className={`icon-button reader-action reader-action-${key} ${withText ? 'with-text' : ''}`}
      aria-label={label}
      title={label}
      onClick={onClick}
      {...(key.startsWith('reply') || key === 'forward'
        ? { onPointerEnter: preloadCompose, onFocus: preloadCompose }
        : {})}
    >
      <Icon name={icon} size={20} />
      {withText ? (
        <span className="reader-action-text" aria-hidden="true">
          {label}
        </span>
      ) : null}
    </button>
  );

  return (
    <div className="reader-toolbar" role="toolbar" aria-label={t('readerActions.toolbar')}>
      <div className="reader-toolbar-group">
        {message.flags.draft
          ? button('reply', 'pencil', t('compose.editDraft'), compose('draft'), true)
          : [
              button('reply', 'reply', t('compose.reply'), compose('reply'), true),
              button('replyAll', 'replyAll', t('compose.replyAll'), compose('replyAll')),
              button('forward', 'forward', t('compose.forward'), compose('forward')),
            ]}
      </div>
      <div className="reader-toolbar-group">
        {isTrash || isJunk || isArchive
          ? null
          : button('archive', 'archive', t('actions.archive'), () => actions.archive(target, leaving))}
        {button(
          'delete',
          'trash',
          t(isTrash ? 'actions.deleteForever' : 'actions.delete'),
          () => void remove(),
        )}
        <label className="reader-move" title={t('actions.moveTo')}>
          <Icon name="folderMove" size={20} />
          <select
            aria-label={t('actions.moveTo')}
            value=""
            onChange={(e) => {
              if (e.target.value) actions.moveTo(e.target.value, target, leaving);
            }}
          >
            <option value="">{t('actions.moveTo')}</option>
            {destinations.map((f) => (
              <option key={f.path} value={f.path}>
                {'\u00a0'.repeat(mailboxDepth(f) * 2)}
                {mailboxLabel(f, t)}
              </option>
            ))}
          </select>
        </label>
        {message.flags.flagged
          ? button('unflag', 'star', t('actions.unflag'), () => {
              actions.unflag(target);
              patchOpen({ flagged: false });
            })
          : button('flag', 'star', t('actions.flag'), () => {
              actions.flag(target);
              patchOpen({ flagged: true });
            })}
        {button('markUnread', 'mail', t('actions.markUnread'), () => {
          // Unread again and closed, as the user asked: opening it later marks it read once more.
          actions.markUnread(target);
          patchOpen({ seen: false });
          onBack();
        })}
        {isJunk
          ? button('notJunk', 'inbox', t('actions.notJunk'), () => actions.notJunk(target, leaving))
          : button('junk', 'junk', t('actions.junk'), () => actions.junk(target, leaving))}
        {button('print', 'print', t('reader.print'), onPrint)}
        <ReaderMoreMenu
          items={[
            ...(message.flags.draft
              ? []
              : [
                  {
                    key: 'forwardAsAttachment',
                    label: t('compose.forwardAsAttachment'),
                    onSelect: compose('forwardAsAttachment'),
                  },
                ]),
            ...extraItems,
          ]}
        />
      </div>
      {dialog}
    </div>
  );
}
