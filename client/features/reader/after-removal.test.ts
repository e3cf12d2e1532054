import { describe, expect, it } from 'vitest';
import { afterRemoval, type RowRef } from './after-removal';

/** Rows 0…4 with UIDs 50, 40, 30, 20, 10 (newest first). */
const rows: RowRef[] = [50, 40, 30, 20, 10].map((uid) => ({ uid, uids: [uid] }));
const rowAt = (i: number) => rows[i];

describe('afterRemoval: where the reader goes when the open message leaves', () => {
  it.each([
    [
      'default (unset) goes back to the list, the next row under the cursor',
      undefined,
      2,
      [30],
      { kind: 'list', cursor: 2 },
    ],
    ["'list' on the last row: the row above gets the cursor", 'list', 4, [10], { kind: 'list', cursor: 3 }],
    [
      "'list' with rows above also removed: the cursor counts them out",
      'list',
      2,
      [50, 30],
      { kind: 'list', cursor: 1 },
    ],
    ["'next' opens the row below", 'next', 2, [30], { kind: 'open', uid: 20 }],
    ["'next' on the last row opens the one above", 'next', 4, [10], { kind: 'open', uid: 20 }],
    ["'previous' opens the row above", 'previous', 2, [30], { kind: 'open', uid: 40 }],
    ["'previous' on the first row opens the one below", 'previous', 0, [50], { kind: 'open', uid: 40 }],
    ["'next' skips rows removed with it", 'next', 1, [40, 30], { kind: 'open', uid: 50 }],
    ['the only message: back to an empty list', 'next', 0, [50, 40, 30, 20, 10], { kind: 'list', cursor: 0 }],
    [
      'an open message not in the list (not loaded): the list from the top',
      'list',
      -1,
      [99],
      { kind: 'list', cursor: 0 },
    ],
  ] as const)('%s', (_name, setting, openIndex, removed, expected) => {
    expect(afterRemoval(setting, openIndex, rowAt, new Set(removed))).toEqual(expected);
  });

  it('a conversation row leaves whole: its other messages are not a neighbour', () => {
    const threads: RowRef[] = [
      { uid: 9, uids: [9, 3] },
      { uid: 8, uids: [8] },
    ];
    expect(afterRemoval('next', 1, (i) => threads[i], new Set([8]))).toEqual({ kind: 'open', uid: 9 });
    expect(afterRemoval('next', 0, (i) => threads[i], new Set([9, 3]))).toEqual({ kind: 'open', uid: 8 });
  });
});
