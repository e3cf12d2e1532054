import { describe, expect, it } from 'vitest';
import { folderPathProblem } from './mailboxes';

describe('a folder path a user types', () => {
  it.each([
    ['Dự án/Chuyển đổi số', null],
    ['Công văn đến', null],
    ['', 'empty'],
    ['Dự án//Con', 'invalid'],
    ['Báo cáo 50%', 'invalid'],
    ['Tất cả*', 'invalid'],
    ['v1.2', 'invalid'],
    ['Dòng\nmới', 'invalid'],
    ['Tab\there', 'invalid'],
    ['DEL\u007f', 'invalid'],
  ] as const)('%j → %s', (path, problem) => {
    expect(folderPathProblem(path)).toBe(problem);
  });
});
