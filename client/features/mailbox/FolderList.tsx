import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Mailbox } from '../../../common/contract';
import { useDeleteFolder } from '../../api/folders';
import { useMailboxes } from '../../api/mailboxes';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useErrorMessage } from '../../ui/ErrorText';
import { Icon } from '../../ui/Icon';
import { showToast } from '../../ui/toast-store';
import { useMessageActions } from '../actions/use-message-actions';
import { DRAG_TYPE, readDragged } from './drag-messages';
import { FolderDialog } from './FolderDialog';
import { mailboxDepth, mailboxLabel } from './mailbox-name';
import { mailPath } from './routes';
import './mailbox.css';

// Loaded when first opened: most days nobody imports mail, and the first load stays small.
const ImportMailDialog = lazy(() =>
  import('../mail-import/ImportMailDialog').then((m) => ({ default: m.ImportMailDialog })),
);

type Editing =
  | { mode: 'create' | 'rename'; folder?: Mailbox }
  | { mode: 'delete'; folder: Mailbox }
  | { mode: 'import' }
  | null;

/**
 * The folder tree. Each selectable folder takes messages dropped on it (dragged from the list);
 * the user's own folders can be renamed and deleted, new ones created (Vietnamese names welcome).
 */
export function FolderList({ current, onNavigate }: { current: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [, navigate] = useLocation();
  const mailboxes = useMailboxes();
  const actions = useMessageActions(current);
  const deleteFolder = useDeleteFolder();
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  if (mailboxes.isError) return <Banner tone="error">{t('mailbox.loadError')}</Banner>;
  const boxes = mailboxes.data ?? [];

  const onDrop = (box: Mailbox, e: React.DragEvent) => {
    setDropTarget(null);
    const dragged = readDragged(e.dataTransfer);
    if (!dragged || dragged.mailbox === box.path || dragged.mailbox !== current) return;
    e.preventDefault();
    actions.moveTo(box.path, { uids: dragged.uids }, { count: dragged.uids.length });
  };

  const confirmDelete = (folder: Mailbox) =>
    deleteFolder.mutate(folder.path, {
      onSuccess: () => {
        setEditing(null);
        showToast({ message: t('folders.deleted', { name: mailboxLabel(folder, t) }) });
        if (current === folder.path || current.startsWith(`${folder.path}${folder.delimiter}`))
          navigate(mailPath('INBOX'));
      },
      onError: (err) => {
        setEditing(null);
        showToast({ tone: 'error', message: errorMessage(err) });
      },
    });

  return (
    <nav aria-label={t('mailbox.folders')} className="folder-list">
      <ul>
        {boxes.map((box) => {
          const label = mailboxLabel(box, t);
          const active = box.path === current;
          const own = !box.specialUse;
          return (
            <li
              key={box.path}
              className={`folder-item ${dropTarget === box.path ? 'drop-target' : ''}`}
              style={{ paddingInlineStart: `${mailboxDepth(box) * 14}px` }}
              onDragOver={(e) => {
                if (!box.selectable || box.path === current || !e.dataTransfer.types.includes(DRAG_TYPE))
                  return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setDropTarget(box.path);
              }}
              onDragLeave={() => setDropTarget((d) => (d === box.path ? null : d))}
              onDrop={(e) => onDrop(box, e)}
            >
              {box.selectable ? (
                <Link
                  href={mailPath(box.path)}
                  className={`folder ${active ? 'active' : ''} ${box.unread > 0 ? 'has-unread' : ''}`}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                  data-special-use={box.specialUse ?? undefined}
                >
                  <span className="folder-name">{label}</span>
                  {box.unread > 0 ? (
                    <span className="badge" title={t('mailbox.unreadCount', { count: box.unread })}>
                      {box.unread}
                    </span>
                  ) : null}
                </Link>
              ) : (
                <span className="folder folder-noselect">{label}</span>
              )}
              {own ? (
                <span className="folder-tools">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('folders.renameNamed', { name: label })}
                    title={t('folders.rename')}
                    onClick={() => setEditing({ mode: 'rename', folder: box })}
                  >
                    <Icon name="pencil" />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('folders.deleteNamed', { name: label })}
                    title={t('folders.delete')}
                    onClick={() => setEditing({ mode: 'delete', folder: box })}
                  >
                    <Icon name="trash" />
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <button type="button" className="link-button new-folder" onClick={() => setEditing({ mode: 'create' })}>
        <Icon name="folderPlus" /> {t('folders.new')}
      </button>
      <button type="button" className="link-button new-folder" onClick={() => setEditing({ mode: 'import' })}>
        <Icon name="upload" /> {t('mailImport.open')}
      </button>
      {editing?.mode === 'import' ? (
        <Suspense fallback={null}>
          <ImportMailDialog folders={boxes} initialFolder={current} onClose={() => setEditing(null)} />
        </Suspense>
      ) : null}
      {editing && (editing.mode === 'create' || editing.mode === 'rename') ? (
        <FolderDialog
          mode={editing.mode}
          folders={boxes}
          folder={editing.folder}
          onCancel={() => setEditing(null)}
          onDone={(path) => {
            const renamed = editing.mode === 'rename' ? editing.folder : undefined;
            setEditing(null);
            showToast({
              message: t(renamed ? 'folders.renamed' : 'folders.created', {
                name: path.split(boxes[0]?.delimiter || '/').pop(),
              }),
            });
            if (!renamed || renamed.path === current) navigate(mailPath(path));
          }}
        />
      ) : null}
      {editing?.mode === 'delete' ? (
        <ConfirmDialog
          title={t('folders.confirmDelete.title', { name: mailboxLabel(editing.folder, t) })}
          confirmLabel={t('folders.delete')}
          cancelLabel={t('actions.cancel')}
          danger
          busy={deleteFolder.isPending}
          onConfirm={() => confirmDelete(editing.folder)}
          onCancel={() => setEditing(null)}
        >
          {t('folders.confirmDelete.text', { count: editing.folder.total })}
        </ConfirmDialog>
      ) : null}
    </nav>
  );
}
