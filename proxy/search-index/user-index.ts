import type { MessageFlags } from '../../common/contract';
import type { IndexedMessage } from './index-document';

/** What the index knows of one folder, to tell whether it is still in step with the provider. */
export interface FolderState {
  path: string;
  uidValidity: string;
  /** CONDSTORE's HIGHESTMODSEQ when the folder was last synced (null: the server has none). */
  highestModseq: string | null;
  uidNext: number;
  messages: number;
  /** Every message the folder had at the last sync is in the index. */
  complete: boolean;
}

/** A message the index offers for a query: the search rules decide, from these fields. */
export interface IndexRow extends Omit<IndexedMessage, 'sortFrom' | 'sortSubject'> {
  folder: string;
}

export interface CandidateQuery {
  folders: string[];
  /** An FTS5 expression (fts-query.ts), or null for every message. */
  match: string | null;
  unread: boolean;
  hasAttachment: boolean;
  /** Bounds on the list date, already widened: the rules check the exact day. */
  fromMs: number | null;
  beforeMs: number | null;
  offset: number;
  limit: number;
}

export type SortKey = 'date' | 'from' | 'subject' | 'size';

/**
 * One user's index. Async so that a PostgreSQL engine can stand behind the same interface; the
 * SQLite one answers synchronously underneath.
 */
export interface UserIndex {
  folders(): Promise<FolderState[]>;
  folder(path: string): Promise<FolderState | null>;
  /** A folder seen for the first time, or with a new UIDVALIDITY: everything it had goes. */
  resetFolder(path: string, uidValidity: string): Promise<void>;
  saveFolder(state: FolderState): Promise<void>;
  dropFolder(path: string): Promise<void>;
  uids(path: string): Promise<number[]>;
  put(path: string, messages: IndexedMessage[]): Promise<void>;
  remove(path: string, uids: number[]): Promise<void>;
  setFlags(path: string, changes: { uid: number; flags: MessageFlags }[]): Promise<void>;
  /** Newest first (list date, then folder, then UID), as the scanning search merges folders. */
  candidates(query: CandidateQuery): Promise<IndexRow[]>;
  /** A page of a folder's UIDs in a sorted view's order. */
  sortedUids(
    path: string,
    key: SortKey,
    descending: boolean,
    offset: number,
    limit: number,
  ): Promise<number[]>;
  /** Bytes on disk (for the measurement in docs/performance.md). */
  bytes(): Promise<number>;
  close(): void;
}

export interface IndexEngine {
  open(email: string): UserIndex;
  /** Đ6.2: the index is a copy of the mail; it goes with the account. */
  forget(email: string): Promise<void>;
  closeAll(): void;
}
