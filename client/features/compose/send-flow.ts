import type { QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { sendMessage } from '../../api/compose';
import { ApiClientError } from '../../api/http';
import { mailboxKeys, messageKeys } from '../../api/keys';
import { showToast, useToasts } from '../../ui/toast-store';
import { shouldSign } from '../signing/SignToggle';
import { sendSignedMessage } from '../signing/send-signed';
import { useSigningStore } from '../signing/signing-store';
import { getComposeWindow, useComposeStore } from './compose-store';
import { cancelAutosave, settleDraft } from './draft-saver';
import { toOutgoingMessage } from './outgoing';

const countdowns = new Map<string, ReturnType<typeof setTimeout>>();

export interface SendContext {
  queryClient: QueryClient;
  t: TFunction;
}

const titleOf = (subject: string, t: TFunction) => subject.trim() || t('compose.newMessage');

/**
 * "Gửi": the window steps aside for the undo delay, then the message goes. Nothing reaches the
 * proxy before the delay ends, so "Hoàn tác" needs no call to take anything back.
 */
export function startSend(composeId: string, undoSeconds: number, ctx: SendContext) {
  cancelAutosave(composeId);
  const w = getComposeWindow(composeId);
  if (!w) return;
  if (undoSeconds <= 0) {
    void submit(composeId, ctx);
    return;
  }
  const toast = showToast({
    message: ctx.t('compose.countdown', { title: titleOf(w.subject, ctx.t) }),
    action: { label: ctx.t('compose.undo'), run: () => undoSend(composeId) },
    durationMs: undoSeconds * 1000 + 1000,
  });
  useComposeStore.getState().update(composeId, {
    phase: 'countdown',
    sendAt: Date.now() + undoSeconds * 1000,
    countdownToast: toast,
    error: null,
    notice: null,
  });
  countdowns.set(
    composeId,
    setTimeout(() => {
      countdowns.delete(composeId);
      void submit(composeId, ctx);
    }, undoSeconds * 1000),
  );
}

function dismissCountdown(composeId: string) {
  const toast = getComposeWindow(composeId)?.countdownToast;
  if (toast) useToasts.getState().dismiss(toast);
}

/** "Hoàn tác": back to the open window, exactly as it was. */
export function undoSend(composeId: string) {
  const timer = countdowns.get(composeId);
  if (!timer) return;
  clearTimeout(timer);
  countdowns.delete(composeId);
  dismissCountdown(composeId);
  useComposeStore
    .getState()
    .update(composeId, { phase: 'editing', sendAt: null, countdownToast: null, minimised: false });
}

/**
 * The send itself. It carries the window's composeId as its idempotency key: a retry after a lost
 * answer never sends twice. A failure leaves the window open with everything in it, and the
 * draft the proxy kept (its uid in the error) becomes the window's draft.
 */
async function submit(composeId: string, { queryClient, t }: SendContext) {
  const store = useComposeStore.getState();
  dismissCountdown(composeId);
  store.update(composeId, { phase: 'sending', sendAt: null, countdownToast: null });
  await settleDraft(composeId);
  const w = getComposeWindow(composeId);
  if (!w) return;
  try {
    const identity = useSigningStore.getState().identity;
    const result =
      identity && shouldSign(w, true)
        ? await sendSignedMessage(toOutgoingMessage(w), identity)
        : await sendMessage(toOutgoingMessage(w));
    store.remove(composeId);
    if (result.refused.length) {
      showToast({
        message: t('compose.sentRefused', { recipients: result.refused.join(', ') }),
        tone: 'error',
      });
    } else if (!result.sentCopySaved) {
      showToast({ message: t('compose.sentNoCopy'), tone: 'error' });
    } else {
      showToast({ message: t('compose.sent') });
    }
    void queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
    void queryClient.invalidateQueries({ queryKey: messageKeys.lists() });
    if (w.source) {
      void queryClient.invalidateQueries({ queryKey: messageKeys.detail(w.source.mailbox, w.source.uid) });
    }
  } catch (error) {
    const err: { code: string; details: Record<string, string | number> } =
      error instanceof ApiClientError
        ? { code: error.code, details: error.details }
        : { code: 'internal_error', details: {} };
    const draftUid = typeof err.details.draftUid === 'number' ? err.details.draftUid : undefined;
    store.update(composeId, {
      phase: 'editing',
      minimised: false,
      error: err,
      // The proxy stored the message as it was sent: that draft is now this window's.
      ...(draftUid ? { draftUid, savedRevision: w.revision } : {}),
    });
    if (draftUid) void queryClient.invalidateQueries({ queryKey: messageKeys.lists() });
  }
}
