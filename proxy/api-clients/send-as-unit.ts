import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import type { ServiceSendBody, ServiceSendResult } from '../../common/contract';
import { findSecretStamps } from '../../common/policy/secret-stamps';
import type { AppContext } from '../app-context';
import { buildMessage, formatMb } from '../compose/build-message';
import { submit, toSendError } from '../compose/send';
import { senderOf } from '../compose/sender';
import { cleanFilename } from '../compose/upload-store';
import { ApiError } from '../errors';
import { isOverQuota } from '../mail/imap-errors';
import { composeFolder } from '../mail/special-folders';
import type { ApiClientRecord } from './api-client-store';
import { unitMailboxLogin } from './unit-mailbox-login';

type Body = z.output<typeof ServiceSendBody>;
type Note = (details: Record<string, string | number | boolean>) => void;

/**
 * Sends as the client's unit mailbox under the rules a person sends under: the sending lock
 * (Đ5.3b), the 20 MB cap (Đ7.2b), the malware scan (Đ8.2b) and the state-secret stamp (Đ3.1),
 * which only the caller's declaration lets through. `note` adds facts to the call's audit entry.
 */
export async function sendAsUnit(
  ctx: AppContext,
  client: ApiClientRecord,
  body: Body,
  note: Note,
): Promise<ServiceSendResult> {
  const mailbox = client.mailbox;
  const account = await ctx.accounts.ensure(mailbox);
  if (account.sendingLockedReason !== null)
    throw new ApiError('sending_locked', { reason: account.sendingLockedReason });
  const recipients = [...body.to, ...body.cc, ...body.bcc];
  if (recipients.length === 0) throw new ApiError('no_recipients');

  const files = body.attachments.map((a) => ({
    id: randomUUID(),
    filename: cleanFilename(a.filename),
    contentType: a.contentType,
    bytes: Buffer.from(a.contentBase64, 'base64'),
  }));
  const cap = ctx.config.limits.attachmentMaxBytes;
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  note({ attachments: files.length, size: total, stateSecretChecked: body.stateSecretChecked });
  if (total > cap)
    throw new ApiError('attachment_too_large', { limit: formatMb(cap), total: formatMb(total) });

  const stamps = findSecretStamps(
    body.subject,
    files.map((f) => f.filename),
  );
  if (stamps.length > 0) {
    note({ stamps: [...new Set(stamps.map((s) => s.stamp))].join(', ') });
    if (!body.stateSecretChecked) throw new ApiError('state_secret_unchecked');
  }

  for (const file of files) await scanned(ctx, file, mailbox);

  const composeId = randomUUID();
  const built = await buildMessage(
    {
      composeId,
      to: body.to,
      cc: body.cc,
      bcc: body.bcc,
      subject: body.subject,
      html: body.html,
      text: body.text,
      attachments: files.map((f) => f.id),
    },
    await senderOf(ctx, mailbox),
    {
      uploads: {
        get: async (_email, _composeId, id) => {
          const file = files.find((f) => f.id === id);
          if (!file) return null;
          const { bytes, ...meta } = file;
          return { meta: { ...meta, size: bytes.length }, bytes };
        },
      },
      attachmentMaxBytes: cap,
      mailDomain: ctx.config.org.mailDomain,
      forDraft: false,
    },
  );

  const login = unitMailboxLogin(ctx.config, mailbox);
  let refused: string[];
  try {
    refused = await submit(ctx, login, built.raw, built.envelope);
  } catch (error) {
    const failure = toSendError(error);
    // The master login refused is the operator's fault, not the caller's session.
    const code = failure.code === 'not_authenticated' ? 'api_clients_unavailable' : failure.code;
    throw new ApiError(code, failure.details, { cause: error });
  }
  note({ messageId: built.messageId, recipients: recipients.length - refused.length });
  // From here on the message has left: nothing below may turn the answer into a failure.
  await ctx.accounts.recordSent(mailbox).catch(() => undefined);
  const sentCopySaved = await keepSentCopy(ctx, login, built.raw).catch(() => false);
  return {
    messageId: built.messageId,
    from: mailbox,
    recipients: recipients.length - refused.length,
    refused,
    sentCopySaved,
  };
}

async function scanned(ctx: AppContext, file: { filename: string; bytes: Buffer }, mailbox: string) {
  const { scanner } = ctx.malware;
  if (scanner.mode === 'off') return;
  const outcome = await scanner.scan(Readable.from([file.bytes]));
  const admission = scanner.judge(outcome, { email: mailbox, filename: file.filename });
  if (admission === 'refuse_infected' && outcome.status === 'infected')
    throw new ApiError('attachment_infected', { signature: outcome.signature, filename: file.filename });
  if (admission === 'refuse_unavailable') throw new ApiError('malware_scan_unavailable');
}

/** The unit's Sent keeps what went out, as a person's does; a full mailbox (Đ7.2c) refuses it. */
async function keepSentCopy(
  ctx: AppContext,
  login: { email: string; password: string },
  raw: Buffer,
): Promise<boolean> {
  return ctx.imap.withClient(login, async (client) => {
    try {
      await client.append(await composeFolder(client, 'sent'), raw, ['\\Seen']);
      return true;
    } catch (error) {
      if (!isOverQuota(error)) throw error;
      return false;
    }
  });
}
