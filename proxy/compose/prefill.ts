import type { ImapFlow } from 'imapflow';
import type { ComposeMode, ComposePrefill, MessageDetail, UploadedAttachment } from '../../common/contract';
import type { AppContext } from '../app-context';
import type { ActiveSession } from '../auth/session-store';
import { composeQuoteTexts, interpolate, type Locale } from '../i18n/catalogue';
import { openPart, readMessage } from '../mail/read-message';
import { openCheckedPart } from '../malware/checked-parts';
import { replyNeedsCaution, senderTrustCheck } from '../sender/sender-trust';
import { htmlToPlainText, sanitizeOutgoingHtml } from './outgoing-html';
import { cleanPrefill } from './prefill-clean';
import { formatAddress, forwardSubject, replyRecipients, replySubject, threadHeaders } from './reply-headers';
import { cleanFilename } from './upload-store';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * What a reply, reply-all, forward or reopened draft starts with: recipients, one "Re:"/"Fwd:",
 * thread headers, the quoted original (sanitised like anything we send), and for forwards and
 * drafts the original's attachments copied into this compose window's uploads.
 */
export async function composePrefill(
  ctx: AppContext,
  session: ActiveSession,
  request: { mode: ComposeMode; mailbox: string; uid: number; composeId: string },
  locale: Locale,
): Promise<ComposePrefill> {
  // What came from outside is made sendable, so the user can always answer.
  return cleanPrefill(await buildPrefill(ctx, session, request, locale));
}

function buildPrefill(
  ctx: AppContext,
  session: ActiveSession,
  request: { mode: ComposeMode; mailbox: string; uid: number; composeId: string },
  locale: Locale,
): Promise<ComposePrefill> {
  return ctx.imap.withClient(session, async (client) => {
    const original = await readMessage(client, request.mailbox, request.uid, {
      senderTrust: senderTrustCheck(ctx.config, ctx.directory),
    });
    const copy = (parts: MessageDetail['attachments']) =>
      copyAttachments(ctx, client, session.email, request, parts);
    const texts = composeQuoteTexts(locale);
    const when = dateText(original.date, ctx.config.org.timeZone);

    switch (request.mode) {
      case 'draft':
        return {
          to: original.to.map(recipient),
          cc: original.cc.map(recipient),
          bcc: await draftBcc(client, request),
          subject: original.subject,
          html: original.html === null ? null : sanitizeOutgoingHtml(original.html),
          text: original.text ?? '',
          attachments: await copy(original.attachments.filter((a) => !a.inline)),
          ...(original.inReplyTo ? { inReplyTo: original.inReplyTo } : {}),
          ...(original.references.length ? { references: original.references } : {}),
          draftUid: request.uid,
        };
      case 'reply':
      case 'replyAll': {
        const { to, cc } = replyRecipients(original, session.email, request.mode === 'replyAll');
        const sender = original.from ? formatAddress(original.from) : '';
        const intro = interpolate(texts.wrote, { date: when, sender });
        const { html, text } = quoted(original);
        return {
          to: to.map(recipient),
          cc: cc.map(recipient),
          bcc: [],
          subject: replySubject(original.subject),
          html: `<p></p><p>${escapeHtml(intro)}</p><blockquote type="cite">${html}</blockquote>`,
          text: `\n\n${intro}\n${text
            .split('\n')
            .map((l) => `> ${l}`)
            .join('\n')}`,
          attachments: [],
          ...threadHeaders(original),
          ...(replyNeedsCaution(original) ? { replyCaution: true } : {}),
        };
      }
      case 'forward': {
        const header = [
          texts.forwarded,
          `${texts.from}: ${original.from ? formatAddress(original.from) : ''}`,
          `${texts.date}: ${when}`,
          `${texts.subject}: ${original.subject}`,
          `${texts.to}: ${original.to.map(formatAddress).join(', ')}`,
          ...(original.cc.length ? [`${texts.cc}: ${original.cc.map(formatAddress).join(', ')}`] : []),
        ];
        const { html, text } = quoted(original);
        return {
          to: [],
          cc: [],
          bcc: [],
          subject: forwardSubject(original.subject),
          html: `<p></p><p>${header.map(escapeHtml).join('<br>')}</p>${html}`,
          text: `\n\n${header.join('\n')}\n\n${text}`,
          attachments: await copy(original.attachments.filter((a) => !a.inline)),
        };
      }
      case 'forwardAsAttachment': {
        const attached = await copyWhole(ctx, client, session.email, request);
        return {
          to: [],
          cc: [],
          bcc: [],
          subject: forwardSubject(original.subject),
          html: '<p></p>',
          text: '',
          attachments: [attached],
        };
      }
    }
  });
}

function recipient(a: { name: string; address: string }) {
  return a.name ? { name: a.name, address: a.address.toLowerCase() } : { address: a.address.toLowerCase() };
}

function quoted(original: MessageDetail): { html: string; text: string } {
  if (original.html !== null) {
    const html = sanitizeOutgoingHtml(original.html);
    return { html, text: original.text ?? htmlToPlainText(html) };
  }
  const text = original.text ?? '';
  return { html: `<p>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`, text };
}

function dateText(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** The parsed message has no Bcc (it is not an envelope field); a draft keeps it as a header. */
async function draftBcc(client: ImapFlow, request: { mailbox: string; uid: number }) {
  const { simpleParser } = await import('mailparser');
  const part = await openPart(client, request.mailbox, request.uid, null);
  const parsed = await simpleParser(part.content);
  const bcc = Array.isArray(parsed.bcc) ? parsed.bcc : parsed.bcc ? [parsed.bcc] : [];
  return bcc
    .flatMap((b) => b.value)
    .flatMap((v) => (v.address ? [recipient({ name: v.name ?? '', address: v.address })] : []));
}

async function copyAttachments(
  ctx: AppContext,
  client: ImapFlow,
  email: string,
  request: { mailbox: string; uid: number; composeId: string },
  parts: MessageDetail['attachments'],
): Promise<UploadedAttachment[]> {
  const copied: UploadedAttachment[] = [];
  for (const part of parts) {
    // Đ8.2b: an attachment is forwarded only as it could be downloaded, once found clean.
    const stream = await openCheckedPart(ctx, client, { email, ip: null }, { ...request, part: part.id });
    const saved = await ctx.uploads.save(
      email,
      request.composeId,
      { filename: cleanFilename(stream.filename), contentType: stream.contentType, stream: stream.content },
      Number.MAX_SAFE_INTEGER, // the cap is checked when the message is sent or saved
    );
    if ('id' in saved) copied.push(saved);
  }
  return copied;
}

async function copyWhole(
  ctx: AppContext,
  client: ImapFlow,
  email: string,
  request: { mailbox: string; uid: number; composeId: string },
): Promise<UploadedAttachment> {
  const stream = await openCheckedPart(ctx, client, { email, ip: null }, { ...request, part: null });
  const saved = await ctx.uploads.save(
    email,
    request.composeId,
    { filename: cleanFilename(stream.filename), contentType: 'message/rfc822', stream: stream.content },
    Number.MAX_SAFE_INTEGER,
  );
  if (!('id' in saved)) throw new Error('unreachable: no cap on a forwarded message');
  return saved;
}
