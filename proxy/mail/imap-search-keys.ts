import type { ImapFlow, SearchObject } from 'imapflow';
// Not imapflow's documented API: see below why, and imap-search-keys.test.ts for what is relied on.
import { type SearchAttribute, searchCompiler } from 'imapflow/lib/search-compiler.js';

export type { SearchAttribute };

/**
 * A search query as the IMAP search keys that follow `UID SORT (…) UTF-8`. imapflow compiles a
 * SearchObject only inside client.search(), which sends SEARCH, and has no method for SORT (RFC
 * 5256), whose server-side date order the search needs. Its compiler is reachable as the subpath
 * `imapflow/lib/search-compiler.js`, which package.json exports but the documentation does not
 * promise, so it may change in any release: this is the only file that imports it, and its test
 * pins the keys for the queries the search sends (text, dates, flags, OR) so that an upgrade that
 * changes them fails there first.
 *
 * SEARCH names its charset with `CHARSET UTF-8` before the keys, which the compiler puts first
 * when a value is not ASCII; SORT names it without the keyword, before the keys, so that prefix is
 * dropped here (the caller always sends UTF-8).
 */
export function sortSearchKeys(client: ImapFlow, query: SearchObject): SearchAttribute[] {
  const keys = searchCompiler(client, query);
  const [first, second] = keys;
  const isAtom = (a: SearchAttribute | undefined, value: string) =>
    a !== undefined && !Array.isArray(a) && a.type === 'ATOM' && String(a.value).toUpperCase() === value;
  return isAtom(first, 'CHARSET') && isAtom(second, 'UTF-8') ? keys.slice(2) : keys;
}
