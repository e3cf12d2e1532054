import { type ComposePrefill, RECIPIENT_NAME_MAX, SUBJECT_MAX } from '../../common/contract';

/**
 * Pure: what a prefill takes from a received message (names, subject, message ids) made fit to be
 * sent again. The contract refuses control characters and over-long names from what a person types
 * (header injection); a sender's name or subject may carry them all the same (an encoded word can
 * decode to CR/LF, a folded header leaves a TAB), and a reply must never fail for that. Control
 * characters become a space, a name too long is shortened, an unusable message id is dropped.
 */
const CONTROL_RUN = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;
const ID_MAX = 998;

export function cleanHeaderText(raw: string, max: number): string {
  const clean = raw.normalize('NFC').replace(CONTROL_RUN, ' ').replace(/ {2,}/g, ' ').trim();
  if (clean.length <= max) return clean;
  // Cut on a code point, never inside a surrogate pair, and say that something was cut.
  let cut = '';
  for (const ch of clean) {
    if (cut.length + ch.length > max - 1) break;
    cut += ch;
  }
  return `${cut.trimEnd()}…`;
}

const usableId = (id: string) => id.length <= ID_MAX && !/[\p{Cc}\s]/u.test(id);

type PrefillRecipient = ComposePrefill['to'][number];

function cleanRecipient(r: PrefillRecipient): PrefillRecipient {
  if (r.name === undefined) return r;
  const name = cleanHeaderText(r.name, RECIPIENT_NAME_MAX);
  return name ? { name, address: r.address } : { address: r.address };
}

export function cleanPrefill(prefill: ComposePrefill): ComposePrefill {
  const { inReplyTo, references, ...rest } = prefill;
  const kept = references?.filter(usableId);
  return {
    ...rest,
    to: prefill.to.map(cleanRecipient),
    cc: prefill.cc.map(cleanRecipient),
    bcc: prefill.bcc.map(cleanRecipient),
    subject: cleanHeaderText(prefill.subject, SUBJECT_MAX),
    ...(inReplyTo !== undefined && usableId(inReplyTo) ? { inReplyTo } : {}),
    ...(kept?.length ? { references: kept } : {}),
  };
}
