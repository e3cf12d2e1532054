import { describe, expect, it } from 'vitest';
import { foldName, planFolders, type SourceFolder, sourceUse, type TargetFolder } from './folder-plan';

const src = (
  path: string,
  specialUse: string | null = null,
  delimiter = '/',
  selectable = true,
): SourceFolder => ({
  path,
  delimiter,
  specialUse,
  selectable,
});
const NEW: TargetFolder[] = [
  { path: 'INBOX', delimiter: '/', specialUse: null },
  { path: 'Sent', delimiter: '/', specialUse: '\\Sent' },
  { path: 'Drafts', delimiter: '/', specialUse: '\\Drafts' },
  { path: 'Trash', delimiter: '/', specialUse: '\\Trash' },
  { path: 'Junk', delimiter: '/', specialUse: '\\Junk' },
  { path: 'Archive', delimiter: '/', specialUse: '\\Archive' },
];

describe('folder mapping of a migration', () => {
  it('folds Vietnamese names for comparison', () => {
    expect(foldName('  Thư  Đã Gửi ')).toBe('thu da gui');
    expect(foldName('Thư rác'.normalize('NFD'))).toBe('thu rac');
  });

  it('takes the old server’s SPECIAL-USE flag first, then well-known names', () => {
    expect(sourceUse(src('Hộp đi', '\\Sent'))).toBe('sent');
    expect(sourceUse(src('Đã gửi'))).toBe('sent');
    expect(sourceUse(src('Sent Items'))).toBe('sent');
    expect(sourceUse(src('Thư nháp'))).toBe('drafts');
    expect(sourceUse(src('Deleted Items'))).toBe('trash');
    expect(sourceUse(src('Thư rác'))).toBe('junk');
    expect(sourceUse(src('Spam'))).toBe('junk');
    expect(sourceUse(src('Lưu trữ'))).toBe('archive');
    expect(sourceUse(src('inbox'))).toBe('inbox');
    expect(sourceUse(src('Công văn đến'))).toBeNull();
    // Only a top-level folder is read by name: "Dự án/Đã gửi" is the user's own.
    expect(sourceUse(src('Dự án/Đã gửi'))).toBeNull();
  });

  it('maps the old mailbox onto the new one, children following their special parent', () => {
    const plan = planFolders(
      [
        src('INBOX'),
        src('Đã gửi', '\\Sent'),
        src('Thư nháp'),
        src('Thùng rác'),
        src('Lưu trữ'),
        src('Lưu trữ/2024'),
        src('Công văn đến'),
        src('Dự án', null, '/', false),
        src('Dự án/Chuyển đổi số'),
      ],
      NEW,
    );
    expect(plan.map((p) => [p.source, p.target, p.use, p.create])).toEqual([
      ['INBOX', 'INBOX', 'inbox', false],
      ['Đã gửi', 'Sent', 'sent', false],
      ['Thư nháp', 'Drafts', 'drafts', false],
      ['Thùng rác', 'Trash', 'trash', false],
      ['Lưu trữ', 'Archive', 'archive', false],
      ['Lưu trữ/2024', 'Archive/2024', null, true],
      ['Công văn đến', 'Công văn đến', null, true],
      ['Dự án/Chuyển đổi số', 'Dự án/Chuyển đổi số', null, true],
    ]);
  });

  it('drops a Courier-style INBOX prefix and converts the separator', () => {
    const plan = planFolders(
      [src('INBOX', null, '.'), src('INBOX.Sent', null, '.'), src('INBOX.Công văn.Năm 2023/2024', null, '.')],
      NEW,
    );
    expect(plan.map((p) => p.target)).toEqual(['INBOX', 'Sent', 'Công văn/Năm 2023-2024']);
  });

  it('uses the new server’s flagged folder whatever its name, and normalises names to NFC', () => {
    const plan = planFolders(
      [src('Sent'), src('Hồ sơ'.normalize('NFD'))],
      [{ path: 'Thư đã gửi', delimiter: '/', specialUse: '\\Sent' }],
    );
    expect(plan.map((p) => p.target)).toEqual(['Thư đã gửi', 'Hồ sơ'.normalize('NFC')]);
  });
});
