import { linkifyit } from 'linkify-it';

/**
 * A plain-text body cut into what the reader shows: the sender's own text, and quoted replies
 * (lines starting with ">", with the "On … wrote:" / "Vào … viết:" line above them) that start
 * collapsed. Links are found by linkify-it and only the web and mail become links.
 */
export type TextBlock =
  | { kind: 'text'; text: string }
  | { kind: 'quote'; attribution: string | null; text: string };

const QUOTED = /^\s*>/;
const ATTRIBUTION_START = /^\s*(on|vào|lúc)\b/i;
const ATTRIBUTION_END = /(wrote|viết|đã viết)\s*:\s*$/i;

export function splitQuotes(body: string): TextBlock[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const blocks: TextBlock[] = [];
  let own: string[] = [];
  const flushOwn = () => {
    const text = own.join('\n').replace(/\n+$/, '');
    if (text.trim()) blocks.push({ kind: 'text', text });
    own = [];
  };
  for (let i = 0; i < lines.length; ) {
    if (!QUOTED.test(lines[i]!)) {
      own.push(lines[i]!);
      i++;
      continue;
    }
    // A quote runs over quoted lines and blank lines between them.
    let end = i;
    while (
      end < lines.length &&
      (QUOTED.test(lines[end]!) || (!lines[end]!.trim() && QUOTED.test(lines[end + 1] ?? '')))
    )
      end++;
    const attribution = takeAttribution(own);
    flushOwn();
    const text = lines
      .slice(i, end)
      .map((l) => l.replace(/^\s*> ?/, ''))
      .join('\n');
    blocks.push({ kind: 'quote', attribution, text });
    i = end;
  }
  flushOwn();
  return blocks;
}

/** Removes the attribution ("On … wrote:", up to two wrapped lines) from the end of own text. */
function takeAttribution(own: string[]): string | null {
  let last = own.length - 1;
  while (last >= 0 && !own[last]!.trim()) last--;
  if (last < 0 || !ATTRIBUTION_END.test(own[last]!)) return null;
  for (const first of [last, last - 1]) {
    if (first < 0) continue;
    if (ATTRIBUTION_START.test(own[first]!)) {
      const attribution = own
        .slice(first, last + 1)
        .map((l) => l.trim())
        .join(' ');
      own.splice(first);
      return attribution;
    }
  }
  return null;
}

export type TextPiece = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const linkify = linkifyit().add('ftp:', null).add('//', null).set({ fuzzyEmail: true, fuzzyLink: true });

export function linkifyText(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of linkify.match(text) ?? []) {
    if (!/^(https?:\/\/|mailto:)/i.test(match.url)) continue;
    if (match.index > at) pieces.push({ kind: 'text', text: text.slice(at, match.index) });
    pieces.push({ kind: 'link', text: match.text, href: match.url });
    at = match.lastIndex;
  }
  if (at < text.length) pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}
