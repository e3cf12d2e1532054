import { describe, expect, it } from 'vitest';
import { threadByReferences } from './thread-references';

const msg = (
  uid: number,
  messageId: string | null,
  inReplyTo: string | null = null,
  references: string[] = [],
) => ({
  uid,
  messageId,
  inReplyTo,
  references,
});
const sorted = (threads: number[][]) =>
  threads.map((t) => [...t].sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);

describe('threadByReferences (servers without THREAD=REFERENCES)', () => {
  it('joins replies to their original through In-Reply-To and References', () => {
    const threads = threadByReferences([
      msg(1, '<goc@ubnd>'),
      msg(2, '<khac@sttt>'),
      msg(3, '<tl1@sttt>', '<goc@ubnd>'),
      msg(4, '<tl2@ubnd>', null, ['<goc@ubnd>', '<tl1@sttt>']),
    ]);
    expect(sorted(threads)).toEqual([[1, 3, 4], [2]]);
  });

  it('joins two replies whose common original is not in this folder', () => {
    const threads = threadByReferences([msg(5, '<a@x>', '<mat@x>'), msg(6, '<b@x>', null, ['<mat@x>'])]);
    expect(sorted(threads)).toEqual([[5, 6]]);
  });

  it('never joins messages without ids, and ignores the case of ids', () => {
    const threads = threadByReferences([
      msg(1, null),
      msg(2, null),
      msg(3, '<X@Y>'),
      msg(4, '<z@y>', '<x@y>'),
    ]);
    expect(sorted(threads)).toEqual([[1], [2], [3, 4]]);
  });

  it('does not join strangers with the same subject', () => {
    expect(sorted(threadByReferences([msg(1, '<a@x>'), msg(2, '<b@x>')]))).toEqual([[1], [2]]);
  });
});
