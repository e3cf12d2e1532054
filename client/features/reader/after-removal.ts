import type { AfterMessageAction } from '../../../common/contract';

/** A list row as far as moving on is concerned: its UID and the UIDs an action on it covers. */
export interface RowRef {
  uid: number;
  uids: number[];
}

export type AfterRemoval =
  /** Open this message (the user asked to move on to the next or previous one). */
  | { kind: 'open'; uid: number }
  /** Back to the list, the keyboard cursor on this row (its index once the removed rows are gone). */
  | { kind: 'list'; cursor: number };

/**
 * Where the reader goes when the open message (at `openIndex` in the list) leaves the folder with
 * the messages in `removed`. Back to the list unless the user's setting says otherwise: opening a
 * message marks it read, so nothing is opened that the user did not ask for.
 */
export function afterRemoval(
  setting: AfterMessageAction | undefined,
  openIndex: number,
  rowAt: (index: number) => RowRef | undefined,
  removed: Set<number>,
): AfterRemoval {
  const kept = (i: number) => {
    const row = i >= 0 ? rowAt(i) : undefined;
    return row && !row.uids.some((u) => removed.has(u)) ? row : undefined;
  };
  const order = setting === 'previous' ? [openIndex - 1, openIndex + 1] : [openIndex + 1, openIndex - 1];
  if (setting === 'next' || setting === 'previous') {
    for (const i of order) {
      const row = kept(i);
      if (row) return { kind: 'open', uid: row.uid };
    }
  }
  if (openIndex < 0) return { kind: 'list', cursor: 0 };
  // The neighbour keeps the focus: the row below, else the one above; counted without the rows
  // that leave above it.
  const neighbour = order.find((i) => kept(i) !== undefined) ?? openIndex;
  let gone = 0;
  for (let i = 0; i < neighbour; i++) {
    const row = rowAt(i);
    if (row?.uids.some((u) => removed.has(u))) gone++;
  }
  return { kind: 'list', cursor: Math.max(0, neighbour - gone) };
}
