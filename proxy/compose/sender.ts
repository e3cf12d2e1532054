import type { Directory } from '../accounts/directory';
import type { Sender } from './build-message';

/** The From of every message: the logged-in account, named as the directory names it. */
export async function senderOf(ctx: { directory: Directory }, email: string): Promise<Sender> {
  return { address: email.toLowerCase(), name: await ctx.directory.nameOf(email) };
}
