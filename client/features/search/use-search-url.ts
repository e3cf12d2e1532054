import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { parseMailPath } from '../mailbox/routes';
import { useSearchStore } from './search-store';
import { sameSearch, searchFromQuery, searchToQuery } from './search-url';

/**
 * Keeps the running search and the URL's query string together. The URL leads when the page
 * loads and on Back/Forward (popstate: the store follows, nothing is pushed); the store leads when
 * the user searches or ends a search (a new history entry) or opens a hit (the new URL gets the
 * search written into it, in place), so every entry of the history carries the search it showed.
 */
export function useSearchUrl(): void {
  const [path, navigate] = useLocation();
  const active = useSearchStore((s) => s.active);
  const previous = useRef(active);

  useEffect(() => {
    const follow = () => {
      const wanted = searchFromQuery(window.location.search);
      const store = useSearchStore.getState();
      if (sameSearch(wanted, store.active)) return;
      previous.current = wanted;
      if (wanted) store.run(wanted);
      else store.clear();
    };
    follow();
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);

  const previousPath = useRef(path);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the search changes, reading the store's latest value
  useEffect(() => {
    // The store as it is now: a popstate or the first load may have changed it in this commit.
    const current = useSearchStore.getState().active;
    const query = searchToQuery(current);
    const userChanged = !sameSearch(previous.current, current);
    previous.current = current;
    const from = parseMailPath(previousPath.current);
    const to = parseMailPath(path);
    previousPath.current = path;
    if (window.location.search === query) return;
    // Another folder chosen from the folder list ends the search (SearchResultsOr): not carried.
    if (!userChanged && to && to.uid === null && from?.mailbox !== to.mailbox) return;
    navigate(`${window.location.pathname}${query}`, { replace: !userChanged });
  }, [active, path, navigate]);
}
