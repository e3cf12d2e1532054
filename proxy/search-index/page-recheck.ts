import type { ImapFlow } from 'imapflow';
import type { SearchHit } from '../../common/contract';
import { withMailbox } from '../mail/mailbox-lock';
import { toFlags } from '../mail/message-mapping';

/**
 * The page against the provider before it is shown: a message deleted or moved by another client
 * since the last sync is dropped, and flags are the server's (an unread-only search drops what was
 * read meanwhile). One FETCH FLAGS per folder on the page.
 */
export async function recheck(
  client: ImapFlow,
  hits: SearchHit[],
  unreadOnly: boolean,
): Promise<SearchHit[]> {
  const byFolder = new Map<string, SearchHit[]>();
  for (const hit of hits) byFolder.set(hit.mailbox, [...(byFolder.get(hit.mailbox) ?? []), hit]);
  const current = new Map<string, ReturnType<typeof toFlags>>();
  for (const [path, list] of byFolder) {
    const fetched = await withMailbox(
      client,
      path,
      () => client.fetchAll(list.map((h) => h.uid).join(','), { uid: true, flags: true }, { uid: true }),
      { readOnly: true },
    ).catch((err: unknown) => {
      // A folder deleted since the index was synced: nothing of it is shown.
      if ((err as { code?: string }).code === 'mailbox_not_found') return [];
      throw err;
    });
    for (const m of fetched) current.set(`${path}\n${m.uid}`, toFlags(m.flags));
  }
  return hits.flatMap((hit) => {
    const flags = current.get(`${hit.mailbox}\n${hit.uid}`);
    if (!flags || (unreadOnly && flags.seen)) return [];
    return [{ ...hit, flags }];
  });
}
