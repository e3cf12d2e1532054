import type { ImapFlow } from 'imapflow';
import type { TextPart } from './body-structure';
import { htmlAsText } from './preview-text';
import { decodeCharset, decodeTransfer } from './text-decoding';

/** The decoded text of one part per message (HTML as text), in one FETCH per part number. */
export async function fetchTexts(
  client: ImapFlow,
  wanted: { uid: number; part: TextPart }[],
  maxBytes: number,
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const byPart = new Map<string, { uid: number; part: TextPart }[]>();
  for (const w of wanted) byPart.set(w.part.part, [...(byPart.get(w.part.part) ?? []), w]);
  for (const [partId, group] of byPart) {
    const meta = new Map(group.map((g) => [g.uid, g.part]));
    const fetched = await client.fetchAll(
      group.map((g) => g.uid).join(','),
      { uid: true, bodyParts: [{ key: partId, start: 0, maxLength: maxBytes }] },
      { uid: true },
    );
    for (const msg of fetched) {
      const part = meta.get(msg.uid);
      const raw = msg.bodyParts?.values().next().value;
      if (!part || !raw) continue;
      const bytes = (msg.binaryParts?.size ?? 0) > 0 ? raw : decodeTransfer(raw, part.encoding);
      const decoded = decodeCharset(bytes, part.charset);
      out.set(msg.uid, part.type === 'text/html' ? htmlAsText(decoded).normalize('NFC') : decoded);
    }
  }
  return out;
}

/** Quoted replies ("> ...") say nothing about this message; the list preview drops them too. */
export function withoutQuotes(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((l) => !l.trimStart().startsWith('>'))
    .join('\n')
    .replace(/\uFFFD+$/u, '');
}
