import type { ImapFlow } from 'imapflow';
import { LRUCache } from 'lru-cache';

/**
 * The ordered result of a SORT, SEARCH or THREAD for one folder view, kept briefly so that paging
 * through it costs one FETCH per page instead of a new SORT. Entries belong to the user's IMAP
 * connection (so they vanish with it), and are valid only while the folder's state is the same:
 * `validity` holds UIDVALIDITY, UIDNEXT, the message count and HIGHESTMODSEQ (CONDSTORE), so a
 * new message, an expunge or a flag change from any client makes the next page recompute.
 */
export type ViewEntries = { kind: 'uids'; uids: Uint32Array } | { kind: 'threads'; threads: number[][] };

interface Cached {
  validity: string;
  value: unknown;
}

const SEPARATOR = '\u0000';
const caches = new WeakMap<ImapFlow, LRUCache<string, Cached>>();

function cacheFor(client: ImapFlow): LRUCache<string, Cached> {
  let cache = caches.get(client);
  if (!cache) {
    cache = new LRUCache<string, Cached>({ max: 20, ttl: 2 * 60_000 });
    caches.set(client, cache);
  }
  return cache;
}

export function cachedView(
  client: ImapFlow,
  path: string,
  viewKey: string,
  validity: string,
  compute: () => Promise<ViewEntries>,
): Promise<ViewEntries> {
  return cached(client, path, viewKey, validity, compute);
}

/** A yes/no fact about a folder's state, kept like a view (same validity, same invalidation). */
export function cachedCheck(
  client: ImapFlow,
  path: string,
  checkKey: string,
  validity: string,
  compute: () => Promise<boolean>,
): Promise<boolean> {
  return cached(client, path, checkKey, validity, compute);
}

// One entry per folder and key; callers keep their keys apart, so a key always holds one type.
async function cached<T>(
  client: ImapFlow,
  path: string,
  name: string,
  validity: string,
  compute: () => Promise<T>,
): Promise<T> {
  const cache = cacheFor(client);
  const key = `${path}${SEPARATOR}${name}`;
  const hit = cache.get(key);
  if (hit && hit.validity === validity) return hit.value as T;
  const value = await compute();
  cache.set(key, { validity, value });
  return value;
}

/** After an action of ours: the next page of these folders recomputes even if the server's counters lag. */
export function invalidateViews(client: ImapFlow, ...paths: (string | null | undefined)[]): void {
  const cache = caches.get(client);
  if (!cache) return;
  for (const key of [...cache.keys()]) {
    if (paths.some((p) => p && key.startsWith(`${p}${SEPARATOR}`))) cache.delete(key);
  }
}
