import { execFileSync } from 'node:child_process';
import {
  chownSync,
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { messageDate, toCrlf } from './mail-fixtures';

export interface MailOwner {
  uid: number;
  gid: number;
}

export function mailOwner(): MailOwner {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'mail'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * Writes messages straight into a Maildir folder, the way a delivery agent does (tmp/, then a
 * rename into cur/), for benchmark volumes that LMTP would take minutes to deliver. Dovecot
 * picks the files up at its next sync:
 *   - S= and W= in the name give the physical and CRLF sizes, so Dovecot never opens a file
 *     just to learn its size (quota, RFC822.SIZE);
 *   - the file's mtime is the INTERNALDATE;
 *   - ":2,FRS" are the IMAP flags (flagged, answered, seen).
 */
export class MaildirWriter {
  private sequence = 0;

  constructor(
    private readonly folderDir: string,
    private readonly owner: MailOwner,
  ) {
    for (const sub of ['', 'cur', 'new', 'tmp']) {
      const dir = join(folderDir, sub);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chownSync(dir, owner.uid, owner.gid);
    }
  }

  write(raw: Buffer, date: Date, maildirFlags: string): void {
    const lfCount = raw.reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 0);
    const seconds = Math.floor(date.getTime() / 1000);
    const unique = `${seconds}.M${(date.getTime() % 1000) * 1000}P${process.pid}Q${this.sequence++}.bp-seed`;
    const name = `${unique},S=${raw.length},W=${raw.length + lfCount}:2,${maildirFlags}`;
    const tmp = join(this.folderDir, 'tmp', unique);
    writeFileSync(tmp, raw, { mode: 0o600 });
    chownSync(tmp, this.owner.uid, this.owner.gid);
    utimesSync(tmp, date, date);
    renameSync(tmp, join(this.folderDir, 'cur', name));
  }
}

/**
 * LMTP has no way to pass an arrival time, so freshly seeded INBOX mail would all share one
 * INTERNALDATE. Setting each file's mtime to its Date header before any client has fetched it
 * (Dovecot caches INTERNALDATE only once asked) gives the demo the arrival times of real mail.
 */
export function backdateArrivalsToDateHeader(folderDir: string): number {
  let changed = 0;
  for (const sub of ['new', 'cur']) {
    const dir = join(folderDir, sub);
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      const head = readHead(file);
      const date = messageDate(head);
      utimesSync(file, date, date);
      changed++;
    }
  }
  return changed;
}

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16_384);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return toCrlf(buffer.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}
