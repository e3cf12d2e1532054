import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListFilter, MessageRow } from '../../../common/contract';
import { rowUids } from '../../api/list-cache';
import type { ActionTarget } from '../../api/message-actions';
import { useSettings } from '../../api/settings';
import { useListStore } from '../mailbox/list-store';
import { afterRemoval } from '../reader/after-removal';
import { useOpenMessageExit } from '../reader/open-message-exit';
import type { ToolbarAction } from './MessageToolbar';
import { useShortcutsStore } from './shortcuts-store';
import { useConfirm } from './use-confirm';
import { focusSearch, requestCompose, useMailShortcuts } from './use-mail-shortcuts';
import { useMessageActions } from './use-message-actions';

interface Target {
  target: ActionTarget;
  count: number;
  uids: Set<number>;
  row?: MessageRow;
}

export interface ListState {
  mailbox: string;
  filter: ListFilter;
  openUid: number | null;
  onOpen: (uid: number) => void;
  onClose: () => void;
  /** Rows in the view, and the keyboard cursor's position in it. */
  count: number;
  cursor: number;
  rowAt: (index: number) => MessageRow | undefined;
  loaded: { row: MessageRow; index: number }[];
  indexOf: (uid: number) => number;
  /** Scrolls a row into view and focuses it when focus is in the list (or always, with `focus`). */
  focusRow: (index: number, focus?: boolean) => void;
}

/**
 * What the toolbar buttons and the keys do to the list: they act on the selection, else on the
 * open message, else on the row under the keyboard cursor; when the open message leaves, the
 * reader goes back to the list or on to a neighbour (the user's setting); deleting for good and
 * emptying a folder ask first.
 */
export function useListCommands(list: ListState) {
  const { t } = useTranslation();
  const { mailbox, openUid, cursor, rowAt, indexOf } = list;
  const selection = useListStore((s) => s.selection);
  const store = useListStore.getState;
  const actions = useMessageActions(mailbox);
  const { ask, dialog } = useConfirm();
  const afterAction = useSettings().data?.afterMessageAction;

  const mine = selection.mailbox === mailbox;
  const allInFolder = mine && selection.all;
  const selectedUids = mine ? selection.uids : {};
  const selectedRows = list.loaded.map((l) => l.row).filter((r) => selectedUids[r.uid]);
  const selectedCount = Object.keys(selectedUids).length;

  const selectionTarget = (): Target | null => {
    if (allInFolder)
      return { target: { all: true, filter: list.filter }, count: list.count, uids: new Set() };
    if (selectedCount === 0) return null;
    const byUid = new Map(selectedRows.map((r) => [r.uid, r]));
    const uids = Object.keys(selectedUids)
      .map(Number)
      .flatMap((u) => {
        const row = byUid.get(u);
        return row ? rowUids(row) : [u];
      });
    return { target: { uids }, count: uids.length, uids: new Set(uids) };
  };

  const currentTarget = (): Target | null => {
    const selected = selectionTarget();
    if (selected) return selected;
    const index = openUid !== null ? indexOf(openUid) : cursor;
    const row = index >= 0 ? rowAt(index) : undefined;
    if (!row)
      return openUid === null ? null : { target: { uids: [openUid] }, count: 1, uids: new Set([openUid]) };
    const uids = rowUids(row);
    return { target: { uids }, count: uids.length, uids: new Set(uids), row };
  };

  /** The open message left the list: back to it (its neighbour focused) or on, as the user chose. */
  const leaveOpen = (removed: Set<number>) => {
    if (openUid === null || (!removed.has(openUid) && removed.size > 0)) return;
    const rowRef = (i: number) => {
      const row = rowAt(i);
      return row ? { uid: row.uid, uids: rowUids(row) } : undefined;
    };
    const next = afterRemoval(afterAction, indexOf(openUid), rowRef, removed);
    if (next.kind === 'open') return list.onOpen(next.uid);
    store().setCursor(mailbox, next.cursor);
    list.onClose();
    // After the rows have gone and the reader has closed: the neighbour, scrolled to and focused.
    requestAnimationFrame(() => requestAnimationFrame(() => list.focusRow(next.cursor, true)));
  };
  const moveOnFrom = (removed: Set<number>) => () => leaveOpen(removed);
  const leaveRef = useRef(leaveOpen);
  leaveRef.current = leaveOpen;
  useEffect(
    () => useOpenMessageExit.getState().register(mailbox, (removed) => leaveRef.current(removed)),
    [mailbox],
  );

  const run = async (action: ToolbarAction, explicit?: Target) => {
    const current = explicit ?? currentTarget();
    if (!current) return;
    const { target } = current;
    const options = { count: current.count, onRemoved: moveOnFrom(current.uids) };
    if (action === 'delete' && actions.isTrash) {
      const ok = await ask({
        title: t('actions.confirmDeleteForever.title', { count: current.count }),
        text: t('actions.confirmDeleteForever.text', { count: current.count }),
        confirmLabel: t('actions.deleteForever'),
        cancelLabel: t('actions.cancel'),
      });
      if (!ok) return;
    }
    if (action === 'markRead') return actions.markRead(target);
    if (action === 'markUnread') return actions.markUnread(target);
    if (action === 'flag') return actions.flag(target);
    if (action === 'unflag') return actions.unflag(target);
    if (!explicit) store().clearSelection();
    if (action === 'archive') actions.archive(target, options);
    else if (action === 'delete') actions.remove(target, options);
    else if (action === 'junk') actions.junk(target, options);
    else if (action === 'notJunk') actions.notJunk(target, options);
  };

  /** A row's own quick action: that row only, whatever is selected. */
  const runOnRow = (row: MessageRow, action: ToolbarAction) => {
    const uids = rowUids(row);
    return run(action, { target: { uids }, count: uids.length, uids: new Set(uids), row });
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
      text: t('actions.confirmEmpty.text', { folder, count: actions.current?.total ?? list.count }),
      confirmLabel: t('actions.confirmEmpty.confirm'),
      cancelLabel: t('actions.cancel'),
    });
    if (ok) actions.emptyFolder();
  };

  const step = (delta: number) => {
    if (list.count === 0) return;
    const from = openUid !== null ? Math.max(0, indexOf(openUid)) : cursor;
    const next = Math.min(list.count - 1, Math.max(0, from + delta));
    store().setCursor(mailbox, next);
    // With no message open, j/k take the focus into the list even from the folder just clicked:
    // Enter then opens the row under the cursor, not that folder's link again.
    list.focusRow(next, openUid === null);
    const row = rowAt(next);
    if (openUid !== null && row) list.onOpen(row.uid);
  };

  const composeFrom = (mode: 'reply' | 'replyAll' | 'forward') => () => {
    const uid = openUid ?? rowAt(cursor)?.uid;
    if (uid) requestCompose({ mode, mailbox, uid });
  };

  useMailShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    open: () => {
      const row = rowAt(cursor);
      if (row) list.onOpen(row.uid);
    },
    back: () => {
      if (openUid === null) return;
      const at = indexOf(openUid);
      if (at >= 0) store().setCursor(mailbox, at);
      list.onClose();
      requestAnimationFrame(() => list.focusRow(Math.max(0, at)));
    },
    archive: () => {
      if (!actions.isTrash && !actions.isJunk) void run('archive');
    },
    delete: () => void run('delete'),
    flag: () => {
      const current = currentTarget();
      if (current) void run(current.row?.flags.flagged ? 'unflag' : 'flag');
    },
    select: () => {
      const row = rowAt(cursor);
      if (row) store().toggleSelected(mailbox, row.uid);
    },
    reply: composeFrom('reply'),
    replyAll: composeFrom('replyAll'),
    forward: composeFrom('forward'),
    search: focusSearch,
    help: () => useShortcutsStore.getState().setShortcutsOpen(true),
    clear: () => store().clearSelection(),
  });

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

  return {
    actions,
    dialog,
    run,
    runOnRow,
    moveSelection,
    emptyFolder,
    toggles,
    allInFolder,
    selectedUids,
    selectedCount,
    selectionTarget,
  };
}
