import { describe, expect, it } from 'vitest';
import { type FolderState, folderChanges } from './folder-state';

const folder = (path: string, over: Partial<FolderState> = {}): FolderState => ({
  path,
  messages: 10,
  unseen: 2,
  uidNext: 11,
  highestModseq: 5n,
  ...over,
});

const states = (...list: FolderState[]) => new Map(list.map((f) => [f.path, f]));

describe('folderChanges', () => {
  const before = states(folder('INBOX'), folder('Lưu trữ'), folder('Dự án/Báo cáo'));

  it('reports nothing when no folder changed', () => {
    expect(
      folderChanges(before, states(folder('INBOX'), folder('Lưu trữ'), folder('Dự án/Báo cáo'))),
    ).toEqual({
      changed: [],
      foldersChanged: false,
    });
  });

  it.each([
    ['a new message', { messages: 11, uidNext: 12 }],
    ['a message read elsewhere', { unseen: 1, highestModseq: 6n }],
    ['a message starred elsewhere (only the modseq moves)', { highestModseq: 6n }],
    ['a message expunged and another delivered', { uidNext: 12 }],
  ])('reports the folder on %s', (_what, change) => {
    const after = states(folder('INBOX'), folder('Lưu trữ', change), folder('Dự án/Báo cáo'));
    const result = folderChanges(before, after);
    expect(result.changed.map((f) => f.path)).toEqual(['Lưu trữ']);
    expect(result.foldersChanged).toBe(false);
  });

  it('reports a created, deleted or renamed folder as a change of the folder set', () => {
    expect(folderChanges(before, states(folder('INBOX'), folder('Lưu trữ'))).foldersChanged).toBe(true);
    expect(
      folderChanges(before, states(folder('INBOX'), folder('Lưu trữ'), folder('Dự án/Báo cáo 2024')))
        .foldersChanged,
    ).toBe(true);
    expect(
      folderChanges(
        before,
        states(folder('INBOX'), folder('Lưu trữ'), folder('Dự án/Báo cáo'), folder('Mới')),
      ).foldersChanged,
    ).toBe(true);
  });
});
