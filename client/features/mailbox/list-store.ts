import { create } from 'zustand';
import type { ListFilter, ListOrder, ListSort } from '../../../common/contract';

/**
 * Selected rows of the open folder. `all` is "select all in folder": actions then address the
 * whole folder (as filtered) on the server, not only the rows loaded so far.
 */
export interface Selection {
  mailbox: string;
  uids: Record<number, true>;
  /** The row a shift-click extends from. */
  anchor: number | null;
  all: boolean;
}

const NO_SELECTION: Selection = { mailbox: '', uids: {}, anchor: null, all: false };
const DEFAULT_SORT = { sort: 'arrival', order: 'desc' } as const;
const START_CURSOR = { mailbox: '', index: 0 };

/**
 * What the user is doing in the message list, never data from the proxy (that lives in the query
 * cache). The open folder and message live in the URL so that links and the Back button work.
 */
interface ListState {
  /** On a phone only one pane shows; the folder list slides over the message list. */
  foldersOpen: boolean;
  setFoldersOpen: (open: boolean) => void;
  /** How the message list is ordered and filtered (the conversation view is a saved setting). */
  listSort: { sort: ListSort; order: ListOrder };
  listFilter: ListFilter;
  setListSort: (sort: ListSort, order: ListOrder) => void;
  setListFilter: (filter: ListFilter) => void;
  selection: Selection;
  /** Click / Ctrl-click / the row's checkbox: one row in or out of the selection. */
  toggleSelected: (mailbox: string, uid: number) => void;
  /** Shift-click: every row between the anchor and this one (in list order) is selected. */
  selectRange: (mailbox: string, orderedUids: number[], uid: number) => void;
  selectUids: (mailbox: string, uids: number[]) => void;
  selectAllInFolder: (mailbox: string) => void;
  clearSelection: () => void;
  /** The keyboard cursor (j/k) as a position in the list, so that it stays put when rows go. */
  cursor: { mailbox: string; index: number };
  setCursor: (mailbox: string, index: number) => void;
  /** Back to a fresh list when the user changes (log-in, log-out, expiry). */
  reset: () => void;
}

export const useListStore = create<ListState>((set) => ({
  foldersOpen: false,
  setFoldersOpen: (foldersOpen) => set({ foldersOpen }),
  listSort: DEFAULT_SORT,
  listFilter: 'all',
  setListSort: (sort, order) => set({ listSort: { sort, order }, selection: NO_SELECTION }),
  setListFilter: (listFilter) => set({ listFilter, selection: NO_SELECTION }),
  selection: NO_SELECTION,
  toggleSelected: (mailbox, uid) =>
    set((s) => {
      const current = s.selection.mailbox === mailbox && !s.selection.all ? s.selection.uids : {};
      const uids = { ...current };
      if (uids[uid]) delete uids[uid];
      else uids[uid] = true;
      return { selection: { mailbox, uids, anchor: uid, all: false } };
    }),
  selectRange: (mailbox, orderedUids, uid) =>
    set((s) => {
      const anchor = s.selection.mailbox === mailbox ? s.selection.anchor : null;
      const from = anchor === null ? -1 : orderedUids.indexOf(anchor);
      const to = orderedUids.indexOf(uid);
      if (from < 0 || to < 0)
        return { selection: { mailbox, uids: { [uid]: true }, anchor: uid, all: false } };
      const uids: Record<number, true> =
        s.selection.mailbox === mailbox && !s.selection.all ? { ...s.selection.uids } : {};
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) uids[orderedUids[i]!] = true;
      return { selection: { mailbox, uids, anchor, all: false } };
    }),
  selectUids: (mailbox, list) =>
    set({
      selection: { mailbox, uids: Object.fromEntries(list.map((u) => [u, true])), anchor: null, all: false },
    }),
  selectAllInFolder: (mailbox) => set({ selection: { mailbox, uids: {}, anchor: null, all: true } }),
  clearSelection: () => set({ selection: NO_SELECTION }),
  cursor: START_CURSOR,
  setCursor: (mailbox, index) => set({ cursor: { mailbox, index: Math.max(0, index) } }),
  reset: () =>
    set({
      foldersOpen: false,
      listSort: DEFAULT_SORT,
      listFilter: 'all',
      selection: NO_SELECTION,
      cursor: START_CURSOR,
    }),
}));
