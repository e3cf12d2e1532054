import type { ImapFlow } from 'imapflow';

const FALLBACK = { drafts: 'Drafts', sent: 'Sent' } as const;
const SPECIAL_USE = { drafts: '\\Drafts', sent: '\\Sent' } as const;

/**
 * The user's Drafts or Sent folder as the server marks it (SPECIAL-USE), else by its usual name,
 * created when missing: a draft must have somewhere to go.
 */
export async function specialFolder(client: ImapFlow, use: 'drafts' | 'sent'): Promise<string> {
  const folders = await client.list();
  const marked = folders.find((f) => f.specialUse === SPECIAL_USE[use]);
  if (marked) return marked.path;
  const named = folders.find((f) => f.path.toLowerCase() === FALLBACK[use].toLowerCase());
  if (named) return named.path;
  await client.mailboxCreate(FALLBACK[use]);
  return FALLBACK[use];
}

/** True when the server refused an APPEND because the mailbox is over quota (RFC 5530 OVERQUOTA). */
export function isOverQuota(error: unknown): boolean {
  const e = error as { serverResponseCode?: string; responseText?: string; message?: string };
  return (
    e?.serverResponseCode === 'OVERQUOTA' ||
    /quota/i.test(e?.responseText ?? '') ||
    /OVERQUOTA|quota exceeded/i.test(e?.message ?? '')
  );
}
