import { Readable } from 'node:stream';
import type { ImapFlow } from 'imapflow';
import { MailParser } from 'mailparser';
import type { MessageDetail } from '../../common/contract';
import { ApiError } from '../errors';
import { messageInvitation } from '../invitations/calendar-part';
import type { SenderTrustCheck } from '../sender/sender-trust';
import type { SignatureVerifier } from '../trust/signature-verifier';
import { readBodyParts } from './body-parts';
import { bodyPlan, needsParts } from './body-plan';
import { findAttachments, findPart, isAttachment } from './body-structure';
import { mailingListOf } from './list-headers';
import { fileNameFromSubject, lockMailbox, releaseWhenDone, withMailbox } from './mailbox-lock';
import { mergedBody } from './merged-body';
import { messageDate, toAddress, toAddresses, toFlags } from './message-mapping';
import { checkMessageSignature, signatureParts, signedLayout } from './signed-parts';

/**
 * One message for the reader. Headers, flags and the attachment list come from IMAP (cheap, and
 * the part numbers let attachments stream alone); text and HTML come from mailparser reading the
 * source, with attachment bodies drained as they pass so a 20 MB attachment is never held.
 */
export async function readMessage(
  client: ImapFlow,
  path: string,
  uid: number,
  hooks: { senderTrust?: SenderTrustCheck; signatures?: SignatureVerifier } = {},
): Promise<MessageDetail> {
  return withMailbox(
    client,
    path,
    async () => {
      const meta = await client.fetchOne(
        String(uid),
        { uid: true, flags: true, envelope: true, bodyStructure: true, size: true, internalDate: true },
        { uid: true },
      );
      if (!meta) throw new ApiError('message_not_found', { uid });
      // Đ14.2h: an S/MIME signature is checked before the body is read (the opaque form carries it).
      const layout = hooks.signatures ? signedLayout(meta.bodyStructure) : null;
      const signed =
        layout && hooks.signatures
          ? await checkMessageSignature(
              client,
              uid,
              layout,
              {
                from: meta.envelope?.from?.[0]?.address ?? null,
                arrivalTime: meta.internalDate ? new Date(meta.internalDate) : new Date(),
              },
              hooks.signatures,
            )
          : null;
      const download = await client.download(String(uid), undefined, { uid: true });
      if (!download.content) throw new ApiError('message_not_found', { uid });
      const body = await parseBody(download.content);
      // The opaque form's body is the signed entity inside the signature, not a smime.p7m file.
      const inner = signed?.content ? await parseBody(Readable.from([Buffer.from(signed.content)])) : null;
      const hidden = layout && signed ? signatureParts(layout) : [];
      const attachments = meta.bodyStructure ? findAttachments(meta.bodyStructure) : [];
      // Đ10.2: a letter's text beside its HTML, or a forwarded message, is shown part by part, and
      // the merged text/html (print, quoting, search) then holds every part, not mailparser's pick.
      const plan = meta.bodyStructure && !inner ? bodyPlan(meta.bodyStructure, isAttachment) : [];
      const parts = needsParts(plan) ? await readBodyParts(client, uid, plan) : undefined;
      const merged = parts ? mergedBody(parts) : null;
      return {
        uid,
        mailbox: path,
        messageId: meta.envelope?.messageId ?? null,
        subject: (meta.envelope?.subject ?? '').normalize('NFC'),
        from: toAddress(meta.envelope?.from?.[0]),
        to: toAddresses(meta.envelope?.to),
        cc: toAddresses(meta.envelope?.cc),
        replyTo: toAddresses(meta.envelope?.replyTo),
        date: messageDate(meta),
        flags: toFlags(meta.flags),
        size: meta.size ?? 0,
        text: merged ? merged.text : inner ? inner.text : body.text,
        html: merged ? merged.html : inner ? inner.html : body.html,
        attachments: attachments.filter((a) => !hidden.includes(a.id)),
        inReplyTo: meta.envelope?.inReplyTo ?? null,
        references: body.references,
        list: body.list,
        sender: hooks.senderTrust
          ? await hooks.senderTrust(
              body.headerLines,
              toAddress(meta.envelope?.from?.[0]),
              toAddresses(meta.envelope?.replyTo),
            )
          : null,
        signature: signed?.signature ?? null,
        invitation: await messageInvitation(client, uid, meta.bodyStructure, meta.flags),
        ...(parts ? { parts } : {}),
      };
    },
    { readOnly: true },
  );
}

interface ParsedBody {
  text: string | null;
  html: string | null;
  references: string[];
  list: MessageDetail['list'];
  headerLines: { key: string; line: string }[];
}

function parseBody(source: Readable): Promise<ParsedBody> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser({ skipImageLinks: true, skipTextToHtml: true });
    const result: ParsedBody = { text: null, html: null, references: [], list: null, headerLines: [] };
    parser.on('headerLines', (lines: { key: string; line: string }[]) => {
      result.list = mailingListOf(lines);
      result.headerLines = lines;
    });
    parser.on('headers', (headers) => {
      const refs: unknown = headers.get('references');
      const list = Array.isArray(refs) ? refs : typeof refs === 'string' ? refs.split(/\s+/) : [];
      result.references = list.filter((r): r is string => typeof r === 'string' && r.length > 0);
    });
    parser.on('data', (data) => {
      if (data.type === 'attachment') {
        data.content.on('end', () => data.release?.());
        data.content.resume();
        return;
      }
      if (data.type === 'text') {
        result.text = typeof data.text === 'string' ? data.text.normalize('NFC') : null;
        result.html = typeof data.html === 'string' ? data.html.normalize('NFC') : null;
      }
    });
    const fail = (err: unknown) => {
      // A paused, half-read FETCH would keep the user's connection busy for good.
      source.destroy();
      reject(err);
    };
    parser.on('error', fail);
    parser.on('end', () => resolve(result));
    source.on('error', fail);
    source.pipe(parser);
  });
}

export interface PartStream {
  content: Readable;
  filename: string;
  contentType: string;
  size: number | null;
}

/**
 * Streams one attachment (or the whole source) straight from IMAP. The folder lock is held until
 * the stream ends, so no other request of the user's switches folder under it.
 */
export async function openPart(
  client: ImapFlow,
  path: string,
  uid: number,
  partId: string | null,
): Promise<PartStream> {
  const lock = await lockMailbox(client, path, { readOnly: true });
  try {
    const meta = await client.fetchOne(
      String(uid),
      { uid: true, envelope: true, bodyStructure: true, size: true },
      { uid: true },
    );
    if (meta === false || !meta.bodyStructure) throw new ApiError('message_not_found', { uid });
    let filename: string;
    let contentType: string;
    let size: number | null;
    if (partId === null) {
      filename = fileNameFromSubject(meta.envelope?.subject, uid, 'eml');
      contentType = 'message/rfc822';
      size = meta.size ?? null;
    } else {
      const node = findPart(meta.bodyStructure, partId);
      const info = findAttachments(meta.bodyStructure).find((a) => a.id === partId);
      if (!node || !info) throw new ApiError('attachment_not_found', { part: partId });
      filename = info.filename;
      contentType = info.contentType;
      size = null; // only an estimate is known before decoding; let the stream say when it ends
    }
    const download = await client.download(String(uid), partId ?? undefined, { uid: true });
    if (!download.content) throw new ApiError('attachment_not_found', { part: partId ?? 'raw' });
    const content = download.content;
    releaseWhenDone(content, lock);
    return { content, filename, contentType, size };
  } catch (err) {
    lock.release();
    throw err;
  }
}

export async function setFlags(
  client: ImapFlow,
  path: string,
  uids: number[],
  change: { add: ('seen' | 'flagged')[]; remove: ('seen' | 'flagged')[] },
): Promise<void> {
  const imapFlag = { seen: '\\Seen', flagged: '\\Flagged' } as const;
  await withMailbox(client, path, async () => {
    const range = uids.join(',');
    if (change.add.length)
      await client.messageFlagsAdd(
        range,
        change.add.map((f) => imapFlag[f]),
        { uid: true },
      );
    if (change.remove.length)
      await client.messageFlagsRemove(
        range,
        change.remove.map((f) => imapFlag[f]),
        { uid: true },
      );
  });
}
