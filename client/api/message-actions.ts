import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ListFilter, MoveResult } from '../../common/contract';
import { mailboxRoutes, messageRoutes } from '../../common/routes/mail';
import { callApi } from './http';
import { patchFlags, removeRows, restoreLists, settleLists, snapshotLists } from './list-cache';

/** The messages an action applies to: listed UIDs, or the whole folder (as filtered). */
export type ActionTarget = { uids: number[] } | { all: true; filter: ListFilter };

const targetBody = (target: ActionTarget) =>
  'uids' in target ? { uids: target.uids } : { all: true as const, filter: target.filter };
const targetSet = (target: ActionTarget): Set<number> | 'all' =>
  'uids' in target ? new Set(target.uids) : 'all';

export interface FlagChange {
  mailbox: string;
  target: ActionTarget;
  seen?: boolean;
  flagged?: boolean;
}

/** Read/unread and flag/unflag, shown at once and undone if the server refuses. */
export function useFlagMessages() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mailbox, target, seen, flagged }: FlagChange) => {
      const add: ('seen' | 'flagged')[] = [];
      const remove: ('seen' | 'flagged')[] = [];
      if (seen !== undefined) (seen ? add : remove).push('seen');
      if (flagged !== undefined) (flagged ? add : remove).push('flagged');
      return callApi(messageRoutes.setFlags, {
        params: { mailbox },
        body: { ...targetBody(target), add, remove },
      });
    },
    onMutate: async ({ mailbox, target, seen, flagged }) => {
      const snapshot = await snapshotLists(queryClient, [mailbox]);
      // "All unread → read" only touches what the filter covers; the rows shown are those anyway.
      patchFlags(queryClient, mailbox, targetSet(target), {
        ...(seen === undefined ? {} : { seen }),
        ...(flagged === undefined ? {} : { flagged }),
      });
      return snapshot;
    },
    onError: (_err, _vars, snapshot) => {
      if (snapshot) restoreLists(queryClient, snapshot);
    },
    onSettled: (_data, _err, { mailbox }) => settleLists(queryClient, [mailbox]),
  });
}

export type MoveKind = 'move' | 'archive' | 'junk' | 'notJunk' | 'delete';

export interface MoveChange {
  mailbox: string;
  target: ActionTarget;
  kind: MoveKind;
  /** For kind 'move': the folder path. */
  destination?: string;
}

const SPECIAL: Partial<Record<MoveKind, 'archive' | 'junk' | 'inbox'>> = {
  archive: 'archive',
  junk: 'junk',
  notJunk: 'inbox',
};

/**
 * Move, archive, junk / not junk and delete: the rows leave the list at once; if the server
 * refuses they come back (and the caller shows why). The result carries the new UIDs for undo.
 */
export function useMoveMessages() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mailbox, target, kind, destination }: MoveChange) => {
      if (kind === 'delete') {
        return callApi(messageRoutes.remove, { params: { mailbox }, body: targetBody(target) });
      }
      const where = kind === 'move' ? { destination } : { special: SPECIAL[kind] };
      return callApi(messageRoutes.move, { params: { mailbox }, body: { ...targetBody(target), ...where } });
    },
    onMutate: async ({ mailbox, target }) => {
      const snapshot = await snapshotLists(queryClient, [mailbox]);
      removeRows(queryClient, mailbox, targetSet(target));
      return snapshot;
    },
    onError: (_err, _vars, snapshot) => {
      if (snapshot) restoreLists(queryClient, snapshot);
    },
    onSettled: (result, _err, { mailbox, destination }) =>
      settleLists(queryClient, [
        mailbox,
        ...(result?.destination ? [result.destination] : destination ? [destination] : []),
      ]),
  });
}

/** "Hoàn tác": the same messages, by the UIDs they got, back where they were. */
export function useUndoMove() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (moved: MoveResult) =>
      callApi(messageRoutes.move, {
        params: { mailbox: moved.destination ?? '' },
        body: { uids: moved.newUids, destination: moved.source },
      }),
    onMutate: async (moved) => {
      if (!moved.destination) return undefined;
      const snapshot = await snapshotLists(queryClient, [moved.destination]);
      removeRows(queryClient, moved.destination, new Set(moved.newUids));
      return snapshot;
    },
    onError: (_err, _vars, snapshot) => {
      if (snapshot) restoreLists(queryClient, snapshot);
    },
    onSettled: (_data, _err, moved) =>
      settleLists(queryClient, [moved.source, ...(moved.destination ? [moved.destination] : [])]),
  });
}

/** "Dọn sạch" Trash or Junk, after the user confirmed. */
export function useEmptyFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mailbox: string) => callApi(mailboxRoutes.empty, { params: { mailbox }, body: {} }),
    onMutate: async (mailbox) => {
      const snapshot = await snapshotLists(queryClient, [mailbox]);
      removeRows(queryClient, mailbox, 'all');
      return snapshot;
    },
    onError: (_err, _vars, snapshot) => {
      if (snapshot) restoreLists(queryClient, snapshot);
    },
    onSettled: (_data, _err, mailbox) => settleLists(queryClient, [mailbox]),
  });
}
