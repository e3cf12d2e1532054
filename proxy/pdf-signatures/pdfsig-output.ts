/**
 * Reads what poppler's `pdfsig` prints about a PDF's signatures. Pure: the text in, one record
 * per signature out. pdfsig is run with LC_ALL=C and TZ=UTC, so the month names are English and
 * the signing time is UTC.
 *
 * Matched by phrase, case-insensitively, rather than by whole lines: poppler has reworded a few
 * of these over the years (and added lines such as the field name), and a phrase nobody knows
 * falls to the cautious side ("unknown"), never to "valid".
 */

/** What pdfsig says of the signature itself: do the signed bytes match the signed digest? */
export type SignatureCheck = 'valid' | 'digest_mismatch' | 'invalid' | 'unknown';
/** What pdfsig says of the signer's certificate, checked against the NSS database given. */
export type CertificateCheck =
  | 'trusted'
  | 'untrusted_issuer'
  | 'unknown_issuer'
  | 'revoked'
  | 'expired'
  | 'generic_error'
  | 'not_checked';

export interface PdfsigSignature {
  signerName: string | null;
  signerDn: string | null;
  /** ISO 8601 UTC, or null when pdfsig printed none (or a form this reader does not know). */
  signingTime: string | null;
  /** The signed byte ranges cover the whole file: nothing was appended after this signature. */
  wholeDocument: boolean | null;
  /** Where the last signed byte range ends: a later signature covers more of the file. */
  signedUpTo: number | null;
  signature: SignatureCheck;
  certificate: CertificateCheck;
}

export type PdfsigReport =
  | { kind: 'not_signed' }
  | { kind: 'signatures'; signatures: PdfsigSignature[] }
  | { kind: 'unreadable' };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function parsePdfsigOutput(stdout: string, stderr = ''): PdfsigReport {
  const text = stdout.normalize('NFC');
  if (/does not contain any signatures/i.test(text) || /does not contain any signatures/i.test(stderr))
    return { kind: 'not_signed' };
  const blocks = text.split(/^\s*Signature #\d+:?\s*$/m).slice(1);
  if (blocks.length === 0) return { kind: 'unreadable' };
  return { kind: 'signatures', signatures: blocks.map(readBlock) };
}

function readBlock(block: string): PdfsigSignature {
  const fields = new Map<string, string>();
  const flags: string[] = [];
  for (const raw of block.split('\n')) {
    const line = raw.replace(/^\s*-\s*/, '').trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    else flags.push(line.toLowerCase());
  }
  const field = (...names: string[]) => {
    for (const n of names) {
      const v = fields.get(n);
      if (v !== undefined && v !== '' && v.toLowerCase() !== 'unknown') return v;
    }
    return null;
  };
  return {
    signerName: field('signer certificate common name', 'signer name'),
    signerDn: field('signer full distinguished name'),
    signingTime: parseSigningTime(field('signing time')),
    wholeDocument: flags.some((f) => /^not total document signed/.test(f))
      ? false
      : flags.some((f) => /^total document signed/.test(f))
        ? true
        : null,
    signedUpTo: lastRangeEnd(fields.get('signed ranges')),
    signature: signatureCheck(fields.get('signature validation') ?? ''),
    certificate: certificateCheck(fields.get('certificate validation')),
  };
}

function lastRangeEnd(text: string | undefined): number | null {
  const ends = [...(text ?? '').matchAll(/\[\s*\d+\s*-\s*(\d+)\s*\]/g)].map((m) => Number(m[1]));
  return ends.length > 0 ? Math.max(...ends) : null;
}

function signatureCheck(text: string): SignatureCheck {
  const t = text.toLowerCase();
  if (/digest mismatch/.test(t)) return 'digest_mismatch';
  if (/signature is valid/.test(t)) return 'valid';
  if (/invalid|isn't signed|corrupt/.test(t)) return 'invalid';
  return 'unknown';
}

function certificateCheck(text: string | undefined): CertificateCheck {
  if (text === undefined) return 'not_checked';
  const t = text.toLowerCase();
  if (/revoked/.test(t)) return 'revoked';
  if (/expired/.test(t)) return 'expired';
  if (/issuer is unknown|unknown issuer/.test(t)) return 'unknown_issuer';
  if (/issuer isn't trusted|issuer is not trusted|untrusted issuer/.test(t)) return 'untrusted_issuer';
  if (/^certificate is trusted/.test(t)) return 'trusted';
  if (/not yet been verified|not verified/.test(t)) return 'not_checked';
  return 'generic_error';
}

/** "Dec 07 2026 12:01:07" (22.x, UTC as pdfsig is run) or an ISO 8601 time. */
export function parseSigningTime(text: string | null): string | null {
  if (!text) return null;
  const m = /^([A-Za-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase());
    if (month < 0) return null;
    const d = new Date(Date.UTC(+m[3]!, month, +m[2]!, +m[4]!, +m[5]!, +m[6]!));
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  return null;
}
