import { type RefObject, useEffect } from 'react';

/**
 * For a panel that is not a modal Dialog (the compose window): what had focus when it appeared
 * gets it back when it goes — unless the user has put focus somewhere else meanwhile. A keyboard
 * user who closes, minimises or sends a message lands where they started, not at the top of the page.
 */
export function useReturnFocus(panel: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const self = panel.current;
    return () => {
      const now = document.activeElement;
      const lost = !now || now === document.body || !now.isConnected || (self?.contains(now) ?? false);
      if (lost && opener && opener !== document.body && opener.isConnected) opener.focus();
    };
  }, [panel]);
}
