import type { Readable } from 'node:stream';
import type { UploadedAttachment } from '../../common/contract';
import type { AppContext } from '../app-context';
import type { ActiveSession } from '../auth/session-store';
import { ApiError } from '../errors';
import { scannedUpload } from '../malware/scanned-upload';
import { uploadAllowance } from './attachment-cap';
import { formatMb } from './build-message';
import { cleanFilename } from './upload-store';

export interface IncomingFile {
  filename: string;
  mimetype: string;
  file: Readable;
}

/**
 * Stores one attachment of a compose window, counting its bytes against what the window's earlier
 * files left of the cap (Đ7.2b) and scanning them for malware on the way (Đ8.2b); a refusal is
 * audited as a policy refusal.
 */
export async function receiveUpload(
  ctx: AppContext,
  session: ActiveSession,
  composeId: string,
  request: { declaredLength: number; ip: string; file: () => Promise<IncomingFile | undefined> },
): Promise<UploadedAttachment> {
  const email = session.email;
  const cap = ctx.config.limits.attachmentMaxBytes;
  const attached = await ctx.uploads.list(email, composeId);
  const allowance = uploadAllowance(
    attached.map((a) => a.size),
    cap,
    request.declaredLength,
  );
  const tooLarge = async () => {
    await ctx.audit.record({
      actor: email,
      email,
      action: 'policy_refusal',
      outcome: 'attachment_too_large',
      ip: request.ip,
      details: { alreadyAttached: allowance.alreadyAttached, limit: cap },
    });
    return new ApiError('attachment_too_large', {
      limit: formatMb(cap),
      total: formatMb(allowance.alreadyAttached),
    });
  };
  if (allowance.refuseUnread) throw await tooLarge();
  const file = await request.file();
  if (!file) throw new ApiError('validation_failed', { field: 'file' });
  const filename = cleanFilename(file.filename);
  const scanned = scannedUpload(ctx, { email, ip: request.ip }, filename, file.file);
  const saved = await ctx.uploads
    .save(
      email,
      composeId,
      { filename, contentType: file.mimetype || 'application/octet-stream', stream: scanned.stream },
      allowance.remaining,
    )
    .catch(async (err: unknown) => {
      throw (await scanned.refusal(err)) ?? err;
    });
  if ('tooLarge' in saved) throw await tooLarge();
  return saved;
}
