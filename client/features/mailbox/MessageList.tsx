import { observeElementRect, type Rect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { type DragEvent, type MouseEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRow } from '../../../proxy/contract';
import { rowUids } from '../../api/list-cache';
import { useMailboxes } from '../../api/mailboxes';
import type { ActionTarget } from '../../api/message-actions';
import { DEFAULT_VIEW, type ListViewParams, useListWindow, viewKeyOf } from '../../api/message-pages';
import { useSettings } from '../../api/settings';
import { useUiStore } from '../../app/ui-store';
import { Banner } from '../../ui/Banner';
import { useErrorMessage } from '../../ui/ErrorText';
import { MessageToolbar, type ToolbarAction } from '../actions/MessageToolbar';
import { useConfirm } from '../actions/use-confirm';
import { focusSearch, requestCompose, useMailShortcuts } from '../actions/use-mail-shortcuts';
import { useMessageActions } from '../actions/use-message-actions';
import { DRAG_TYPE } from './drag-messages';
import { ListViewControls } from './ListViewControls';
import { MessageListRow, ROW_HEIGHT, SkeletonRow } from './MessageListRow';

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
  const listSort = useUiStore((s) => s.listSort);
  const filter = useUiStore((s) => s.listFilter);
  const selection = useUiStore((s) => s.selection);
  const cursorState = useUiStore((s) => s.cursor);
  const store = useUiStore.getState;
  const actions = useMessageActions(mailbox);
  const { ask, dialog } = useConfirm();

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
  const win = useListWindow(mailbox, view, wanted);
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
  const mine = selection.mailbox === mailbox;
  const allInFolder = mine && selection.all;
  const selectedUids = mine ? selection.uids : {};
  const selectedCount = Object.keys(selectedUids).length;

  /** Rows loaded so far, in list order (selection ranges and bulk actions work on these). */
  const loadedRows = useCallback((): MessageRow[] => {
    const out: MessageRow[] = [];
    for (let i = 0; i < count; i++) {
      const row = win.rowAt(i);
      if (row) out.push(row);
      else if (i > lastIndex + 200) break;
    }
    return out;
  }, [count, win, lastIndex]);

  const indexOfUid = (uid: number): number => {
    for (let i = 0; i < count; i++) if (win.rowAt(i)?.uid === uid) return i;
    return -1;
  };

  const selectionTarget = (): { target: ActionTarget; count: number; uids: Set<number> } | null => {
    if (allInFolder) return { target: { all: true, filter }, count, uids: new Set() };
    if (selectedCount === 0) return null;
    const byUid = new Map(loadedRows().map((r) => [r.uid, r]));
    const uids = Object.keys(selectedUids)
      .map(Number)
      .flatMap((u) => {
        const row = byUid.get(u);
        return row ? rowUids(row) : [u];
      });
    return { target: { uids }, count: uids.length, uids: new Set(uids) };
  };

  /** What a key or the toolbar acts on: the selection, else the open message, else the cursor row. */
  const currentTarget = () => {
    const selected = selectionTarget();
    if (selected) return selected;
    const index = openUid !== null ? indexOfUid(openUid) : cursor;
    const row = index >= 0 ? win.rowAt(index) : undefined;
    if (!row) {
      if (openUid === null) return null;
      return { target: { uids: [openUid] }, count: 1, uids: new Set([openUid]) };
    }
    const uids = rowUids(row);
    return { target: { uids }, count: uids.length, uids: new Set(uids), row };
  };

  /** After the open message leaves the list, the reader moves on to the next one (or closes). */
  const moveOnFrom = (removed: Set<number>) => () => {
    if (openUid === null || (!removed.has(openUid) && removed.size > 0)) return;
    const at = indexOfUid(openUid);
    for (const i of [at + 1, at - 1]) {
      const row = i >= 0 ? win.rowAt(i) : undefined;
      if (row && !rowUids(row).some((u) => removed.has(u))) {
        onOpen(row.uid);
        return;
      }
    }
    onClose();
  };

  const run = async (action: ToolbarAction) => {
    const current = currentTarget();
    if (!current) return;
    const { target } = current;
    const options = { count: current.count, onRemoved: moveOnFrom(current.uids) };
    const removing = action === 'archive' || action === 'delete' || action === 'junk' || action === 'notJunk';
    if (action === 'delete' && actions.isTrash) {
      const ok = await ask({
        title: t('actions.confirmDeleteForever.title', { count: current.count }),
        text: t('actions.confirmDeleteForever.text', { count: current.count }),
        confirmLabel: t('actions.deleteForever'),
        cancelLabel: t('actions.cancel'),
      });
      if (!ok) return;
    }
    if (removing) store().clearSelection();
    if (action === 'markRead') actions.markRead(target);
    else if (action === 'markUnread') actions.markUnread(target);
    else if (action === 'flag') actions.flag(target);
    else if (action === 'unflag') actions.unflag(target);
    else if (action === 'archive') actions.archive(target, options);
    else if (action === 'delete') actions.remove(target, options);
    else if (action === 'junk') actions.junk(target, options);
    else if (action === 'notJunk') actions.notJunk(target, options);
  };

  const moveSelection = (destination: string) => {
    const current = selectionTarget();
    if (!current) return;
    store().clearSelection();
    actions.moveTo(destination, current.target, {
      count: current.count,
      onRemoved: moveOnFrom(current.uids),
    });
  };

  const emptyFolder = async () => {
    const folder = actions.nameOf(mailbox);
    const ok = await ask({
      title: t('actions.confirmEmpty.title', { folder }),
      text: t('actions.confirmEmpty.text', { folder, count: actions.current?.total ?? count }),
      confirmLabel: t('actions.confirmEmpty.confirm'),
      cancelLabel: t('actions.cancel'),
    });
    if (ok) actions.emptyFolder();
  };

  const focusRow = (index: number) => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const inList = scrollRef.current?.contains(document.activeElement) ?? false;
    if (!inList) return;
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] .message-row-button`)?.focus(),
    );
  };

  const step = (delta: number) => {
    if (count === 0) return;
    const from = openUid !== null ? Math.max(0, indexOfUid(openUid)) : cursor;
    const next = Math.min(count - 1, Math.max(0, from + delta));
    store().setCursor(mailbox, next);
    focusRow(next);
    const row = win.rowAt(next);
    if (openUid !== null && row) onOpen(row.uid);
  };

  const toggleFlag = () => {
    const current = currentTarget();
    if (!current) return;
    const flagged = 'row' in current && current.row ? current.row.flags.flagged : false;
    if (flagged) actions.unflag(current.target);
    else actions.flag(current.target);
  };

  const composeFrom = (mode: 'reply' | 'replyAll' | 'forward') => () => {
    const uid = openUid ?? win.rowAt(cursor)?.uid;
    if (uid) requestCompose({ mode, mailbox, uid });
  };

  useMailShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    open: () => {
      const row = win.rowAt(cursor);
      if (row) onOpen(row.uid);
    },
    back: () => {
      if (openUid === null) return;
      const at = indexOfUid(openUid);
      if (at >= 0) store().setCursor(mailbox, at);
      onClose();
      requestAnimationFrame(() => focusRow(Math.max(0, at)));
    },
    archive: () => {
      if (!actions.isTrash && !actions.isJunk) void run('archive');
    },
    delete: () => void run('delete'),
    flag: toggleFlag,
    select: () => {
      const row = win.rowAt(cursor);
      if (row) store().toggleSelected(mailbox, row.uid);
    },
    reply: composeFrom('reply'),
    replyAll: composeFrom('replyAll'),
    forward: composeFrom('forward'),
    search: focusSearch,
    help: () => store().setShortcutsOpen(true),
    clear: () => store().clearSelection(),
  });

  const onRowOpen = (row: MessageRow, index: number, e: MouseEvent) => {
    if (e.shiftKey) {
      store().selectRange(
        mailbox,
        loadedRows().map((r) => r.uid),
        row.uid,
      );
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
      store().selectRange(
        mailbox,
        loadedRows().map((r) => r.uid),
        row.uid,
      );
    } else {
      store().toggleSelected(mailbox, row.uid);
    }
  };

  const onRowDrag = (row: MessageRow, e: DragEvent) => {
    const selected = selectionTarget();
    const uids = selected && (allInFolder || selectedUids[row.uid]) ? [...selected.uids] : rowUids(row);
    if (allInFolder) return e.preventDefault(); // the whole folder is moved with the toolbar, not dragged
    e.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ mailbox, uids }));
    e.dataTransfer.setData('text/plain', t('list.dragCount', { count: uids.length }));
    e.dataTransfer.effectAllowed = 'move';
  };

  const loaded = loadedRows();
  const loadedCount = loaded.length;
  const selectedRows = allInFolder ? [] : loaded.filter((r) => selectedUids[r.uid]);
  const toggles = {
    read:
      allInFolder || selectedRows.some((r) => !r.flags.seen || (r.thread?.unread ?? 0) > 0)
        ? 'markRead'
        : 'markUnread',
    flag:
      !allInFolder && selectedRows.length > 0 && selectedRows.every((r) => r.flags.flagged)
        ? 'unflag'
        : 'flag',
  } as const;
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
      isTrash={actions.isTrash}
      isJunk={actions.isJunk}
      toggles={toggles}
      onToggleAll={() =>
        check === 'none'
          ? store().selectUids(
              mailbox,
              loadedRows().map((r) => r.uid),
            )
          : store().clearSelection()
      }
      onSelectAllInFolder={() => store().selectAllInFolder(mailbox)}
      onClear={() => store().clearSelection()}
      onAction={(a) => void run(a)}
      onMove={moveSelection}
      onEmpty={() => void emptyFolder()}
    >
      <ListViewControls />
    </MessageToolbar>
  );

  let body: React.ReactNode;
  if (win.error && win.total === null) {
    body = (
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
    );
  } else if (!win.pending && count === 0) {
    body = (
      <div className="list-state">{t(filter === 'all' ? 'list.empty' : `list.emptyFiltered.${filter}`)}</div>
    );
  } else {
    const skeletons = win.pending ? SKELETON_POSITIONS.length : 0;
    body = (
      <>
        {win.error ? (
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
        ) : null}
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
      {dialog}
    </div>
  );
}
