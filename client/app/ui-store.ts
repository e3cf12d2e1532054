import { create } from 'zustand';

/**
 * What the user is doing right now, never data from the proxy (that lives in the query cache).
 * The open folder and message live in the URL so that links and the Back button work.
 */
interface UiState {
  /** Messages for which the user clicked "show remote images" in this tab. */
  remoteAllowed: Record<string, true>;
  allowRemote: (messageKey: string) => void;
  /** On a phone only one pane shows; the folder list slides over the message list. */
  foldersOpen: boolean;
  setFoldersOpen: (open: boolean) => void;
  /** The voluntary "change password" dialog (account menu, expiry banner). */
  passwordDialogOpen: boolean;
  setPasswordDialogOpen: (open: boolean) => void;
  /** Back to a fresh state when the user changes (log-in, log-out, expiry). */
  reset: () => void;
}

export const useUiStore = create<UiState>((set) => ({
  remoteAllowed: {},
  allowRemote: (messageKey) => set((s) => ({ remoteAllowed: { ...s.remoteAllowed, [messageKey]: true } })),
  foldersOpen: false,
  setFoldersOpen: (foldersOpen) => set({ foldersOpen }),
  passwordDialogOpen: false,
  setPasswordDialogOpen: (passwordDialogOpen) => set({ passwordDialogOpen }),
  reset: () => set({ remoteAllowed: {}, foldersOpen: false, passwordDialogOpen: false }),
}));
