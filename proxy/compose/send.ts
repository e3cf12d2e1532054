import nodemailer from 'nodemailer';
import type { SendResult } from '../../common/contract';
import type { AppContext } from '../app-context';
import type { ActiveSession } from '../auth/session-store';
import { ApiError } from '../errors';
import { isOverQuota } from '../mail/imap-errors';
import { composeFolder } from '../mail/special-folders';
import { type BuiltMessage, buildMessage, type ParsedOutgoing } from './build-message';
import { removeDraft, replaceDraft } from './drafts';
import { senderOf } from './sender';

/**
 * Sends through the provider's SMTP submission with the user's own credentials, then keeps a copy
 * in Sent and removes the draft. Whatever fails before the server accepted the message leaves it
 * as a draft (its uid in the error's details) and can be retried with the same composeId without
 * ever sending twice.
 */
export async function sendMessage(
  ctx: AppContext,
  session: ActiveSession,
  message: ParsedOutgoing,
  ip: string,
  options: SendOptions = {},
): Promise<SendResult> {
  const email = session.email;
  const audit = (outcome: string, details?: Record<string, string | number | boolean>) =>
    ctx.audit.record({ actor: email, email, action: 'send', outcome, ip, details });

  const account = await ctx.accounts.ensure(email);
  if (account.sendingLockedReason !== null) {
    await audit('sending_locked');
    throw new ApiError('sending_locked', { reason: account.sendingLockedReason });
  }
  const recipients = [...message.to, ...message.cc, ...message.bcc];
  if (recipients.length === 0) throw new ApiError('no_recipients');

  const claim = await ctx.sendKeys.claim(email, message.composeId);
  if (claim.state === 'sent') return claim.result;
  if (claim.state === 'busy') throw new ApiError('send_in_progress');
  // The failure itself is the answer: a store that cannot record it only delays a retry until
  // the claim goes stale.
  const releaseKey = () => ctx.sendKeys.failed(email, message.composeId).catch(() => undefined);

  let built: BuiltMessage;
  try {
    built = options.build
      ? await options.build()
      : await buildMessage(message, await senderOf(ctx, email), {
          uploads: ctx.uploads,
          attachmentMaxBytes: ctx.config.limits.attachmentMaxBytes,
          mailDomain: ctx.config.org.mailDomain,
          forDraft: false,
        });
  } catch (error) {
    await releaseKey();
    if (error instanceof ApiError) await audit(error.code);
    throw error;
  }

  let refused: string[];
  try {
    refused = await submit(ctx, session, built.raw, built.envelope);
  } catch (error) {
    await releaseKey();
    const failure = toSendError(error);
    await audit(failure.code, { recipients: recipients.length });
    const draftUid = await keepAsDraft(ctx, session, message).catch(() => null);
    throw new ApiError(
      failure.code,
      { ...failure.details, ...(draftUid ? { draftUid } : {}) },
      { cause: error },
    );
  }

  const result: SendResult = {
    messageId: built.messageId,
    recipients: recipients.length - refused.length,
    sentCopySaved: true,
    refused,
  };
  // From here on the message has left: nothing below may turn the answer into a failure.
  await ctx.sendKeys.sent(email, message.composeId, result).catch(() => undefined);
  await ctx.accounts.recordSent(email);
  await audit('ok', {
    messageId: built.messageId,
    recipients: result.recipients,
    size: built.raw.length,
    attachments: message.attachments.length,
    ...options.auditDetails,
  });
  await ctx.directory.rememberRecipients(email, recipients);
  result.sentCopySaved = await keepSentCopy(ctx, session, built.raw, message.draftUid);
  if (!result.sentCopySaved) await ctx.sendKeys.sent(email, message.composeId, result).catch(() => undefined);
  await ctx.uploads.removeAll(email, message.composeId).catch(() => undefined);
  return result;
}

export interface SendOptions {
  /** The bytes that go out instead of the plain build: the signed send wraps what was signed. */
  build?: () => Promise<BuiltMessage>;
  /** Facts the audit entry of a successful send adds. */
  auditDetails?: Record<string, string | number | boolean>;
}

/** SMTP submission with the given login (a person's own, or the API clients' master login). */
export async function submit(
  ctx: AppContext,
  session: Pick<ActiveSession, 'email' | 'password'>,
  raw: Buffer,
  envelope: { from: string; to: string[] },
): Promise<string[]> {
  const transport = nodemailer.createTransport({
    host: ctx.config.smtp.host,
    port: ctx.config.smtp.port,
    secure: ctx.config.smtp.secure,
    auth: { user: session.email, pass: session.password },
    tls: { rejectUnauthorized: !ctx.config.imap.allowInsecureTls },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  try {
    const info = await transport.sendMail({ envelope, raw });
    return (info.rejected ?? []).map((r) => (typeof r === 'string' ? r : (r as { address: string }).address));
  } finally {
    transport.close();
  }
}

export function toSendError(error: unknown): {
  code: 'recipient_refused' | 'send_failed' | 'not_authenticated';
  details?: Record<string, string>;
} {
  const e = error as { code?: string; rejected?: (string | { address: string })[]; responseCode?: number };
  if (e.code === 'EAUTH') return { code: 'not_authenticated' };
  if (e.code === 'EENVELOPE' && e.rejected?.length) {
    const recipients = e.rejected.map((r) => (typeof r === 'string' ? r : r.address)).join(', ');
    return { code: 'recipient_refused', details: { recipients } };
  }
  return { code: 'send_failed' };
}

/** A failed send must not lose the message: it goes to Drafts (replacing the autosaved copy). */
async function keepAsDraft(
  ctx: AppContext,
  session: ActiveSession,
  message: ParsedOutgoing,
): Promise<number | null> {
  const built = await buildMessage(message, await senderOf(ctx, session.email), {
    uploads: ctx.uploads,
    attachmentMaxBytes: ctx.config.limits.attachmentMaxBytes,
    mailDomain: ctx.config.org.mailDomain,
    forDraft: true,
  });
  const saved = await ctx.imap.withClient(session, (client) => replaceDraft(client, built, message.draftUid));
  return saved.draftUid;
}

/**
 * Sent copy and draft removal. A full mailbox (Đ7.2c) refuses the copy: the message has gone all
 * the same, and the user is told that Sent will not have it.
 */
async function keepSentCopy(
  ctx: AppContext,
  session: ActiveSession,
  raw: Buffer,
  draftUid: number | undefined,
): Promise<boolean> {
  return ctx.imap.withClient(session, async (client) => {
    let saved = true;
    try {
      await client.append(await composeFolder(client, 'sent'), raw, ['\\Seen']);
    } catch (error) {
      if (!isOverQuota(error)) throw error;
      saved = false;
    }
    if (draftUid) await removeDraft(client, draftUid).catch(() => undefined);
    return saved;
  });
}
