import { useTranslation } from 'react-i18next';
import type { Mailbox } from '../../../common/contract';
import { useMailboxes } from '../../api/mailboxes';
import {
  type ActionTarget,
  type MoveKind,
  useEmptyFolder,
  useFlagMessages,
  useMoveMessages,
  useUndoMove,
} from '../../api/message-actions';
import { useErrorMessage } from '../../ui/ErrorText';
import { showToast } from '../../ui/toast-store';
import { mailboxLabel } from '../mailbox/mailbox-name';

export interface ActionOptions {
  /** How many messages the target holds, for the toast (the server's count wins when it answers). */
  count: number;
  /** Called at once, before the server answers (to move the reader on to the next message). */
  onRemoved?: () => void;
}

/**
 * Every action on messages, as the user sees it: applied at once, a toast that says what happened
 * (with "Hoàn tác" for move, archive and delete), and the server's refusal shown if it comes.
 */
export function useMessageActions(mailbox: string) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const mailboxes = useMailboxes();
  const flags = useFlagMessages();
  const move = useMoveMessages();
  const undo = useUndoMove();
  const empty = useEmptyFolder();

  const boxes = mailboxes.data ?? [];
  const current: Mailbox | undefined = boxes.find((b) => b.path === mailbox);
  const nameOf = (path: string | null) => {
    const box = boxes.find((b) => b.path === path);
    return box ? mailboxLabel(box, t) : (path ?? '');
  };
  const refused = (err: unknown) =>
    showToast({ tone: 'error', message: t('actions.failed', { reason: errorMessage(err) }) });

  const setFlags = (target: ActionTarget, change: { seen?: boolean; flagged?: boolean }) =>
    flags.mutate({ mailbox, target, ...change }, { onError: refused });

  const moveWith = (kind: MoveKind, target: ActionTarget, options: ActionOptions, destination?: string) => {
    options.onRemoved?.();
    move.mutate(
      { mailbox, target, kind, ...(destination ? { destination } : {}) },
      {
        onError: refused,
        onSuccess: (result) => {
          if (result.count === 0) return;
          const doneKey = result.destination === null ? 'deleteForever' : kind;
          showToast({
            message: t(`actions.done.${doneKey}`, {
              count: result.count,
              folder: nameOf(result.destination),
            }),
            action:
              result.destination && result.newUids.length > 0
                ? {
                    label: t('actions.undo'),
                    run: () =>
                      undo.mutate(result, {
                        onSuccess: () => showToast({ message: t('actions.undone') }),
                        onError: (err) =>
                          showToast({
                            tone: 'error',
                            message: t('actions.undoFailed', { reason: errorMessage(err) }),
                          }),
                      }),
                  }
                : undefined,
          });
        },
      },
    );
  };

  return {
    current,
    isTrash: current?.specialUse === 'trash',
    isJunk: current?.specialUse === 'junk',
    markRead: (target: ActionTarget) => setFlags(target, { seen: true }),
    markUnread: (target: ActionTarget) => setFlags(target, { seen: false }),
    flag: (target: ActionTarget) => setFlags(target, { flagged: true }),
    unflag: (target: ActionTarget) => setFlags(target, { flagged: false }),
    archive: (target: ActionTarget, o: ActionOptions) => moveWith('archive', target, o),
    junk: (target: ActionTarget, o: ActionOptions) => moveWith('junk', target, o),
    notJunk: (target: ActionTarget, o: ActionOptions) => moveWith('notJunk', target, o),
    remove: (target: ActionTarget, o: ActionOptions) => moveWith('delete', target, o),
    moveTo: (destination: string, target: ActionTarget, o: ActionOptions) =>
      moveWith('move', target, o, destination),
    emptyFolder: () =>
      empty.mutate(mailbox, {
        onError: refused,
        onSuccess: (result) =>
          showToast({ message: t('actions.done.emptied', { count: result.count, folder: nameOf(mailbox) }) }),
      }),
    nameOf,
  };
}
