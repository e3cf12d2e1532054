import type { ImapFlow, MessageStructureObject } from 'imapflow';
import type { InvitationAnswer, MessageInvitation } from '../../common/contract';
import { decodedSize } from '../mail/body-structure';
import { INVITATION_MAX_BYTES, readInvitation } from './parse-invitation';

/**
 * Where a message carries its invitation: the first text/calendar part (an alternative of
 * Outlook's and Google's invitations, or an attachment), else an application/ics or *.ics file.
 */
export interface CalendarPart {
  part: string;
  size: number;
  /** The MIME part's method parameter, for calendars that leave METHOD out. */
  method: string | null;
}

export function findCalendarPart(root: MessageStructureObject): CalendarPart | null {
  const leaves: { node: MessageStructureObject; id: string }[] = [];
  const walk = (node: MessageStructureObject, id: string) => {
    if (node.type.toLowerCase().startsWith('multipart/')) {
      for (const [i, child] of (node.childNodes ?? []).entries()) walk(child, child.part ?? `${id}.${i + 1}`);
      return;
    }
    // A forwarded message's invitation belongs to that message, not to this one.
    leaves.push({ node, id: node.part ?? '1' });
  };
  walk(root, root.part ?? '1');
  const named = (n: MessageStructureObject) =>
    /\.ics$/i.test(n.dispositionParameters?.filename ?? n.parameters?.name ?? '');
  const pick =
    leaves.find((l) => l.node.type.toLowerCase() === 'text/calendar') ??
    leaves.find((l) => l.node.type.toLowerCase() === 'application/ics' || named(l.node));
  if (!pick) return null;
  return { part: pick.id, size: decodedSize(pick.node), method: pick.node.parameters?.method ?? null };
}

/** Keywords on the message remember the answer sent, so every tab and device shows it. */
export const ANSWER_KEYWORDS: Record<InvitationAnswer, string> = {
  accepted: '$InviteAccepted',
  declined: '$InviteDeclined',
  tentative: '$InviteTentative',
};

export function answerFromFlags(flags: Set<string> | undefined): InvitationAnswer | null {
  for (const [answer, keyword] of Object.entries(ANSWER_KEYWORDS)) {
    if (flags?.has(keyword)) return answer as InvitationAnswer;
  }
  return null;
}

/** The calendar's text, or null when it is larger than the cap (never read past it). */
export async function downloadCalendarText(client: ImapFlow, uid: number, found: CalendarPart) {
  if (found.size > INVITATION_MAX_BYTES) return null;
  const download = await client.download(String(uid), found.part, {
    uid: true,
    maxBytes: INVITATION_MAX_BYTES + 1,
  });
  if (!download.content) return '';
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of download.content) {
    total += chunk.length;
    if (total > INVITATION_MAX_BYTES) {
      download.content.destroy();
      return null;
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The reader's card for a message already selected (called under the reader's folder lock).
 * Whatever goes wrong reading the calendar is the card's problem, never the message's.
 */
export async function messageInvitation(
  client: ImapFlow,
  uid: number,
  root: MessageStructureObject | undefined,
  flags: Set<string> | undefined,
): Promise<MessageInvitation | null> {
  const found = root ? findCalendarPart(root) : null;
  if (!found) return null;
  const answer = answerFromFlags(flags);
  try {
    const text = await downloadCalendarText(client, uid, found);
    if (text === null) return { event: null, problem: 'too_large', answer };
    return { ...readInvitation(text, found.method), answer };
  } catch {
    return { event: null, problem: 'unreadable', answer };
  }
}
