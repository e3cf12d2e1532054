import { createHash, webcrypto } from 'node:crypto';
import type { SendResult, SignedSend, SigningPrepared } from '../../common/contract';
import { certificateCoversAddress, certificateInfo } from '../../common/signing/certificate-info';
import { checkDetachedSignature } from '../../common/signing/cms-signature';
import type { WebCrypto } from '../../common/signing/web-crypto';
import type { AppContext } from '../app-context';
import type { ActiveSession } from '../auth/session-store';
import { ApiError } from '../errors';
import { buildMessage, type ParsedOutgoing } from './build-message';
import { sendMessage } from './send';
import { senderOf } from './sender';
import { splitForSigning, wrapSigned } from './signed-mime';

const crypto = webcrypto as unknown as WebCrypto;

/**
 * Đ14.2h, first half: the message is built exactly as it will be sent, cut into the entity to
 * sign and the outer header, and kept in the store; the browser gets only the entity's SHA-256.
 * The same refusals as a plain send come first (sending locked, no recipients, the 20 MB cap).
 */
export async function prepareSigned(
  ctx: AppContext,
  session: ActiveSession,
  message: ParsedOutgoing,
): Promise<SigningPrepared> {
  const account = await ctx.accounts.ensure(session.email);
  if (account.sendingLockedReason !== null)
    throw new ApiError('sending_locked', { reason: account.sendingLockedReason });
  if (message.to.length + message.cc.length + message.bcc.length === 0) throw new ApiError('no_recipients');
  const built = await buildMessage(message, await senderOf(ctx, session.email), {
    uploads: ctx.uploads,
    attachmentMaxBytes: ctx.config.limits.attachmentMaxBytes,
    mailDomain: ctx.config.org.mailDomain,
    forDraft: false,
  });
  const parts = splitForSigning(built.raw);
  const saved = await ctx.signingRequests.save(session.email, {
    message,
    messageId: built.messageId,
    ...parts,
  });
  return {
    preparedId: saved.id,
    digest: createHash('sha256').update(parts.entity).digest('base64'),
    expiresAt: saved.expiresAt,
  };
}

/**
 * Đ14.2h, second half: the signature must be over exactly the prepared entity and made with a
 * certificate naming the sender; then the message goes as multipart/signed through the plain
 * send (its idempotency key, audit, Sent copy and kept draft on failure). The prepared request
 * stays until it expires, so that a retry after a lost answer still gets the first result.
 */
export async function sendSigned(
  ctx: AppContext,
  session: ActiveSession,
  request: SignedSend,
  ip: string,
): Promise<SendResult> {
  const prepared = await ctx.signingRequests.get(session.email, request.composeId, request.preparedId);
  if (!prepared) throw new ApiError('signing_expired');
  const { message } = prepared;
  return sendMessage(ctx, session, message, ip, {
    auditDetails: { signed: true },
    build: async () => {
      const signature = new Uint8Array(Buffer.from(request.signature, 'base64'));
      const check = await checkDetachedSignature(signature, new Uint8Array(prepared.entity), crypto);
      if (check.signerCertificate) {
        const info = certificateInfo(check.signerCertificate);
        if (!certificateCoversAddress(info, session.email))
          throw new ApiError('signing_email_mismatch', { certificate: info.emails.join(', ') });
      }
      if (!check.valid) throw new ApiError('signing_signature_invalid');
      const recipients = [...message.to, ...message.cc, ...message.bcc];
      return {
        raw: wrapSigned(prepared, signature),
        messageId: prepared.messageId,
        envelope: { from: session.email.toLowerCase(), to: recipients.map((r) => r.address) },
        attachmentBytes: 0,
      };
    },
  });
}
