import { create } from 'zustand';
import type { ComposeMode } from '../../../common/contract';

/**
 * The compose windows the user has open: what they are writing, as UI state. After each autosave
 * the draft in the IMAP Drafts folder is the truth; this store only holds the unsaved edge.
 * This file is in the first bundle (the compose button, the reader's reply buttons and the r/a/f
 * keys open windows), so it imports nothing of the editor.
 */
export interface RecipientChip {
  key: string;
  name?: string;
  address: string;
  valid: boolean;
}
export type RecipientField = 'to' | 'cc' | 'bcc';

export interface AttachmentItem {
  key: string;
  filename: string;
  size: number;
  contentType: string;
  /** The upload store's id once the proxy has the whole file. */
  uploadId: string | null;
  state: 'uploading' | 'done' | 'failed';
  /** Bytes sent so far, for the progress bar. */
  loaded: number;
  error?: ComposeError;
}

export interface ComposeError {
  code: string;
  details: Record<string, string | number>;
}

export interface ComposeSource {
  mode: ComposeMode;
  mailbox: string;
  uid: number;
}

export type ComposePhase =
  /** Fetching the prefill (reply, forward, draft). */
  | 'loading'
  | 'editing'
  /** "Đang gửi… Hoàn tác": the undo-send delay. */
  | 'countdown'
  | 'sending'
  /** Saving before the window closes. */
  | 'closing';

export interface ComposeWindow {
  /** A UUID made when the window opens: names its uploads and draft, and keys its send. */
  composeId: string;
  source: ComposeSource | null;
  phase: ComposePhase;
  minimised: boolean;
  to: RecipientChip[];
  cc: RecipientChip[];
  bcc: RecipientChip[];
  showCcBcc: boolean;
  subject: string;
  /** Plain-text mode: `text` is the body and no HTML is sent. */
  plain: boolean;
  /** "Ký số" (Đ14.2h): false when the user turned signing off; unset means the default (on). */
  sign?: boolean;
  /** The editor's HTML (rich mode); where a newly mounted editor starts. */
  html: string;
  /** The body as text: what the user typed in plain mode, the editor's text otherwise. */
  text: string;
  /** Changed when `html` is replaced from outside the editor (prefill, mode switch): remounts it. */
  editorKey: number;
  attachments: AttachmentItem[];
  inReplyTo?: string;
  references?: string[];
  draftUid?: number;
  /** A reply to a doubtful sender (Reply-To elsewhere, outside, look-alike): show where it goes. */
  replyCaution?: boolean;
  /** Bumped on every change by the user; the autosave compares it with `savedRevision`. */
  revision: number;
  savedRevision: number;
  saving: boolean;
  /** Why the last autosave failed (an error code), until one succeeds. */
  saveError: string | null;
  error: ComposeError | null;
  /** A note that is no failure of the message: a file refused over the cap, a save that failed. */
  notice: ComposeError | null;
  /** When the undo-send delay ends (ms since epoch). */
  sendAt: number | null;
  /** The "Đang gửi… Hoàn tác" toast of the undo delay. */
  countdownToast: number | null;
}

interface ComposeState {
  /** Whose windows these are: another user signing in at the same desk starts with none. */
  owner: string | null;
  setOwner: (email: string) => void;
  windows: ComposeWindow[];
  /** Opens a window (or brings back the one already editing that draft); returns its composeId. */
  open: (source?: ComposeSource | null) => string;
  update: (composeId: string, patch: Partial<ComposeWindow>) => void;
  /** A change by the user: applied and counted for the autosave. */
  edit: (composeId: string, patch: Partial<ComposeWindow>) => void;
  editWith: (composeId: string, change: (w: ComposeWindow) => Partial<ComposeWindow>) => void;
  setMinimised: (composeId: string, minimised: boolean) => void;
  remove: (composeId: string) => void;
  reset: () => void;
}

export function newComposeId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID exists only in secure contexts; an intranet deployment may be plain http.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function blankWindow(source: ComposeSource | null): ComposeWindow {
  return {
    composeId: newComposeId(),
    source,
    phase: 'loading',
    minimised: false,
    to: [],
    cc: [],
    bcc: [],
    showCcBcc: false,
    subject: '',
    plain: false,
    html: '',
    text: '',
    editorKey: 0,
    attachments: [],
    revision: 0,
    savedRevision: 0,
    saving: false,
    saveError: null,
    error: null,
    notice: null,
    sendAt: null,
    countdownToast: null,
  };
}

const patchWindow = (
  windows: ComposeWindow[],
  composeId: string,
  change: (w: ComposeWindow) => Partial<ComposeWindow>,
) => windows.map((w) => (w.composeId === composeId ? { ...w, ...change(w) } : w));

export const useComposeStore = create<ComposeState>((set, get) => ({
  owner: null,
  setOwner: (email) => {
    if (get().owner !== email) set({ owner: email, windows: [] });
  },
  windows: [],
  open: (source = null) => {
    if (source?.mode === 'draft') {
      const existing = get().windows.find(
        (w) =>
          (w.source?.mode === 'draft' &&
            w.source.mailbox === source.mailbox &&
            w.source.uid === source.uid) ||
          (w.draftUid === source.uid && w.draftUid !== undefined),
      );
      if (existing) {
        set((s) => ({ windows: patchWindow(s.windows, existing.composeId, () => ({ minimised: false })) }));
        return existing.composeId;
      }
    }
    const window = blankWindow(source);
    set((s) => ({ windows: [...s.windows, window] }));
    return window.composeId;
  },
  update: (composeId, patch) => set((s) => ({ windows: patchWindow(s.windows, composeId, () => patch) })),
  edit: (composeId, patch) =>
    set((s) => ({
      windows: patchWindow(s.windows, composeId, (w) => ({ ...patch, revision: w.revision + 1 })),
    })),
  editWith: (composeId, change) =>
    set((s) => ({
      windows: patchWindow(s.windows, composeId, (w) => ({ ...change(w), revision: w.revision + 1 })),
    })),
  setMinimised: (composeId, minimised) =>
    set((s) => ({ windows: patchWindow(s.windows, composeId, () => ({ minimised })) })),
  remove: (composeId) => set((s) => ({ windows: s.windows.filter((w) => w.composeId !== composeId) })),
  reset: () => set({ windows: [] }),
}));

export const getComposeWindow = (composeId: string) =>
  useComposeStore.getState().windows.find((w) => w.composeId === composeId);

/** What the list's r/a/f keys dispatch: `window.dispatchEvent(new CustomEvent(COMPOSE_EVENT, …))`. */
export const COMPOSE_EVENT = 'webmail:compose';
export interface ComposeEventDetail {
  mode: 'reply' | 'replyAll' | 'forward';
  mailbox: string;
  uid: number;
}
