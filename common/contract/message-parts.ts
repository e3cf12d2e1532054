import { z } from 'zod';

/**
 * The body of a message as its parts, in the order the sender put them (Đ10.2: nothing lost): a
 * letter's own text beside an HTML part, or a forwarded message with its own headers and body.
 * multipart/alternative contributes one alternative only; attachments are not body parts.
 */
export interface ForwardedMessagePart {
  kind: 'message';
  /** IMAP part number of the message/rfc822 part: downloadable as .eml on its own. */
  part: string;
  subject: string;
  from: { name: string; address: string } | null;
  to: { name: string; address: string }[];
  cc: { name: string; address: string }[];
  /** Header date (ISO 8601), null when the forwarded message has none. */
  date: string | null;
  parts: BodyPart[];
}
export type BodyPart =
  | { kind: 'text'; text: string }
  /** Raw HTML as the sender wrote it: the client sanitises it before showing it. */
  | { kind: 'html'; html: string }
  | ForwardedMessagePart;

const PartAddress = z.object({ name: z.string(), address: z.string() });

export const BodyPart: z.ZodType<BodyPart> = z
  .lazy(() =>
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('text'), text: z.string() }),
      z.object({ kind: z.literal('html'), html: z.string() }),
      z.object({
        kind: z.literal('message'),
        part: z.string(),
        subject: z.string(),
        from: PartAddress.nullable(),
        to: z.array(PartAddress),
        cc: z.array(PartAddress),
        date: z.string().nullable(),
        parts: z.array(BodyPart),
      }),
    ]),
  )
  .meta({ id: 'BodyPart' });

/** Optional so that older fixtures and clients without it still read a message from text/html. */
export const MessageBodyParts = z.array(BodyPart).optional();
