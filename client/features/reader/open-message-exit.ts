import { create } from 'zustand';

type Leave = (removed: Set<number>) => void;

/**
 * The message list knows the order of its rows, the reader does not: the list registers how to
 * leave the open message (back to the list, or on to a neighbour, as the user's setting says) and
 * the reader's toolbar calls it when it archives, moves or deletes that message.
 */
interface OpenMessageExit {
  mailbox: string | null;
  leave: Leave | null;
  register: (mailbox: string, leave: Leave) => () => void;
}

export const useOpenMessageExit = create<OpenMessageExit>((set, get) => ({
  mailbox: null,
  leave: null,
  register: (mailbox, leave) => {
    set({ mailbox, leave });
    return () => {
      if (get().leave === leave) set({ mailbox: null, leave: null });
    };
  },
}));

/** Leaves the open message through the list when it shows this folder, else simply goes back. */
export function leaveOpenMessage(mailbox: string, removed: Set<number>, back: () => void): void {
  const { mailbox: listed, leave } = useOpenMessageExit.getState();
  if (leave && listed === mailbox) leave(removed);
  else back();
}
