import { useEffect, useRef } from 'react';

export type ShortcutName =
  | 'next'
  | 'previous'
  | 'open'
  | 'back'
  | 'reply'
  | 'replyAll'
  | 'forward'
  | 'archive'
  | 'delete'
  | 'flag'
  | 'select'
  | 'search'
  | 'help'
  | 'clear';

/** Gmail's keys, which many civil servants already know; the help dialog lists the same table. */
export const SHORTCUT_KEYS: { name: Exclude<ShortcutName, 'clear'>; keys: string[] }[] = [
  { name: 'next', keys: ['j'] },
  { name: 'previous', keys: ['k'] },
  { name: 'open', keys: ['Enter'] },
  { name: 'back', keys: ['u'] },
  { name: 'reply', keys: ['r'] },
  { name: 'replyAll', keys: ['a'] },
  { name: 'forward', keys: ['f'] },
  { name: 'archive', keys: ['e'] },
  { name: 'delete', keys: ['#'] },
  { name: 'flag', keys: ['s'] },
  { name: 'select', keys: ['x'] },
  { name: 'search', keys: ['/'] },
  { name: 'help', keys: ['?'] },
];

const BY_KEY: Record<string, ShortcutName> = {
  ...Object.fromEntries(SHORTCUT_KEYS.flatMap((s) => s.keys.map((k) => [k, s.name]))),
  Escape: 'clear',
};

/** Typing in a field, a dialog open, or a modifier held: the key is not ours. */
function ignored(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return true;
  const target = e.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  if (document.querySelector('[aria-modal="true"]')) return true;
  // Enter on a button or link already does what the button says.
  if (e.key === 'Enter' && target?.closest('button, a, [role="button"]')) return true;
  return false;
}

/**
 * Single-key shortcuts on the whole mail screen. Keys are matched on the character typed (e.key),
 * so "#" and "?" work on any keyboard layout, including Vietnamese ones.
 */
export function useMailShortcuts(handlers: Partial<Record<ShortcutName, () => void>>) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const name = BY_KEY[e.key];
      if (!name || ignored(e)) return;
      const handler = current.current[name];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * r / a / f belong to the compose window (another feature): the list only announces the wish.
 * Compose listens on window for `webmail:compose` with detail `{ mode, mailbox, uid }`, mode being
 * 'reply' | 'replyAll' | 'forward', and opens itself prefilled from that message.
 */
export type ComposeRequest = { mode: 'reply' | 'replyAll' | 'forward'; mailbox: string; uid: number };
export function requestCompose(detail: ComposeRequest): void {
  window.dispatchEvent(new CustomEvent<ComposeRequest>('webmail:compose', { detail }));
}

/** "/" goes to the search box that the search feature renders (id `search-input`), if there is one. */
export function focusSearch(): void {
  const input = document.getElementById('search-input');
  if (input instanceof HTMLElement) {
    input.focus();
    if (input instanceof HTMLInputElement) input.select();
  }
}
