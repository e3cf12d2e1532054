import iconv from 'iconv-lite';
import libqp from 'libqp';
import type { MailingList } from '../../common/contract';

/**
 * List-Id (RFC 2919) and List-Unsubscribe (RFC 2369) from the raw header lines, so the reader can
 * say which list a message came from and how to leave it. Only https:/http: and mailto: targets
 * are kept: the reader shows them as links.
 */
export function mailingListOf(headerLines: { key: string; line: string }[]): MailingList | null {
  const value = (name: string) => {
    const line = headerLines.find((h) => h.key === name)?.line;
    return line ? unfold(line.slice(line.indexOf(':') + 1)) : null;
  };
  const listId = value('list-id');
  const unsubscribe = value('list-unsubscribe');
  if (!listId && !unsubscribe) return null;

  let id: string | null = null;
  let name: string | null = null;
  if (listId) {
    const angle = /<([^<>\s]+)>/.exec(listId);
    id = angle?.[1] ?? (listId.trim() || null);
    const phrase = angle
      ? listId
          .slice(0, angle.index)
          .trim()
          .replace(/^"(.*)"$/, '$1')
      : '';
    name = phrase ? decodeWords(phrase).normalize('NFC') : null;
  }
  const targets = [...(unsubscribe ?? '').matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  return {
    id,
    name,
    unsubscribeUrl: targets.find((t) => /^https?:\/\//i.test(t)) ?? null,
    unsubscribeMail: targets.find((t) => /^mailto:[^\s"<>]+$/i.test(t)) ?? null,
  };
}

const unfold = (v: string) => v.replace(/\r?\n[ \t]+/g, ' ').trim();

/** RFC 2047 encoded words (=?charset?B|Q?text?=), adjacent words joined as the RFC says. */
export function decodeWords(text: string): string {
  return text
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?*]+)(?:\*[^?]*)?\?([bq])\?([^?]*)\?=/gi,
      (whole, charset: string, enc: string, data: string) => {
        const bytes =
          enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64') : libqp.decode(data.replace(/_/g, ' '));
        const name = charset.toLowerCase();
        return iconv.encodingExists(name) ? iconv.decode(bytes, name) : whole;
      },
    );
}
