import { create } from 'zustand';

/** Whether the keyboard shortcuts help is open (the `?` key, the toolbar's help). */
interface ShortcutsState {
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
  reset: () => void;
}

export const useShortcutsStore = create<ShortcutsState>((set) => ({
  shortcutsOpen: false,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  reset: () => set({ shortcutsOpen: false }),
}));
