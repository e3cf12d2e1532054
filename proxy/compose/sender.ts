import type { Directory } from '../accounts/directory';
import type { Sender } from './build-message';

/** The From of every message: the logged-in account, named as the directory names it. */
export function senderOf(ctx: { directory: Directory }, email: string): Sender {
  return { address: email.toLowerCase(), name: ctx.directory.nameOf(email) };
}
