import type { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { ForwardedMessagePart } from '../../common/contract';
import { ApiError } from '../errors';
import { readBodyParts } from '../mail/body-parts';
import { bodyPlan } from '../mail/body-plan';
import { findPart, isAttachment } from '../mail/body-structure';
import { withMailbox } from '../mail/mailbox-lock';

/**
 * A message/rfc822 attachment as the reader shows a forwarded message: the same plan of body
 * parts (body-plan.ts) applied to that part, read the same way, so headers, text and HTML parts
 * and deeper forwards look exactly as they do inline.
 */
export async function forwardedMessageParts(
  client: ImapFlow,
  at: { mailbox: string; uid: number; part: string },
): Promise<ForwardedMessagePart> {
  return withMailbox(
    client,
    at.mailbox,
    async () => {
      const meta = await client.fetchOne(String(at.uid), { uid: true, bodyStructure: true }, { uid: true });
      if (meta === false || !meta.bodyStructure) throw new ApiError('message_not_found', { uid: at.uid });
      const node = findPart(meta.bodyStructure, at.part);
      if (!node) throw new ApiError('attachment_not_found', { part: at.part });
      const plan = bodyPlan(node, isAttachment);
      const [message] = await readBodyParts(client, at.uid, plan);
      if (message?.kind !== 'message') throw new ApiError('preview_damaged', { reason: 'message' });
      return message;
    },
    { readOnly: true },
  );
}

/**
 * A saved .eml sent as an opaque file (application/octet-stream): the server did not parse it,
 * so mailparser reads its headers and its first text and HTML bodies. Its own attachments are not
 * shown (the .eml still downloads whole).
 */
export async function emlFileParts(bytes: Buffer, part: string): Promise<ForwardedMessagePart> {
  const mail = await simpleParser(bytes, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  if (mail.headers.size === 0 || !(mail.from || mail.subject || mail.date))
    throw new ApiError('preview_wrong_format');
  const addresses = (field: typeof mail.to) =>
    (Array.isArray(field) ? field : field ? [field] : [])
      .flatMap((a) => a.value)
      .map((a) => ({ name: (a.name ?? '').normalize('NFC'), address: (a.address ?? '').toLowerCase() }));
  const parts: ForwardedMessagePart['parts'] = [];
  if (typeof mail.html === 'string' && mail.html)
    parts.push({ kind: 'html', html: mail.html.normalize('NFC') });
  else if (mail.text) parts.push({ kind: 'text', text: mail.text.normalize('NFC') });
  return {
    kind: 'message',
    part,
    subject: (mail.subject ?? '').normalize('NFC'),
    from: addresses(mail.from)[0] ?? null,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
    parts,
  };
}
