import type { ListResponse } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { isOverQuota } from './imap-errors';
import { composeFolderPath, requireFolder, specialFolderPath, specialUseOf } from './special-folders';

type Source = 'extension' | 'name';
const folder = (path: string, specialUse?: string, source: Source = 'extension'): ListResponse =>
  ({
    path,
    name: path,
    delimiter: '/',
    flags: new Set<string>(),
    ...(specialUse ? { specialUse, specialUseSource: source } : {}),
  }) as unknown as ListResponse;

describe('special folders: only the flags the server reports count', () => {
  const folders = [
    folder('INBOX'),
    folder('Thư rác', '\\Junk'),
    folder('Trash', '\\Trash', 'name'),
    folder('Lưu trữ', '\\Archive'),
  ];
  it('finds the flagged folder and ignores a name guess', () => {
    expect(specialFolderPath(folders, 'junk')).toBe('Thư rác');
    expect(specialFolderPath(folders, 'archive')).toBe('Lưu trữ');
    expect(() => specialFolderPath(folders, 'trash')).toThrow(
      expect.objectContaining({ code: 'mailbox_not_found' }),
    );
    expect(specialUseOf(folders, 'Trash')).toBeNull();
    expect(specialUseOf(folders, 'Thư rác')).toBe('junk');
    expect(specialUseOf(folders, 'inbox')).toBe('inbox');
  });
  it('refuses a folder that cannot be selected', () => {
    const parent = { ...folder('Dự án'), flags: new Set(['\\Noselect']) } as unknown as ListResponse;
    expect(() => requireFolder([parent], 'Dự án')).toThrow(
      expect.objectContaining({ code: 'mailbox_not_found' }),
    );
    expect(requireFolder(folders, 'INBOX').path).toBe('INBOX');
  });
});

describe('composeFolderPath: where drafts and sent copies go', () => {
  it('takes the folder the server flags, whatever its name', () => {
    const folders = [folder('Drafts'), folder('Thư nháp', '\\Drafts'), folder('Đã gửi', '\\Sent')];
    expect(composeFolderPath(folders, 'drafts')).toBe('Thư nháp');
    expect(composeFolderPath(folders, 'sent')).toBe('Đã gửi');
  });
  it('never takes a folder imapflow only guessed from its name ("Sent Items" is a user folder here)', () => {
    // A guessed Drafts would lose a user's message to "discard draft", which deletes by UID there.
    const folders = [folder('Sent Items', '\\Sent', 'name'), folder('Bản nháp cũ', '\\Drafts', 'name')];
    expect(composeFolderPath(folders, 'sent')).toBeNull();
    expect(composeFolderPath(folders, 'drafts')).toBeNull();
  });
  it('without a flag, finds again the folder compose creates ("Drafts", "Sent")', () => {
    const folders = [folder('drafts', '\\Drafts', 'name'), folder('Sent', '\\Sent', 'name')];
    expect(composeFolderPath(folders, 'drafts')).toBe('drafts');
    expect(composeFolderPath(folders, 'sent')).toBe('Sent');
  });
});

describe('isOverQuota', () => {
  it('recognises RFC 5530 OVERQUOTA and Dovecot quota text, nothing else', () => {
    expect(isOverQuota({ serverResponseCode: 'OVERQUOTA' })).toBe(true);
    expect(isOverQuota({ responseText: 'Quota exceeded (mailbox for user is full)' })).toBe(true);
    expect(isOverQuota({ serverResponseCode: 'TRYCREATE' })).toBe(false);
    expect(isOverQuota(undefined)).toBe(false);
  });
});
