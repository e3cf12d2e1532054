/** What the arrow keys walk in a menu panel: its buttons and links that can take focus. */
export function menuItemsOf(panel: HTMLElement | null): HTMLElement[] {
  if (!panel) return [];
  return [...panel.querySelectorAll<HTMLElement>('button, a[href]')].filter(
    // Items a narrow screen hides (signing on a phone) are skipped where the browser can tell.
    (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && (el.checkVisibility?.() ?? true),
  );
}

/** ArrowDown/ArrowUp wrap around, Home/End jump; any other key is not the menu's. */
export function nextMenuItem(items: HTMLElement[], current: Element | null, key: string): HTMLElement | null {
  if (items.length === 0) return null;
  const at = items.indexOf(current as HTMLElement);
  switch (key) {
    case 'ArrowDown':
      return items[(at + 1) % items.length] ?? null;
    case 'ArrowUp':
      return items[at <= 0 ? items.length - 1 : at - 1] ?? null;
    case 'Home':
      return items[0] ?? null;
    case 'End':
      return items[items.length - 1] ?? null;
    default:
      return null;
  }
}
