/**
 * What to do with the next message of an import or a migration, decided without I/O: append it,
 * skip it as a copy of one the folder already holds, skip it as over the per-message cap (Đ7.2b),
 * or stop because it would not fit in what is left of the quota (Đ7.2).
 */
export type AppendDecision = 'append' | 'duplicate' | 'too_large' | 'quota_full';

export interface CandidateMessage {
  /** Message-ID with brackets, or ''. */
  messageId: string;
  /** The INTERNALDATE it gets (whole seconds). */
  date: Date;
  /** Whether that date came from the message (envelope or Date header) rather than the clock. */
  dateFromMessage: boolean;
  /** Bytes in CRLF form, as the server counts RFC822.SIZE. */
  size: number;
}

export interface FolderIndex {
  /** Keys of what the folder holds (dedupeKey), grown as messages are appended. */
  keys: Set<string>;
  /** Message-ID and size alone, for messages whose date had to be made up (a rerun makes another). */
  idSizes: Set<string>;
}

export interface QuotaRoom {
  usedBytes: number | null;
  limitBytes: number | null;
}

/** Exact duplicate: same Message-ID, same arrival second, same size. */
export function dedupeKey(m: { messageId: string; date: Date; size: number }): string {
  return `${m.messageId}\n${Math.floor(m.date.getTime() / 1000)}\n${m.size}`;
}

export function idSizeKey(m: { messageId: string; size: number }): string {
  return `${m.messageId}\n${m.size}`;
}

export function emptyFolderIndex(): FolderIndex {
  return { keys: new Set(), idSizes: new Set() };
}

export function remember(index: FolderIndex, m: { messageId: string; date: Date; size: number }): void {
  index.keys.add(dedupeKey(m));
  if (m.messageId) index.idSizes.add(idSizeKey(m));
}

export function appendDecision(
  m: CandidateMessage,
  index: FolderIndex,
  quota: QuotaRoom,
  maxMessageBytes: number,
): AppendDecision {
  if (m.size > maxMessageBytes) return 'too_large';
  if (index.keys.has(dedupeKey(m))) return 'duplicate';
  if (!m.dateFromMessage && m.messageId && index.idSizes.has(idSizeKey(m))) return 'duplicate';
  if (quota.usedBytes !== null && quota.limitBytes !== null && quota.usedBytes + m.size > quota.limitBytes)
    return 'quota_full';
  return 'append';
}
