import { create } from 'zustand';
import type { SearchParams } from '../../api/search';

/**
 * The search the user is running, if any: UI state, like the open pane. While it is set the list
 * pane shows its hits instead of the folder, also while one of them is open in the reader.
 */
interface SearchState {
  active: SearchParams | null;
  /** The advanced panel under the search box. */
  panelOpen: boolean;
  run: (params: SearchParams) => void;
  clear: () => void;
  setPanelOpen: (open: boolean) => void;
}

export const useSearchStore = create<SearchState>((set) => ({
  active: null,
  panelOpen: false,
  run: (active) => set({ active, panelOpen: false }),
  clear: () => set({ active: null, panelOpen: false }),
  setPanelOpen: (panelOpen) => set({ panelOpen }),
}));
