import type { ImapFlow } from 'imapflow';
import type { BodyPart } from '../../common/contract';
import type { PlannedPart } from './body-plan';
import { toAddress, toAddresses } from './message-mapping';

/** One part larger than this is cut: the reader is no place for a 50 MB text dump. */
const PART_BYTES = 5_000_000;

/**
 * The planned parts with their text, each fetched alone from IMAP (imapflow undoes the transfer
 * encoding and the charset), and each forwarded message with its own envelope.
 */
export async function readBodyParts(client: ImapFlow, uid: number, plan: PlannedPart[]): Promise<BodyPart[]> {
  const out: BodyPart[] = [];
  for (const planned of plan) {
    if (planned.kind === 'message') {
      const env = planned.envelope;
      const date = env?.date ? new Date(env.date) : null;
      out.push({
        kind: 'message',
        part: planned.part,
        subject: (env?.subject ?? '').normalize('NFC'),
        from: toAddress(env?.from?.[0]),
        to: toAddresses(env?.to),
        cc: toAddresses(env?.cc),
        date: date && !Number.isNaN(date.getTime()) ? date.toISOString() : null,
        parts: await readBodyParts(client, uid, planned.parts),
      });
      continue;
    }
    const text = await partText(client, uid, planned.part);
    out.push(planned.kind === 'html' ? { kind: 'html', html: text } : { kind: 'text', text });
  }
  return out;
}

async function partText(client: ImapFlow, uid: number, part: string): Promise<string> {
  const download = await client.download(String(uid), part, { uid: true, maxBytes: PART_BYTES });
  if (!download.content) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of download.content) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8').normalize('NFC');
}
