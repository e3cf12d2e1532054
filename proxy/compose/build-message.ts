import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Recipient } from '../../common/contract';
import { ApiError } from '../errors';
import { htmlDocument, htmlToPlainText, sanitizeOutgoingHtml } from './outgoing-html';
import type { UploadStore } from './upload-store';

export type ParsedOutgoing = {
  composeId: string;
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
  subject: string;
  html: string | null;
  text: string;
  attachments: string[];
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  draftUid?: number | undefined;
};

export interface Sender {
  address: string;
  name: string | null;
}

export interface BuiltMessage {
  raw: Buffer;
  messageId: string;
  envelope: { from: string; to: string[] };
  attachmentBytes: number;
}

/**
 * The RFC 5322 message for a draft or a send: the sender is always the logged-in account (never a
 * field of the request), HTML sanitised with a text/plain alternative, attachments read from
 * the upload store with RFC 2231 file names, and the 20 MB cap (Đ7.2b) checked once more here.
 */
export async function buildMessage(
  message: ParsedOutgoing,
  from: Sender,
  options: {
    uploads: Pick<UploadStore, 'get'>;
    attachmentMaxBytes: number;
    mailDomain: string;
    forDraft: boolean;
  },
): Promise<BuiltMessage> {
  const attachments = [];
  let attachmentBytes = 0;
  for (const id of message.attachments) {
    const upload = await options.uploads.get(from.address, message.composeId, id);
    if (!upload) throw new ApiError('upload_not_found', { id });
    attachmentBytes += upload.meta.size;
    attachments.push({
      filename: upload.meta.filename,
      contentType: upload.meta.contentType,
      content: upload.bytes,
    });
  }
  if (attachmentBytes > options.attachmentMaxBytes) {
    throw new ApiError('attachment_too_large', { limit: formatMb(options.attachmentMaxBytes) });
  }

  const html = message.html === null ? null : sanitizeOutgoingHtml(message.html);
  const text = html === null ? message.text.normalize('NFC') : htmlToPlainText(html);
  const messageId = `<${randomUUID()}@${options.mailDomain}>`;
  const composer = new MailComposer({
    from: { name: from.name ?? '', address: from.address },
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    subject: message.subject,
    text,
    ...(html !== null ? { html: htmlDocument(html) } : {}),
    attachments,
    messageId,
    date: new Date(),
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
    ...(message.references?.length ? { references: message.references } : {}),
    headers: { 'X-Mailer': 'Hop thu cong vu (webmail)' },
    textEncoding: 'quoted-printable',
  });
  const node = composer.compile();
  // A draft keeps its Bcc so that reopening it restores every recipient; a sent copy never has it.
  node.keepBcc = options.forDraft;
  const raw = await node.build();
  return {
    raw,
    messageId,
    envelope: {
      from: from.address,
      to: [...message.to, ...message.cc, ...message.bcc].map((r) => r.address),
    },
    attachmentBytes,
  };
}

export function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} MB`;
}
