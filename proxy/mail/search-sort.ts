import type { ImapFlow, SearchObject } from 'imapflow';
import { sortSearchKeys } from './imap-search-keys';

interface RawCommands {
  exec(
    command: string,
    attributes: unknown[],
    options: { untagged: Record<string, (u: { attributes?: { value?: unknown }[] }) => Promise<void>> },
  ): Promise<{ next: () => void }>;
}

const atom = (value: string) => ({ type: 'ATOM', value });
const SORT_RESPONSE = 'SORT';

/**
 * UIDs of the open folder matching the query, newest first by the date a list shows (the Date
 * header, else arrival: RFC 5256's DATE key). Dovecot keeps this order in its index: 20,000
 * messages take ~60 ms once warm (docs/search.md). UID order is not date order once old mail has
 * been imported or moved in, so it is only the fallback for a server without SORT.
 */
export async function candidatesNewestFirst(client: ImapFlow, query: SearchObject): Promise<number[]> {
  if (!client.capabilities.has('SORT')) {
    const found = await client.search(query, { uid: true });
    return (Array.isArray(found) ? found : []).sort((a, b) => b - a);
  }
  const uids: number[] = [];
  // imapflow has no SORT command: the query becomes IMAP search keys (imap-search-keys.ts), and the
  // command goes through imapflow's queue like any other.
  const response = await (client as unknown as RawCommands).exec(
    'UID SORT',
    [[atom('REVERSE'), atom('DATE')], atom('UTF-8'), ...sortSearchKeys(client, query)],
    {
      untagged: {
        [SORT_RESPONSE]: async (untagged) => {
          for (const a of untagged.attributes ?? []) {
            const uid = Number(a.value);
            if (Number.isInteger(uid) && uid > 0) uids.push(uid);
          }
        },
      },
    },
  );
  response.next();
  return uids;
}
