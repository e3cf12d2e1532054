import { create } from 'zustand';

/** Whether the "Chuyển thư từ máy chủ cũ" dialog is open. */
export const useMigrationDialogStore = create<{ open: boolean; setOpen: (open: boolean) => void }>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
