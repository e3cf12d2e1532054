import type { ImapFlow } from 'imapflow';
import { previewPart } from '../mail/body-structure';
import { withMailbox } from '../mail/mailbox-lock';
import { toFlags } from '../mail/message-mapping';
import { BODY_SCAN_BYTES, HEADER_QUERY } from '../mail/search-scan';
import { fetchTexts } from '../mail/search-texts';
import { indexedMessage } from './index-document';
import type { FolderState, UserIndex } from './user-index';

export interface SyncOptions {
  /** Messages fetched per round (envelope, structure, flags, then the text parts). */
  batch: number;
  /** More new messages than this: stop, the folder stays incomplete (a request's quick sync). */
  maxNew?: number;
  /** Awaited between rounds: the background build yields to the user's own requests here. */
  pause?: () => Promise<void>;
  /** Called after each round with how many messages were added. */
  onAdded?: (count: number) => void;
}

/**
 * Brings one folder of the index in step with the provider, never trusting it blindly:
 * - a new UIDVALIDITY throws the folder's index away and builds it again;
 * - flags changed since the last HIGHESTMODSEQ come with CONDSTORE's CHANGEDSINCE (all flags
 *   are read again where the server has no CONDSTORE);
 * - deletions and moves away are found by comparing UID sets (UID SEARCH ALL), which also finds
 *   what an interrupted build had not reached yet;
 * - new messages are fetched newest first in rounds.
 * Returns whether the folder is complete. The state saved is the one read when the folder was
 * opened, so whatever changes meanwhile is seen by the next sync.
 */
export async function syncFolder(
  client: ImapFlow,
  index: UserIndex,
  path: string,
  options: SyncOptions,
): Promise<boolean> {
  return withMailbox(
    client,
    path,
    async (mailbox) => {
      const uidValidity = String(mailbox.uidValidity);
      let state = await index.folder(path);
      if (!state || state.uidValidity !== uidValidity) {
        await index.resetFolder(path, uidValidity);
        state = await index.folder(path);
      }
      const opened: FolderState = {
        path,
        uidValidity,
        highestModseq: mailbox.highestModseq ? String(mailbox.highestModseq) : null,
        uidNext: mailbox.uidNext,
        messages: mailbox.exists,
        complete: false,
      };
      const known = new Set(await index.uids(path));
      if (known.size > 0 && state && opened.messages !== 0)
        await syncFlags(client, index, path, state, opened);
      const onServer = mailbox.exists > 0 ? await allUids(client) : [];
      const present = new Set(onServer);
      const gone = [...known].filter((uid) => !present.has(uid));
      if (gone.length > 0) await index.remove(path, gone);
      const missing = onServer.filter((uid) => !known.has(uid)).sort((a, b) => b - a);
      if (options.maxNew !== undefined && missing.length > options.maxNew) {
        await index.saveFolder({ ...opened, complete: false });
        return false;
      }
      for (let at = 0; at < missing.length; at += options.batch) {
        const added = await fetchInto(client, index, path, missing.slice(at, at + options.batch));
        options.onAdded?.(added);
        if (at + options.batch < missing.length) await options.pause?.();
      }
      await index.saveFolder({ ...opened, complete: true });
      return true;
    },
    { readOnly: true },
  );
}

async function syncFlags(
  client: ImapFlow,
  index: UserIndex,
  path: string,
  state: FolderState,
  opened: FolderState,
) {
  if (state.highestModseq && opened.highestModseq && state.highestModseq === opened.highestModseq) return;
  const changedSince = state.highestModseq && opened.highestModseq ? BigInt(state.highestModseq) : undefined;
  const changed = await client.fetchAll('1:*', { uid: true, flags: true }, { uid: true, changedSince });
  await index.setFlags(
    path,
    changed.map((m) => ({ uid: m.uid, flags: toFlags(m.flags) })),
  );
}

async function allUids(client: ImapFlow): Promise<number[]> {
  const found = await client.search({ all: true }, { uid: true });
  return Array.isArray(found) ? found : [];
}

async function fetchInto(client: ImapFlow, index: UserIndex, path: string, uids: number[]): Promise<number> {
  const messages = await client.fetchAll(uids.join(','), HEADER_QUERY, { uid: true });
  const wanted = messages.flatMap((m) => {
    const part = previewPart(m.bodyStructure);
    return part ? [{ uid: m.uid, part }] : [];
  });
  const texts = await fetchTexts(client, wanted, BODY_SCAN_BYTES);
  await index.put(
    path,
    messages.map((m) => indexedMessage(m, texts.get(m.uid) ?? '')),
  );
  return messages.length;
}

/** True when the folder's STATUS says nothing changed since the index's last sync. */
export function unchangedSince(
  state: FolderState,
  status: { uidValidity?: bigint | number; uidNext?: number; messages?: number; highestModseq?: bigint },
): boolean {
  return (
    state.complete &&
    String(status.uidValidity) === state.uidValidity &&
    status.uidNext === state.uidNext &&
    status.messages === state.messages &&
    // Without CONDSTORE a flag change cannot be seen here: the page's re-check reads flags anyway.
    (status.highestModseq === undefined || String(status.highestModseq) === state.highestModseq)
  );
}
