import { create } from 'zustand';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: ToastAction | undefined;
  /** Milliseconds on screen; errors stay longer, so there is time to read them. */
  durationMs: number;
}

interface ToastState {
  toasts: Toast[];
  show: (
    toast: Omit<Toast, 'id' | 'durationMs' | 'tone'> & Partial<Pick<Toast, 'durationMs' | 'tone'>>,
  ) => number;
  dismiss: (id: number) => void;
}

let nextId = 1;

/** Short notices any feature can show ("Đã chuyển 3 thư vào Thùng rác — Hoàn tác"). */
export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  show: (toast) => {
    const id = nextId++;
    const tone = toast.tone ?? 'info';
    const durationMs = toast.durationMs ?? (tone === 'error' ? 10_000 : 7_000);
    // At most three at once: the oldest goes first.
    set((s) => ({ toasts: [...s.toasts.slice(-2), { ...toast, id, tone, durationMs }] }));
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

export const showToast = (toast: Parameters<ToastState['show']>[0]) => useToasts.getState().show(toast);
