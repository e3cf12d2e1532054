import { create } from 'zustand';

/** The voluntary "change password" dialog, opened from the account menu and the expiry banner. */
interface PasswordDialogState {
  passwordDialogOpen: boolean;
  setPasswordDialogOpen: (open: boolean) => void;
  reset: () => void;
}

export const usePasswordDialogStore = create<PasswordDialogState>((set) => ({
  passwordDialogOpen: false,
  setPasswordDialogOpen: (passwordDialogOpen) => set({ passwordDialogOpen }),
  reset: () => set({ passwordDialogOpen: false }),
}));
