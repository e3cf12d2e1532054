import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MessageFlags } from '../../common/contract';
import { foldForSearch } from '../mail/search-match';
import { FTS_COLUMNS } from './fts-query';
import type { IndexedMessage } from './index-document';
import type { FolderState, IndexEngine, IndexRow, SortKey, UserIndex } from './user-index';

/**
 * The embedded index: one SQLite file per user under DATA_DIR/index, named by a hash of the
 * address (no address in a file name), readable by the proxy's user only. One file per user makes
 * "deleted with the account" a file deletion, and keeps one user's rebuild from locking another's.
 * The FTS5 table is contentless (the folded text is only tokenised, never kept twice); the
 * decoded text is kept once, for the rules' check and the previews.
 *
 * A message's id (the FTS rowid) grows with its list date: the second, then the UID
 * (dateId). FTS5 walks its matches in rowid order and stops at the LIMIT, so a common phrase's
 * newest page costs what a page costs, not what all its matches cost. Within one second the
 * order is by UID (the scanning search orders such ties by folder first).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS folder (
  path TEXT PRIMARY KEY,
  uid_validity TEXT NOT NULL,
  highest_modseq TEXT,
  uid_next INTEGER NOT NULL DEFAULT 0,
  messages INTEGER NOT NULL DEFAULT 0,
  complete INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS message (
  id INTEGER PRIMARY KEY,
  folder TEXT NOT NULL,
  uid INTEGER NOT NULL,
  date_ms INTEGER NOT NULL,
  seen INTEGER NOT NULL,
  flagged INTEGER NOT NULL,
  answered INTEGER NOT NULL,
  draft INTEGER NOT NULL,
  has_attachments INTEGER NOT NULL,
  size INTEGER NOT NULL,
  sort_from TEXT NOT NULL,
  sort_subject TEXT NOT NULL,
  hit TEXT NOT NULL,
  sender TEXT NOT NULL,
  recipients TEXT NOT NULL,
  subject TEXT NOT NULL,
  names TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (folder, uid)
);
CREATE INDEX IF NOT EXISTS message_by_date ON message (date_ms DESC, folder, uid DESC);
CREATE INDEX IF NOT EXISTS message_by_folder_date ON message (folder, date_ms, uid);
CREATE INDEX IF NOT EXISTS message_by_folder_from ON message (folder, sort_from, uid);
CREATE INDEX IF NOT EXISTS message_by_folder_subject ON message (folder, sort_subject, uid);
CREATE INDEX IF NOT EXISTS message_by_folder_size ON message (folder, size, uid);
CREATE VIRTUAL TABLE IF NOT EXISTS message_text USING fts5(
  ${FTS_COLUMNS.join(', ')},
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
`;

interface MessageRecord {
  id: number;
  folder: string;
  uid: number;
  date_ms: number;
  seen: number;
  flagged: number;
  answered: number;
  draft: number;
  has_attachments: number;
  size: number;
  hit: string;
  sender: string;
  recipients: string;
  subject: string;
  names: string;
  body: string;
}

const SORT_COLUMNS: Record<SortKey, string> = {
  date: 'date_ms',
  from: 'sort_from',
  subject: 'sort_subject',
  size: 'size',
};

export const indexFileName = (email: string) =>
  `${createHash('sha256').update(email.normalize('NFC').toLowerCase()).digest('hex')}.sqlite`;

export function createSqliteIndexEngine(dir: string): IndexEngine {
  const open = new Map<string, UserIndex>();
  const fileOf = (email: string) => path.join(dir, indexFileName(email));
  return {
    open(email) {
      const file = fileOf(email);
      let index = open.get(file);
      if (!index) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        index = openSqliteIndex(file);
        open.set(file, index);
      }
      return index;
    },
    async forget(email) {
      const file = fileOf(email);
      open.get(file)?.close();
      open.delete(file);
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    },
    closeAll() {
      for (const index of open.values()) index.close();
      open.clear();
    },
  };
}

export function openSqliteIndex(file: string): UserIndex {
  const db = new Database(file);
  if (file !== ':memory:') chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);

  const insertMessage =
    db.prepare(`INSERT INTO message (id, folder, uid, date_ms, seen, flagged, answered, draft,
      has_attachments, size, sort_from, sort_subject, hit, sender, recipients, subject, names, body)
    VALUES (@id, @folder, @uid, @dateMs, @seen, @flagged, @answered, @draft, @hasAttachments, @size, @sortFrom,
      @sortSubject, @hit, @sender, @recipients, @subject, @names, @body)
    ON CONFLICT (folder, uid) DO NOTHING RETURNING id`);
  const idTaken = db.prepare('SELECT 1 FROM message WHERE id = ?').pluck();
  const insertText = db.prepare(
    `INSERT INTO message_text (rowid, ${FTS_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const idOf = db.prepare('SELECT id FROM message WHERE folder = ? AND uid = ?').pluck();
  const deleteText = db.prepare('DELETE FROM message_text WHERE rowid = ?');
  const deleteMessage = db.prepare('DELETE FROM message WHERE id = ?');
  const updateFlags = db.prepare(
    'UPDATE message SET seen = ?, flagged = ?, answered = ?, draft = ? WHERE folder = ? AND uid = ?',
  );
  const toState = (r: Record<string, unknown>): FolderState => ({
    path: String(r.path),
    uidValidity: String(r.uid_validity),
    highestModseq: (r.highest_modseq as string | null) ?? null,
    uidNext: Number(r.uid_next),
    messages: Number(r.messages),
    complete: r.complete === 1,
  });

  const removeUids = db.transaction((folder: string, uids: number[]) => {
    for (const uid of uids) {
      const id = idOf.get(folder, uid) as number | undefined;
      if (id === undefined) continue;
      deleteText.run(id);
      deleteMessage.run(id);
    }
  });
  const resetFolder = db.transaction((folder: string, uidValidity: string) => {
    const ids = db.prepare('SELECT id FROM message WHERE folder = ?').pluck().all(folder) as number[];
    for (const id of ids) deleteText.run(id);
    db.prepare('DELETE FROM message WHERE folder = ?').run(folder);
    db.prepare('DELETE FROM folder WHERE path = ?').run(folder);
    db.prepare(
      'INSERT INTO folder (path, uid_validity, highest_modseq, uid_next, messages, complete) VALUES (?, ?, NULL, 0, 0, 0)',
    ).run(folder, uidValidity);
  });
  const put = db.transaction((folder: string, messages: IndexedMessage[]) => {
    for (const m of messages) {
      const { flags, ...hit } = m.hit;
      let id = dateId(m.dateMs, m.uid);
      while (idTaken.get(id)) id++;
      const row = insertMessage.get({
        id,
        folder,
        uid: m.uid,
        dateMs: m.dateMs,
        seen: Number(flags.seen),
        flagged: Number(flags.flagged),
        answered: Number(flags.answered),
        draft: Number(flags.draft),
        hasAttachments: Number(m.hasAttachments),
        size: m.size,
        sortFrom: m.sortFrom,
        sortSubject: m.sortSubject,
        hit: JSON.stringify(hit),
        sender: m.sender,
        recipients: m.recipients,
        subject: m.subject,
        names: m.names,
        body: m.bodyText,
      }) as { id: number } | undefined;
      if (!row) continue;
      insertText.run(row.id, m.sender, m.recipients, m.subject, m.names, foldForSearch(m.bodyText));
    }
  });
  const setFlags = db.transaction((folder: string, changes: { uid: number; flags: MessageFlags }[]) => {
    for (const { uid, flags } of changes)
      updateFlags.run(
        Number(flags.seen),
        Number(flags.flagged),
        Number(flags.answered),
        Number(flags.draft),
        folder,
        uid,
      );
  });

  return {
    async folders() {
      return (db.prepare('SELECT * FROM folder ORDER BY path').all() as Record<string, unknown>[]).map(
        toState,
      );
    },
    async folder(folder) {
      const row = db.prepare('SELECT * FROM folder WHERE path = ?').get(folder) as
        | Record<string, unknown>
        | undefined;
      return row ? toState(row) : null;
    },
    async resetFolder(folder, uidValidity) {
      resetFolder(folder, uidValidity);
    },
    async saveFolder(s) {
      db.prepare(`INSERT INTO folder (path, uid_validity, highest_modseq, uid_next, messages, complete)
          VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT (path) DO UPDATE SET uid_validity = excluded.uid_validity,
            highest_modseq = excluded.highest_modseq, uid_next = excluded.uid_next,
            messages = excluded.messages, complete = excluded.complete`).run(
        s.path,
        s.uidValidity,
        s.highestModseq,
        s.uidNext,
        s.messages,
        Number(s.complete),
      );
    },
    async dropFolder(folder) {
      resetFolder(folder, '');
      db.prepare('DELETE FROM folder WHERE path = ?').run(folder);
    },
    async uids(folder) {
      return db
        .prepare('SELECT uid FROM message WHERE folder = ? ORDER BY uid')
        .pluck()
        .all(folder) as number[];
    },
    async put(folder, messages) {
      put(folder, messages);
    },
    async remove(folder, uids) {
      removeUids(folder, uids);
    },
    async setFlags(folder, changes) {
      setFlags(folder, changes);
    },
    async candidates(q) {
      if (q.folders.length === 0) return [];
      const where = [`folder IN (${q.folders.map(() => '?').join(', ')})`];
      const params: unknown[] = [...q.folders];
      if (q.match !== null) {
        where.unshift('message_text MATCH ?');
        params.unshift(q.match);
      }
      if (q.unread) where.push('seen = 0');
      if (q.hasAttachment) where.push('has_attachments = 1');
      if (q.fromMs !== null) {
        where.push('date_ms >= ?');
        params.push(q.fromMs);
      }
      if (q.beforeMs !== null) {
        where.push('date_ms < ?');
        params.push(q.beforeMs);
      }
      const sql =
        q.match === null
          ? `SELECT * FROM message WHERE ${where.join(' AND ')}
             ORDER BY date_ms DESC, folder, uid DESC LIMIT ? OFFSET ?`
          : `SELECT message.* FROM message_text JOIN message ON message.id = message_text.rowid
             WHERE ${where.join(' AND ')} ORDER BY message_text.rowid DESC LIMIT ? OFFSET ?`;
      const rows = db.prepare(sql).all(...params, q.limit, q.offset) as MessageRecord[];
      return rows.map(toRow);
    },
    async sortedUids(folder, key, descending, offset, limit) {
      const direction = descending ? 'DESC' : 'ASC';
      return db
        .prepare(
          `SELECT uid FROM message WHERE folder = ?
           ORDER BY ${SORT_COLUMNS[key]} ${direction}, uid ${direction} LIMIT ? OFFSET ?`,
        )
        .pluck()
        .all(folder, limit, offset) as number[];
    },
    async bytes() {
      db.pragma('wal_checkpoint(TRUNCATE)');
      return file === ':memory:' ? 0 : statSync(file).size;
    },
    close() {
      if (db.open) db.close();
    },
  };
}

function toRow(r: MessageRecord): IndexRow {
  const hit = JSON.parse(r.hit) as Omit<IndexRow['hit'], 'flags'>;
  const flags = {
    seen: r.seen === 1,
    flagged: r.flagged === 1,
    answered: r.answered === 1,
    draft: r.draft === 1,
  };
  return {
    folder: r.folder,
    uid: r.uid,
    dateMs: r.date_ms,
    seen: flags.seen,
    hasAttachments: r.has_attachments === 1,
    size: r.size,
    hit: { ...hit, flags },
    sender: r.sender,
    recipients: r.recipients,
    subject: r.subject,
    names: r.names,
    bodyText: r.body,
  };
}

/** A rowid that sorts as the list date does: the second in the high bits, the UID in the low 21. */
export function dateId(dateMs: number, uid: number): number {
  return Math.max(0, Math.floor(dateMs / 1000)) * 2 ** 21 + (uid % 2 ** 21);
}
