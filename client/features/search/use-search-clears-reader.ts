import { useEffect, useRef } from 'react';
import { useSearchStore } from './search-store';

/** One pane at a time: the phone layout (the width app/styles.css switches at). */
const PHONE = '(max-width: 640px)';

/**
 * On a phone the reader covers the list, so a search started while a message is open would run
 * out of sight: the reader gives way (`closeReader`) and the hits show. Wider screens show both.
 */
export function useSearchClearsReader(readerOpen: boolean, closeReader: () => void) {
  const active = useSearchStore((s) => s.active);
  const seen = useRef(active);
  const close = useRef(closeReader);
  close.current = closeReader;
  useEffect(() => {
    if (active === seen.current) return;
    seen.current = active;
    if (active && readerOpen && window.matchMedia?.(PHONE).matches) close.current();
  }, [active, readerOpen]);
}
