import type { ImapFlow } from 'imapflow';
import type { AppContext } from '../app-context';
import type { ActiveSession } from '../auth/session-store';
import { ApiError } from '../errors';
import { isOverQuota } from '../mail/imap-errors';
import { withMailbox } from '../mail/mailbox-lock';
import { composeFolder } from '../mail/special-folders';
import { type BuiltMessage, buildMessage, type ParsedOutgoing } from './build-message';
import { senderOf } from './sender';

/**
 * Saves the message as the one draft of its compose window: APPEND the new version, then remove
 * the version it replaces, so the folder never holds two copies and a crash in between loses
 * nothing (the old one is removed only once the new one is stored).
 */
export async function saveDraft(ctx: AppContext, session: ActiveSession, message: ParsedOutgoing) {
  const built = await buildMessage(message, await senderOf(ctx, session.email), {
    uploads: ctx.uploads,
    attachmentMaxBytes: ctx.config.limits.attachmentMaxBytes,
    mailDomain: ctx.config.org.mailDomain,
    forDraft: true,
  });
  return ctx.imap.withClient(session, (client) => replaceDraft(client, built, message.draftUid));
}

export async function replaceDraft(
  client: ImapFlow,
  built: Pick<BuiltMessage, 'raw'>,
  previousUid: number | undefined,
): Promise<{ draftUid: number | null }> {
  const drafts = await composeFolder(client, 'drafts');
  let appended: Awaited<ReturnType<ImapFlow['append']>>;
  try {
    appended = await client.append(drafts, built.raw, ['\\Draft', '\\Seen']);
  } catch (error) {
    if (isOverQuota(error)) throw new ApiError('mailbox_full', undefined, { cause: error });
    throw error;
  }
  if (previousUid) {
    await withMailbox(client, drafts, async () => {
      await client.messageDelete(String(previousUid), { uid: true });
    });
  }
  const uid = appended === false ? undefined : appended.uid;
  return { draftUid: uid ?? null };
}

/** The compose window is thrown away: its draft, if saved, and its uploads. */
export async function discardDraft(
  ctx: Pick<AppContext, 'imap' | 'uploads'>,
  session: ActiveSession,
  composeId: string,
  draftUid: number | undefined,
): Promise<void> {
  if (draftUid) await ctx.imap.withClient(session, (client) => removeDraft(client, draftUid));
  await ctx.uploads.removeAll(session.email, composeId);
}

export async function removeDraft(client: ImapFlow, uid: number): Promise<void> {
  const drafts = await composeFolder(client, 'drafts');
  await withMailbox(client, drafts, async () => {
    await client.messageDelete(String(uid), { uid: true });
  });
}
