import { create } from 'zustand';
import type { MailFilter } from '../../../common/contract';

export type SieveTab = 'vacation' | 'filters';

/** The out-of-office and filters dialog: which tab, and a filter being made from a message. */
interface SieveDialogState {
  tab: SieveTab | null;
  /** A new filter prefilled from the open message ("Lọc thư như thế này"), not saved yet. */
  draft: MailFilter | null;
  open: (tab: SieveTab, draft?: MailFilter) => void;
  close: () => void;
  reset: () => void;
}

export const useSieveDialogStore = create<SieveDialogState>((set) => ({
  tab: null,
  draft: null,
  open: (tab, draft) => set({ tab, draft: draft ?? null }),
  close: () => set({ tab: null, draft: null }),
  reset: () => set({ tab: null, draft: null }),
}));
