import type { ImapFlow } from 'imapflow';
import { ApiError } from '../errors';
import { withMailbox } from '../mail/mailbox-lock';
import { downloadCalendarText, findCalendarPart } from './calendar-part';
import { type ParsedInvitation, parseInvitation } from './parse-invitation';

export interface LoadedInvitation {
  text: string;
  invitation: ParsedInvitation;
  messageId: string | null;
  references: string[];
}

/** A message's calendar, read again from IMAP for an answer or a download (never from the client). */
export async function loadInvitation(client: ImapFlow, path: string, uid: number): Promise<LoadedInvitation> {
  return withMailbox(
    client,
    path,
    async () => {
      const meta = await client.fetchOne(
        String(uid),
        { uid: true, envelope: true, bodyStructure: true, headers: ['references'] },
        { uid: true },
      );
      if (!meta) throw new ApiError('message_not_found', { uid });
      const found = meta.bodyStructure ? findCalendarPart(meta.bodyStructure) : null;
      if (!found) throw new ApiError('invitation_not_found', { uid });
      const text = await downloadCalendarText(client, uid, found);
      const invitation = text === null ? null : parseInvitation(text, found.method);
      if (text === null || !invitation) throw new ApiError('invitation_not_found', { uid });
      const references = (meta.headers?.toString('latin1') ?? '')
        .replace(/^references:\s*/i, '')
        .split(/\s+/)
        .filter((r) => /^<[^<>\s]+>$/.test(r));
      return { text, invitation, messageId: meta.envelope?.messageId ?? null, references };
    },
    { readOnly: true },
  );
}
