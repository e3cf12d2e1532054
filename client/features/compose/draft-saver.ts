import { saveDraft } from '../../api/compose';
import { ApiClientError } from '../../api/http';
import { getComposeWindow, useComposeStore } from './compose-store';
import { isBlank, toOutgoingMessage } from './outgoing';

/** A pause in typing this long saves the draft. */
export const AUTOSAVE_DELAY_MS = 3_000;
/** Someone typing without a pause still gets a save this often. */
const AUTOSAVE_MAX_WAIT_MS = 15_000;
const RETRY_MS = 10_000;

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const pendingSince = new Map<string, number>();
const inFlight = new Map<string, Promise<void>>();
/** Bumped by the draft-saved listeners (the Drafts list refreshes). */
const savedListeners = new Set<() => void>();

export function onDraftSaved(listener: () => void): () => void {
  savedListeners.add(listener);
  return () => savedListeners.delete(listener);
}

/** Called on every change: one save per pause in typing, at most one wait of AUTOSAVE_MAX_WAIT_MS. */
export function scheduleAutosave(composeId: string, delay = AUTOSAVE_DELAY_MS) {
  const now = Date.now();
  const since = pendingSince.get(composeId) ?? now;
  pendingSince.set(composeId, since);
  clearTimeout(timers.get(composeId));
  const wait = Math.max(0, Math.min(delay, since + AUTOSAVE_MAX_WAIT_MS - now));
  timers.set(
    composeId,
    setTimeout(() => {
      void saveDraftNow(composeId).catch(() => undefined);
    }, wait),
  );
}

export function cancelAutosave(composeId: string) {
  clearTimeout(timers.get(composeId));
  timers.delete(composeId);
  pendingSince.delete(composeId);
}

/** Resolves once no save of this window is under way (a send then uses the latest draftUid). */
export async function settleDraft(composeId: string) {
  cancelAutosave(composeId);
  while (inFlight.has(composeId)) await inFlight.get(composeId)?.catch(() => undefined);
}

/**
 * Saves the window's draft now if it changed since the last save. Saves of one window run one
 * after the other, each replacing the draft the one before stored, so Drafts holds one copy.
 * Rejects when the proxy could not store it (the window keeps everything and retries).
 */
export async function saveDraftNow(composeId: string, options: { keepalive?: boolean } = {}): Promise<void> {
  cancelAutosave(composeId);
  while (inFlight.has(composeId)) await inFlight.get(composeId)?.catch(() => undefined);
  const w = getComposeWindow(composeId);
  if (!w || w.revision === w.savedRevision || w.phase === 'loading' || w.phase === 'sending') return;
  if (isBlank(w) && !w.draftUid) return;
  const { update } = useComposeStore.getState();
  const revision = w.revision;
  update(composeId, { saving: true });
  const run = saveDraft(toOutgoingMessage(w), options).then(
    (saved) => {
      const now = getComposeWindow(composeId);
      update(composeId, {
        saving: false,
        savedRevision: Math.max(revision, now?.savedRevision ?? 0),
        draftUid: saved.draftUid ?? undefined,
        saveError: null,
      });
      for (const listener of savedListeners) listener();
    },
    (error: unknown) => {
      update(composeId, {
        saving: false,
        saveError: error instanceof ApiClientError ? error.code : 'internal_error',
      });
      // The network may come back: try again without waiting for the next keystroke.
      scheduleAutosave(composeId, RETRY_MS);
      throw error;
    },
  );
  inFlight.set(
    composeId,
    run.catch(() => undefined).finally(() => inFlight.delete(composeId)),
  );
  return run;
}

/** The tab is hidden or closing: every window with unsaved changes goes to Drafts now. */
export function saveAllDrafts(options: { keepalive?: boolean } = {}) {
  for (const w of useComposeStore.getState().windows) {
    if (w.revision !== w.savedRevision) void saveDraftNow(w.composeId, options).catch(() => undefined);
  }
}

/** True while a window still has something no save has stored. */
export function hasUnsavedWork(): boolean {
  return useComposeStore
    .getState()
    .windows.some(
      (w) =>
        (w.revision !== w.savedRevision && !isBlank(w)) ||
        w.attachments.some((a) => a.state === 'uploading') ||
        w.phase === 'countdown' ||
        w.phase === 'sending',
    );
}
