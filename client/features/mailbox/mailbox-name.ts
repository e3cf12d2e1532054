import type { TFunction } from 'i18next';
import type { Mailbox } from '../../../common/contract';

/** Special folders take the name from the user's language; the user's own folders keep theirs. */
export function mailboxLabel(mailbox: Pick<Mailbox, 'specialUse' | 'displayName'>, t: TFunction): string {
  return mailbox.specialUse ? t(`mailbox.special.${mailbox.specialUse}`) : mailbox.displayName;
}

/** Depth in the folder tree, for indentation ("Dự án/Chuyển đổi số" is one level down). */
export function mailboxDepth(mailbox: Pick<Mailbox, 'path' | 'delimiter'>): number {
  return mailbox.delimiter ? mailbox.path.split(mailbox.delimiter).length - 1 : 0;
}
