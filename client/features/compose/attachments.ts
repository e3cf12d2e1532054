import { deleteUpload, type UploadHandle, uploadAttachment } from '../../api/compose';
import { ApiClientError } from '../../api/http';
import { type AttachmentItem, getComposeWindow, useComposeStore } from './compose-store';

/**
 * Đ7.2b: at most `limit` bytes of attachments per message, counted as the sum of the files'
 * sizes. Files already refused (failed) do not count; files still uploading do.
 */
export function attachedBytes(attachments: readonly AttachmentItem[]): number {
  return attachments.reduce((sum, a) => (a.state === 'failed' ? sum : sum + a.size), 0);
}

export function wouldExceedCap(attachments: readonly AttachmentItem[], size: number, limit: number): boolean {
  return attachedBytes(attachments) + size > limit;
}

const uploads = new Map<string, UploadHandle>();
let keySeq = 0;

const patchItem = (composeId: string, key: string, patch: Partial<AttachmentItem>, edit = false) => {
  const store = useComposeStore.getState();
  const change = (w: { attachments: AttachmentItem[] }) => ({
    attachments: w.attachments.map((a) => (a.key === key ? { ...a, ...patch } : a)),
  });
  if (edit) store.editWith(composeId, change);
  else {
    const w = getComposeWindow(composeId);
    if (w) store.update(composeId, change(w));
  }
};

/**
 * Attaches files one by one. A file that would take the message over the cap is refused at once,
 * before a byte is sent, with a note that says the limit and what is already attached; the
 * message and its other files stay as they are.
 */
export function attachFiles(composeId: string, files: readonly File[], limit: number) {
  const store = useComposeStore.getState();
  for (const file of files) {
    const w = getComposeWindow(composeId);
    if (!w) return;
    if (wouldExceedCap(w.attachments, file.size, limit)) {
      store.update(composeId, {
        notice: {
          code: 'over_cap',
          details: { name: file.name, size: file.size, limit, total: attachedBytes(w.attachments) },
        },
      });
      continue;
    }
    const key = `a${++keySeq}`;
    const item: AttachmentItem = {
      key,
      filename: file.name,
      size: file.size,
      contentType: file.type || 'application/octet-stream',
      uploadId: null,
      state: 'uploading',
      loaded: 0,
    };
    store.update(composeId, { attachments: [...w.attachments, item], notice: null });
    const handle = uploadAttachment(composeId, file, (loaded) => patchItem(composeId, key, { loaded }));
    uploads.set(key, handle);
    handle.done.then(
      (saved) =>
        patchItem(
          composeId,
          key,
          {
            uploadId: saved.id,
            filename: saved.filename,
            size: saved.size,
            contentType: saved.contentType,
            loaded: saved.size,
            state: 'done',
          },
          true,
        ),
      (error: unknown) => {
        if (error instanceof ApiClientError && error.details.aborted) return;
        patchItem(composeId, key, {
          state: 'failed',
          error:
            error instanceof ApiClientError
              ? { code: error.code, details: error.details }
              : { code: 'internal_error', details: {} },
        });
      },
    );
    handle.done.catch(() => undefined).finally(() => uploads.delete(key));
  }
}

/** Adds files the proxy already holds (a forward's or a reopened draft's attachments). */
export function uploadedItems(
  list: readonly { id: string; filename: string; size: number; contentType: string }[],
) {
  return list.map<AttachmentItem>((a) => ({
    key: `a${++keySeq}`,
    filename: a.filename,
    size: a.size,
    contentType: a.contentType,
    uploadId: a.id,
    state: 'done',
    loaded: a.size,
  }));
}

/** Removes a file before sending: stops its upload, or drops it from the proxy's store. */
export function removeAttachment(composeId: string, key: string) {
  const w = getComposeWindow(composeId);
  const item = w?.attachments.find((a) => a.key === key);
  if (!w || !item) return;
  uploads.get(key)?.abort();
  useComposeStore.getState().editWith(composeId, (cur) => ({
    attachments: cur.attachments.filter((a) => a.key !== key),
    notice: null,
  }));
  if (item.uploadId) void deleteUpload(composeId, item.uploadId).catch(() => undefined);
}

/** Waits for the window's uploads under way (closing saves the draft with them). */
export async function uploadsSettled(composeId: string) {
  const w = getComposeWindow(composeId);
  const pending = (w?.attachments ?? []).flatMap((a) => {
    const h = uploads.get(a.key);
    return h ? [h.done.catch(() => undefined)] : [];
  });
  await Promise.all(pending);
}
