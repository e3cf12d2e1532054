import { useTranslation } from 'react-i18next';
import type { MessageRow } from '../../../common/contract';
import { rowUnread } from '../../api/list-cache';
import { Icon, type IconName } from '../../ui/Icon';
import type { ToolbarAction } from '../actions/MessageToolbar';
import './row-actions.css';

/**
 * A row's own actions, shown on a desktop when the pointer is over the row or the focus is in it
 * (Tab from the row reaches them); hidden on touch screens, where a long row of small targets
 * under the thumb would do more harm than good.
 */
export function RowQuickActions({
  message,
  focusable,
  canArchive,
  inTrash,
  onAction,
}: {
  message: MessageRow;
  /** Only the row under the keyboard cursor is in the Tab order (roving tabindex). */
  focusable: boolean;
  canArchive: boolean;
  inTrash: boolean;
  onAction: (message: MessageRow, action: ToolbarAction) => void;
}) {
  const { t } = useTranslation();
  const subject = message.subject || t('list.noSubject');
  const unread = rowUnread(message);
  const actions: [ToolbarAction, IconName, string][] = [
    ...(canArchive ? [['archive', 'archive', 'actions.archive'] as [ToolbarAction, IconName, string]] : []),
    ['delete', 'trash', inTrash ? 'actions.deleteForever' : 'actions.delete'],
    unread ? ['markRead', 'mailOpen', 'actions.markRead'] : ['markUnread', 'mail', 'actions.markUnread'],
    message.flags.flagged ? ['unflag', 'star', 'actions.unflag'] : ['flag', 'star', 'actions.flag'],
  ];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar of buttons, not a form group
    <span className="row-quick-actions" role="group" aria-label={t('readerActions.rowActions', { subject })}>
      {actions.map(([action, icon, key]) => (
        <button
          key={action}
          type="button"
          className={`icon-button row-quick-${action}`}
          tabIndex={focusable ? 0 : -1}
          aria-label={t('readerActions.rowAction', { action: t(key), subject })}
          title={t(key)}
          onClick={() => onAction(message, action)}
        >
          <Icon name={icon} size={18} />
        </button>
      ))}
    </span>
  );
}
