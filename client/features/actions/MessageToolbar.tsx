import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox } from '../../../common/contract';
import { Icon, type IconName } from '../../ui/Icon';
import { mailboxDepth, mailboxLabel } from '../mailbox/mailbox-name';
import './actions.css';

export type ToolbarAction =
  | 'markRead'
  | 'markUnread'
  | 'flag'
  | 'unflag'
  | 'archive'
  | 'delete'
  | 'junk'
  | 'notJunk';

const ICON: Record<ToolbarAction, IconName> = {
  markRead: 'mailOpen',
  markUnread: 'mail',
  flag: 'star',
  unflag: 'star',
  archive: 'archive',
  delete: 'trash',
  junk: 'junk',
  notJunk: 'inbox',
};

/**
 * The bar above the list: the select-all box, and — while something is selected — what can be
 * done to it. Without a selection it shows `children` (the view controls) instead.
 */
export function MessageToolbar({
  mailbox,
  folders,
  selectedCount,
  allInFolder,
  viewTotal,
  check,
  isTrash,
  isJunk,
  toggles,
  onToggleAll,
  onSelectAllInFolder,
  onClear,
  onAction,
  onMove,
  onEmpty,
  children,
}: {
  mailbox: string;
  folders: Mailbox[];
  selectedCount: number;
  allInFolder: boolean;
  viewTotal: number;
  check: 'none' | 'some' | 'all';
  isTrash: boolean;
  isJunk: boolean;
  /** Which way the read and flag buttons go for this selection (any unread → mark read, …). */
  toggles: { read: 'markRead' | 'markUnread'; flag: 'flag' | 'unflag' };
  onToggleAll: () => void;
  onSelectAllInFolder: () => void;
  onClear: () => void;
  onAction: (action: ToolbarAction) => void;
  onMove: (destination: string) => void;
  onEmpty: () => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = check === 'some';
  }, [check]);
  const selecting = selectedCount > 0 || allInFolder;
  const shown = allInFolder ? viewTotal : selectedCount;
  const actions: ToolbarAction[] = [
    toggles.read,
    toggles.flag,
    ...(isTrash || isJunk ? [] : (['archive'] as const)),
    isJunk ? 'notJunk' : 'junk',
    'delete',
  ];
  const destinations = folders.filter((f) => f.selectable && f.path !== mailbox);

  return (
    <div className="message-toolbar" role="toolbar" aria-label={t('actions.toolbar')}>
      <div className="toolbar-row">
        <input
          ref={box}
          type="checkbox"
          className="select-all"
          aria-label={t('list.selectAll')}
          checked={check === 'all'}
          onChange={onToggleAll}
        />
        {selecting ? (
          <>
            <span className="selection-count" title={t('list.selectedCount', { count: shown })}>
              <span aria-hidden="true">{shown}</span>
              <span className="sr-only">{t('list.selectedCount', { count: shown })}</span>
            </span>
            <div className="toolbar-actions">
              {actions.map((action) => (
                <button
                  key={action}
                  type="button"
                  className={`icon-button round-button action-${action}`}
                  aria-label={t(`actions.${isTrash && action === 'delete' ? 'deleteForever' : action}`)}
                  title={t(`actions.${isTrash && action === 'delete' ? 'deleteForever' : action}`)}
                  onClick={() => onAction(action)}
                >
                  <Icon name={ICON[action]} size={20} />
                </button>
              ))}
              <select
                className="compact-select"
                aria-label={t('actions.moveTo')}
                value=""
                onChange={(e) => {
                  if (e.target.value) onMove(e.target.value);
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
              <button
                type="button"
                className="icon-button round-button"
                aria-label={t('list.clearSelection')}
                title={t('list.clearSelection')}
                onClick={onClear}
              >
                <Icon name="close" size={18} />
              </button>
            </div>
          </>
        ) : (
          <>
            {children}
            {isTrash || isJunk ? (
              <button
                type="button"
                className="button button-small empty-folder"
                aria-label={t(isTrash ? 'actions.emptyTrash' : 'actions.emptyJunk')}
                onClick={onEmpty}
                disabled={viewTotal === 0}
              >
                {t('actions.confirmEmpty.confirm')}
              </button>
            ) : null}
          </>
        )}
      </div>
      {allInFolder ? (
        <div className="select-all-folder">{t('list.allSelected', { count: viewTotal })}</div>
      ) : check === 'all' && viewTotal > selectedCount ? (
        <div className="select-all-folder">
          <button type="button" className="link-button" onClick={onSelectAllInFolder}>
            {t('list.selectAllInFolder', { count: viewTotal })}
          </button>
        </div>
      ) : null}
    </div>
  );
}
