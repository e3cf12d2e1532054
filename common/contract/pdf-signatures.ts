import { z } from 'zod';

/**
 * Đ14.2h: "văn bản điện tử có ký số". What the proxy found when it verified the signatures of one
 * PDF attachment with poppler's pdfsig, against the trust anchors the operator configured.
 * Worst first: the attachment chip shows the worst outcome of its signatures.
 */
export const pdfSignatureOutcomes = [
  'content_altered',
  'malformed',
  'changed_after_signing',
  'revoked',
  'untrusted_issuer',
  'expired',
  'revocation_not_checked',
  'valid',
] as const;
export const PdfSignatureOutcome = z.enum(pdfSignatureOutcomes);
export type PdfSignatureOutcome = z.infer<typeof PdfSignatureOutcome>;

export const PdfSignature = z
  .object({
    outcome: PdfSignatureOutcome,
    /** The signer certificate's common name (NFC), as the signer's CA wrote it. */
    signerName: z.string().nullable(),
    /** The signer certificate's issuer (distinguished name, NFC). */
    issuer: z.string().nullable(),
    /** When the signer says it signed (ISO 8601 UTC): the signer's own clock, not a timestamp. */
    signingTime: z.string().nullable(),
    /** The signed byte ranges cover the whole file: nothing was appended after this signature. */
    wholeDocumentSigned: z.boolean().nullable(),
    /** OCSP answered for the signer's certificate; false when revocation could not be checked. */
    revocationChecked: z.boolean(),
  })
  .meta({ id: 'PdfSignature' });
export type PdfSignature = z.infer<typeof PdfSignature>;

export const PdfSignatureReport = z
  .object({
    /**
     * not_signed: no signature at all (no badge); signed: see `signatures`; unreadable: pdfsig
     * could not read the file (damaged, encrypted), so nothing is said either way.
     */
    status: z.enum(['not_signed', 'signed', 'unreadable']),
    /** The worst outcome among the signatures; null when not signed. */
    outcome: PdfSignatureOutcome.nullable(),
    signatures: z.array(PdfSignature),
    /** When the proxy verified it (ISO 8601 UTC); answers are cached for a while. */
    checkedAt: z.string(),
  })
  .meta({ id: 'PdfSignatureReport' });
export type PdfSignatureReport = z.infer<typeof PdfSignatureReport>;

/** The worst outcome of a set of signatures (the order of pdfSignatureOutcomes). */
export function worstPdfSignatureOutcome(
  outcomes: readonly PdfSignatureOutcome[],
): PdfSignatureOutcome | null {
  let worst: PdfSignatureOutcome | null = null;
  for (const o of outcomes)
    if (worst === null || pdfSignatureOutcomes.indexOf(o) < pdfSignatureOutcomes.indexOf(worst)) worst = o;
  return worst;
}
