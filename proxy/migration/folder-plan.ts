/**
 * Where each folder of the old server goes in the new mailbox (Đ8.2d). Pure: the listings of both
 * servers in, the plan out. The old server's SPECIAL-USE flags (RFC 6154) decide first; a server
 * without them is read by the names such folders carry in Vietnamese and English mail programs.
 * A folder under a special one follows it ("Lưu trữ/2024" → "Archive/2024"); every other folder
 * keeps its own name, with the new server's separator.
 */
export type MigrationSpecialUse = 'inbox' | 'sent' | 'drafts' | 'trash' | 'junk' | 'archive';

export interface SourceFolder {
  path: string;
  delimiter: string | null;
  /** Only a flag the old server reported, never a client's guess from the name. */
  specialUse: string | null;
  selectable: boolean;
  messages?: number;
}

export interface TargetFolder {
  path: string;
  delimiter: string | null;
  specialUse: string | null;
}

export interface FolderMapping {
  source: string;
  target: string;
  /** Why the folder lands there: a special-use folder of the new mailbox, or null (same name). */
  use: MigrationSpecialUse | null;
  /** The target folder does not exist yet: the job creates it. */
  create: boolean;
}

const FLAG_USE: Record<string, MigrationSpecialUse> = {
  '\\sent': 'sent',
  '\\drafts': 'drafts',
  '\\trash': 'trash',
  '\\junk': 'junk',
  '\\archive': 'archive',
};

/** Names of special folders in the mail programs civil servants came from, folded (see fold). */
const NAME_USE: Record<string, MigrationSpecialUse> = Object.fromEntries(
  (
    [
      [
        'sent',
        ['sent', 'sent items', 'sent mail', 'sent messages', 'da gui', 'thu da gui', 'hop thu da gui'],
      ],
      ['drafts', ['drafts', 'draft', 'thu nhap', 'ban nhap', 'nhap']],
      [
        'trash',
        ['trash', 'deleted items', 'deleted messages', 'deleted', 'thung rac', 'thu da xoa', 'da xoa'],
      ],
      ['junk', ['junk', 'spam', 'junk e-mail', 'junk email', 'bulk mail', 'thu rac', 'thu spam']],
      ['archive', ['archive', 'archives', 'luu tru', 'thu luu tru']],
    ] as const
  ).flatMap(([use, names]) => names.map((n) => [n, use])),
);

/** Lower case, no tone marks, đ → d, one space: "Thư  Đã Gửi" → "thu da gui". */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The special use of an old folder: its flag, else its (top-level) name. */
export function sourceUse(folder: SourceFolder): MigrationSpecialUse | null {
  if (folder.path.toUpperCase() === 'INBOX') return 'inbox';
  const flagged = folder.specialUse ? FLAG_USE[folder.specialUse.toLowerCase()] : undefined;
  if (flagged) return flagged;
  const segments = segmentsOf(folder);
  return segments.length === 1 ? (NAME_USE[foldName(segments[0]!)] ?? null) : null;
}

/**
 * Courier and Cyrus keep every folder under INBOX ("INBOX.Sent", "INBOX.Công văn"): that prefix
 * is the old server's layout, not part of the user's names.
 */
function segmentsOf(folder: Pick<SourceFolder, 'path' | 'delimiter'>): string[] {
  const parts = folder.delimiter ? folder.path.split(folder.delimiter) : [folder.path];
  if (parts.length > 1 && parts[0]!.toUpperCase() === 'INBOX') parts.shift();
  return parts.map((p) => p.normalize('NFC'));
}

/** The new mailbox's folder for a special use: its flag, else the name Dovecot gives it. */
function targetFor(use: MigrationSpecialUse, targets: TargetFolder[]): string {
  if (use === 'inbox') return 'INBOX';
  const flag = `\\${use}`;
  const flagged = targets.find((t) => t.specialUse?.toLowerCase() === flag);
  if (flagged) return flagged.path;
  return { sent: 'Sent', drafts: 'Drafts', trash: 'Trash', junk: 'Junk', archive: 'Archive' }[use];
}

export function planFolders(sources: SourceFolder[], targets: TargetFolder[]): FolderMapping[] {
  const delimiter = targets.find((t) => t.delimiter)?.delimiter ?? '/';
  const existing = new Set(targets.map((t) => t.path));
  const useOfTop = new Map<string, MigrationSpecialUse>();
  for (const s of sources) {
    const use = sourceUse(s);
    if (use && use !== 'inbox' && segmentsOf(s).length === 1) useOfTop.set(segmentsOf(s)[0]!, use);
  }
  const plan: FolderMapping[] = [];
  for (const s of sources) {
    if (!s.selectable) continue;
    const own = sourceUse(s);
    const segments = segmentsOf(s);
    // The separator of the new server cannot appear inside a name.
    const clean = segments.map((seg) => seg.split(delimiter).join('-'));
    let target: string;
    let use: MigrationSpecialUse | null = null;
    if (own) {
      use = own;
      target = targetFor(own, targets);
    } else {
      const parentUse = segments.length > 1 ? useOfTop.get(segments[0]!) : undefined;
      target = parentUse
        ? [targetFor(parentUse, targets), ...clean.slice(1)].join(delimiter)
        : clean.join(delimiter);
    }
    plan.push({ source: s.path, target, use, create: !existing.has(target) && target !== 'INBOX' });
  }
  return plan;
}
