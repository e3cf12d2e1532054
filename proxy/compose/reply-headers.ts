import type { Address } from '../../common/contract';

/**
 * Reply and forward rules, PURE. Subjects carry one prefix however long the thread: "Re: Re: TL:
 * Công văn" becomes "Re: Công văn". Vietnamese clients write "TL:" (trả lời) and "CT:" (chuyển tiếp).
 */
const PREFIX = /^\s*(re|fwd?|tl|ct|tr[aả] l[oờ]i|chuy[eể]n ti[eế]p|aw|wg|sv|vs)\s*(\[\d+\])?\s*:\s*/iu;

export function baseSubject(subject: string): string {
  let s = subject.normalize('NFC');
  for (let i = 0; i < 20 && PREFIX.test(s); i++) s = s.replace(PREFIX, '');
  return s.trim();
}

export function replySubject(subject: string): string {
  return `Re: ${baseSubject(subject)}`;
}

export function forwardSubject(subject: string): string {
  return `Fwd: ${baseSubject(subject)}`;
}

interface Original {
  from: Address | null;
  to: Address[];
  cc: Address[];
  replyTo: Address[];
  messageId: string | null;
  references: string[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function unique(list: Address[], exclude: string[]): Address[] {
  const seen = new Set(exclude.map((e) => e.toLowerCase()));
  const out: Address[] = [];
  for (const a of list) {
    const key = a.address.toLowerCase();
    if (!a.address || seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/**
 * Who a reply goes to: Reply-To when the sender set one, else From. Reply-all adds the original
 * To and Cc in Cc, never the user's own address; a reply to one's own message goes to its To.
 */
export function replyRecipients(
  original: Original,
  self: string,
  all: boolean,
): { to: Address[]; cc: Address[] } {
  const fromSelf = original.from !== null && same(original.from.address, self);
  const primary = fromSelf
    ? original.to
    : original.replyTo.length > 0
      ? original.replyTo
      : original.from
        ? [original.from]
        : [];
  const to = unique(primary, fromSelf ? [] : [self]);
  if (!all) return { to: to.length > 0 ? to : unique(primary, []), cc: [] };
  const cc = unique([...original.to, ...original.cc], [self, ...to.map((a) => a.address)]);
  return { to, cc };
}

/** RFC 5322 §3.6.4: In-Reply-To is the parent's id; References its references plus the parent. */
export function threadHeaders(original: Original): { inReplyTo?: string; references?: string[] } {
  if (!original.messageId) return {};
  const references = [
    ...original.references.filter((r) => r !== original.messageId),
    original.messageId,
  ].slice(-20);
  return { inReplyTo: original.messageId, references };
}

export function formatAddress(a: Address): string {
  return a.name ? `${a.name} <${a.address}>` : a.address;
}
