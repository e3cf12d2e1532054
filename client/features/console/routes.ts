/** The console lives under /quan-tri/<section>; the mail screen under /thu/… */
export const CONSOLE_BASE = '/quan-tri';

export const consolePath = (section?: string) => (section ? `${CONSOLE_BASE}/${section}` : CONSOLE_BASE);

export function isConsolePath(rawPath: string): boolean {
  return rawPath === CONSOLE_BASE || rawPath.startsWith(`${CONSOLE_BASE}/`);
}

/** The section slug of a console path ("/quan-tri/tai-khoan/x" → "tai-khoan"), or null. */
export function consoleSection(rawPath: string): string | null {
  if (!isConsolePath(rawPath)) return null;
  return rawPath.slice(CONSOLE_BASE.length + 1).split('/')[0] || null;
}
