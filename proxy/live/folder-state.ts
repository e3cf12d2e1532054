/**
 * What the watcher remembers of each folder between two looks: enough to tell whether anything a
 * user would see changed. HIGHESTMODSEQ (CONDSTORE, which Dovecot has) moves on every flag change,
 * so a message starred or read elsewhere counts as a change even when the counts stay the same.
 */
export interface FolderState {
  path: string;
  messages: number;
  unseen: number;
  uidNext: number;
  highestModseq: bigint | null;
}

export interface FolderChanges {
  /** Folders whose state differs from the last look (new, removed or re-flagged messages). */
  changed: FolderState[];
  /** A folder appeared or went (created, renamed or deleted in another client). */
  foldersChanged: boolean;
}

export function sameFolderState(a: FolderState | undefined, b: FolderState): boolean {
  return (
    a !== undefined &&
    a.messages === b.messages &&
    a.unseen === b.unseen &&
    a.uidNext === b.uidNext &&
    a.highestModseq === b.highestModseq
  );
}

export function folderChanges(
  before: ReadonlyMap<string, FolderState>,
  after: ReadonlyMap<string, FolderState>,
): FolderChanges {
  const changed: FolderState[] = [];
  let foldersChanged = before.size !== after.size;
  for (const [path, state] of after) {
    const old = before.get(path);
    if (!old) foldersChanged = true;
    else if (!sameFolderState(old, state)) changed.push(state);
  }
  return { changed, foldersChanged };
}
