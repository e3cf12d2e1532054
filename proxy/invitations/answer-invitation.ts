import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { InvitationAnswer, InvitationReplyResult } from '../../common/contract';
import en from '../../common/i18n/en.json' with { type: 'json' };
import vi from '../../common/i18n/vi.json' with { type: 'json' };
import type { AppContext } from '../app-context';
import type { ActiveSession } from '../auth/session-store';
import type { BuiltMessage, ParsedOutgoing } from '../compose/build-message';
import { sendMessage } from '../compose/send';
import { senderOf } from '../compose/sender';
import { ApiError } from '../errors';
import { interpolate, type Locale } from '../i18n/catalogue';
import { withMailbox } from '../mail/mailbox-lock';
import { ANSWER_KEYWORDS } from './calendar-part';
import { type LoadedInvitation, loadInvitation } from './load-invitation';
import { replyCalendar } from './reply-calendar';

const texts = { vi: vi.invite.mail, en: en.invite.mail } as const;

/**
 * "Chấp nhận" / "Từ chối" / "Có thể": the iTIP REPLY goes to the organiser through the one send
 * path (sending locks, idempotency key, audit, copy in Sent), then the answer is remembered on the
 * message as an IMAP keyword. A user the invitation does not list may answer too, as Outlook
 * lets them: the organiser's calendar decides what to do with an uninvited answer (RFC 5546 §3.2.3).
 */
export async function answerInvitation(
  ctx: AppContext,
  session: ActiveSession,
  target: { mailbox: string; uid: number },
  request: { composeId: string; answer: InvitationAnswer },
  ip: string,
  locale: Locale,
): Promise<InvitationReplyResult> {
  const loaded = await ctx.imap.withClient(session, (client) =>
    loadInvitation(client, target.mailbox, target.uid),
  );
  const { event } = loaded.invitation;
  const organizer = event.organizer?.address;
  if (event.cancelled || event.method !== 'REQUEST' || !organizer)
    throw new ApiError('invitation_not_answerable', { method: event.method });

  const me = await senderOf(ctx, session.email);
  const words = texts[locale];
  const title = event.title || words.untitled;
  const name = me.name || me.address;
  const message: ParsedOutgoing = {
    composeId: request.composeId,
    to: [{ address: organizer, ...(event.organizer?.name ? { name: event.organizer.name } : {}) }],
    cc: [],
    bcc: [],
    subject: interpolate(words.subject[request.answer], { title }),
    html: null,
    text: interpolate(words.body[request.answer], { name, title }),
    attachments: [],
    ...(loaded.messageId ? { inReplyTo: loaded.messageId } : {}),
    references: [...loaded.references, ...(loaded.messageId ? [loaded.messageId] : [])].slice(-50),
  };
  const result = await sendMessage(ctx, session, message, ip, {
    auditDetails: { invitation: request.answer },
    build: () => buildReply(ctx, loaded, message, me, request.answer),
  });
  await ctx.imap
    .withClient(session, (client) =>
      withMailbox(client, target.mailbox, async () => {
        const range = String(target.uid);
        const others = Object.values(ANSWER_KEYWORDS).filter((k) => k !== ANSWER_KEYWORDS[request.answer]);
        await client.messageFlagsRemove(range, others, { uid: true });
        await client.messageFlagsAdd(range, [ANSWER_KEYWORDS[request.answer]], { uid: true });
      }),
    )
    // The answer has gone; a folder that refuses keywords only means the card forgets it.
    .catch(() => undefined);
  return { answer: request.answer, sentCopySaved: result.sentCopySaved };
}

async function buildReply(
  ctx: AppContext,
  loaded: LoadedInvitation,
  message: ParsedOutgoing,
  me: { address: string; name: string | null },
  answer: InvitationAnswer,
): Promise<BuiltMessage> {
  const calendar = replyCalendar({
    invitation: loaded.invitation,
    attendee: me,
    answer,
    now: new Date(),
    prodId: `-//${ctx.config.org.productName}//VI`,
  });
  const messageId = `<${randomUUID()}@${ctx.config.org.mailDomain}>`;
  const composer = new MailComposer({
    from: { name: me.name ?? '', address: me.address },
    to: message.to.map((r) => ({ name: r.name ?? '', address: r.address })),
    subject: message.subject,
    text: message.text,
    icalEvent: { method: 'REPLY', filename: 'reply.ics', content: calendar },
    messageId,
    date: new Date(),
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
    ...(message.references?.length ? { references: message.references } : {}),
    headers: { 'X-Mailer': 'Hop thu cong vu (webmail)' },
    textEncoding: 'quoted-printable',
  });
  const raw = await composer.compile().build();
  return {
    raw,
    messageId,
    envelope: { from: me.address, to: message.to.map((r) => r.address) },
    attachmentBytes: 0,
  };
}
