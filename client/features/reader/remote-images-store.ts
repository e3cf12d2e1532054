import { create } from 'zustand';

/** Messages for which the user clicked "show remote images" in this tab (never saved). */
interface RemoteImagesState {
  remoteAllowed: Record<string, true>;
  allowRemote: (messageKey: string) => void;
  /** A new user starts with every message's remote images blocked again. */
  reset: () => void;
}

export const useRemoteImagesStore = create<RemoteImagesState>((set) => ({
  remoteAllowed: {},
  allowRemote: (messageKey) => set((s) => ({ remoteAllowed: { ...s.remoteAllowed, [messageKey]: true } })),
  reset: () => set({ remoteAllowed: {} }),
}));
