import { observeElementRect, type Rect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { type DragEvent, type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRow } from '../../../common/contract';
import { rowUids } from '../../api/list-cache';
import { useMailboxes } from '../../api/mailboxes';
import { DEFAULT_VIEW, type ListViewParams, useListWindow, viewKeyOf } from '../../api/message-pages';
import { useSettings } from '../../api/settings';
import { Banner } from '../../ui/Banner';
import { useErrorMessage } from '../../ui/ErrorText';
import { MessageToolbar } from '../actions/MessageToolbar';
import { useListCommands } from '../actions/use-list-commands';
import { DRAG_TYPE } from './drag-messages';
import { ListViewControls } from './ListViewControls';
import { useListStore } from './list-store';
import { MessageListRow, ROW_HEIGHT, SkeletonRow } from './MessageListRow';
import { RowQuickActions } from './RowQuickActions';
import './mailbox.css';

const SKELETON_POSITIONS = Array.from({ length: 12 }, (_, i) => ({
  index: i,
  total: 12,
  top: i * ROW_HEIGHT,
}));

/** Without layout (not yet attached, or no layout engine at all) assume a screenful of rows. */
function observeRectOrScreenful(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) =>
    cb(rect.height > 0 ? rect : { width: rect.width, height: ROW_HEIGHT * 12 }),
  );
}

/**
 * The open folder's messages: a virtualised list (only the rows in view, plus a few, are in the
 * DOM; a folder of 100,000 scrolls like one of 100), fetched by page as they come into view, with
 * selection, bulk actions, drag to a folder and the keyboard shortcuts.
 */
export function MessageList({
  mailbox,
  openUid,
  onOpen,
  onClose,
}: {
  mailbox: string;
  openUid: number | null;
  onOpen: (uid: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const settings = useSettings();
  const mailboxes = useMailboxes();
  const listSort = useListStore((s) => s.listSort);
  const filter = useListStore((s) => s.listFilter);
  const cursorState = useListStore((s) => s.cursor);
  const store = useListStore.getState;

  const threads = settings.data?.conversationView ?? false;
  const view: ListViewParams = useMemo(
    () => ({
      ...DEFAULT_VIEW,
      sort: threads ? 'arrival' : listSort.sort,
      order: listSort.order,
      filter,
      threads,
    }),
    [threads, listSort.sort, listSort.order, filter],
  );
  const viewKey = viewKeyOf(view);

  const scrollRef = useRef<HTMLDivElement>(null);
  const [wanted, setWanted] = useState({ from: 0, to: 20 });
  // The saved view (conversations or not) decides the first request: no flash of the other one.
  const win = useListWindow(mailbox, view, wanted, !settings.isPending);
  const count = win.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    observeElementRect: observeRectOrScreenful,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;

  // Pages follow the rows in view; while the scrollbar is being dragged across thousands of rows,
  // only where it comes to rest is fetched.
  useEffect(() => {
    const timer = window.setTimeout(
      () => setWanted({ from: firstIndex, to: lastIndex }),
      virtualizer.isScrolling ? 120 : 0,
    );
    return () => window.clearTimeout(timer);
  }, [firstIndex, lastIndex, virtualizer.isScrolling]);

  // Another folder or view: back to the top, nothing selected, the cursor on the first row.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on folder/view change only
  useEffect(() => {
    virtualizer.scrollToOffset(0);
    setWanted({ from: 0, to: 20 });
    if (store().selection.mailbox !== mailbox || store().selection.all) store().clearSelection();
    if (store().cursor.mailbox !== mailbox) store().setCursor(mailbox, 0);
  }, [mailbox, viewKey]);

  const cursor = cursorState.mailbox === mailbox ? Math.min(cursorState.index, Math.max(0, count - 1)) : 0;

  const focusRow = (index: number, focus = false) => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const inList = scrollRef.current?.contains(document.activeElement) ?? false;
    if (!inList && !focus) return;
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] .message-row-button`)?.focus(),
    );
  };

  const commands = useListCommands({
    mailbox,
    filter,
    openUid,
    onOpen,
    onClose,
    count,
    cursor,
    rowAt: win.rowAt,
    loaded: win.loaded,
    indexOf: win.indexOf,
    focusRow,
  });
  const { allInFolder, selectedUids, selectedCount } = commands;
  const { isTrash, isJunk } = commands.actions;
  const specialUse = mailboxes.data?.find((b) => b.path === mailbox)?.specialUse;
  const showRecipients = specialUse === 'sent' || specialUse === 'drafts';
  const loadedUids = () => win.loaded.map((l) => l.row.uid);

  const onRowOpen = (row: MessageRow, index: number, e: MouseEvent) => {
    if (e.shiftKey) {
      store().selectRange(mailbox, loadedUids(), row.uid);
      return;
    }
    if (e.ctrlKey || e.metaKey) {
      store().toggleSelected(mailbox, row.uid);
      return;
    }
    store().setCursor(mailbox, index);
    onOpen(row.uid);
  };

  const onRowCheck = (row: MessageRow, index: number, shiftKey: boolean) => {
    store().setCursor(mailbox, index);
    if (shiftKey) {
      store().selectRange(mailbox, loadedUids(), row.uid);
    } else {
      store().toggleSelected(mailbox, row.uid);
    }
  };

  const onRowDrag = (row: MessageRow, e: DragEvent) => {
    const selected = commands.selectionTarget();
    const uids = selected && (allInFolder || selectedUids[row.uid]) ? [...selected.uids] : rowUids(row);
    if (allInFolder) return e.preventDefault(); // the whole folder is moved with the toolbar, not dragged
    e.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ mailbox, uids }));
    e.dataTransfer.setData('text/plain', t('list.dragCount', { count: uids.length }));
    e.dataTransfer.effectAllowed = 'move';
  };

  const loadedCount = win.loaded.length;
  const check: 'none' | 'some' | 'all' =
    allInFolder || (selectedCount > 0 && selectedCount >= loadedCount)
      ? 'all'
      : selectedCount > 0
        ? 'some'
        : 'none';

  const toolbar = (
    <MessageToolbar
      mailbox={mailbox}
      folders={mailboxes.data ?? []}
      selectedCount={selectedCount}
      allInFolder={allInFolder}
      viewTotal={count}
      check={check}
      isTrash={commands.actions.isTrash}
      isJunk={commands.actions.isJunk}
      toggles={commands.toggles}
      onToggleAll={() =>
        check === 'none' ? store().selectUids(mailbox, loadedUids()) : store().clearSelection()
      }
      onSelectAllInFolder={() => store().selectAllInFolder(mailbox)}
      onClear={() => store().clearSelection()}
      onAction={(a) => void commands.run(a)}
      onMove={commands.moveSelection}
      onEmpty={() => void commands.emptyFolder()}
    >
      <ListViewControls />
    </MessageToolbar>
  );

  // A page that failed: with nothing to show it is the whole list, else it stands above the rows.
  const loadError = win.error ? (
    <Banner
      tone="error"
      action={
        <button type="button" className="button" onClick={() => void win.refetch()}>
          {t('list.retry')}
        </button>
      }
    >
      {t('list.loadError')} {errorMessage(win.error)}
    </Banner>
  ) : null;

  let body: React.ReactNode;
  if (win.error && win.total === null) {
    body = loadError;
  } else if (!win.pending && count === 0) {
    body = (
      <div className="list-state">{t(filter === 'all' ? 'list.empty' : `list.emptyFiltered.${filter}`)}</div>
    );
  } else {
    const skeletons = win.pending ? SKELETON_POSITIONS.length : 0;
    body = (
      <>
        {loadError}
        <ul
          aria-label={t('list.label')}
          aria-busy={win.pending || undefined}
          className="message-rows"
          style={{ height: win.pending ? skeletons * ROW_HEIGHT : virtualizer.getTotalSize() }}
        >
          {win.pending
            ? SKELETON_POSITIONS.map((position) => <SkeletonRow key={position.index} position={position} />)
            : items.map((item) => {
                const row = win.rowAt(item.index);
                const position = { index: item.index, total: count, top: item.start };
                if (!row) return <SkeletonRow key={`s${item.index}`} position={position} />;
                return (
                  <MessageListRow
                    key={row.uid}
                    message={row}
                    position={position}
                    open={row.uid === openUid}
                    selected={allInFolder || selectedUids[row.uid] === true}
                    cursor={item.index === cursor}
                    onOpen={onRowOpen}
                    onCheck={onRowCheck}
                    onDragStart={onRowDrag}
                    showRecipients={showRecipients}
                    actions={
                      <RowQuickActions
                        message={row}
                        focusable={item.index === cursor}
                        canArchive={!isTrash && !isJunk && specialUse !== 'archive'}
                        inTrash={isTrash}
                        onAction={(r, a) => void commands.runOnRow(r, a)}
                      />
                    }
                  />
                );
              })}
        </ul>
        {win.pending ? (
          <span className="sr-only" role="status">
            {t('list.loading')}
          </span>
        ) : null}
      </>
    );
  }

  return (
    <div className="message-list">
      {toolbar}
      <div className="list-scroller" ref={scrollRef}>
        {body}
      </div>
      {commands.dialog}
    </div>
  );
}
