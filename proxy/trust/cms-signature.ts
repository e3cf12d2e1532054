import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { MessageSignature, RevocationStatus } from '../../common/contract';
import { allowsEmailSigning, certificateIdentity, issuerDisplayName } from './certificate-facts';
import { buildChain, validAt } from './chain';
import { setUpNodeCrypto, toX509 } from './crypto-engine';
import { emailMatchesFrom } from './email-match';
import type { RevocationChecker } from './revocation';
import { signatureOutcome } from './signature-outcome';
import type { TrustStore } from './trust-anchors';

export interface CmsSignatureInput {
  /** DER of the CMS ContentInfo (the decoded smime.p7s or smime.p7m). */
  cms: Uint8Array<ArrayBuffer>;
  /** multipart/signed: the first part's bytes exactly as in the message; opaque: null. */
  detachedContent: Uint8Array | null;
  /** The From address as written (not lower-cased): the certificate must name it. */
  from: string | null;
  /** When the message arrived: the signing time when the signature does not state one. */
  arrivalTime: Date;
  now: Date;
}

export interface CmsSignatureResult {
  signature: MessageSignature;
  /** The signed content, for the opaque form (the reader shows it as the message); else null. */
  content: Uint8Array | null;
}

export interface TrustContext {
  trust: TrustStore;
  revocation: RevocationChecker;
}

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const SIGNING_TIME = '1.2.840.113549.1.9.5';

/**
 * Verifies one S/MIME signature (RFC 8551 §3.5, CMS per RFC 5652) and turns what it found into
 * the reader's MessageSignature. Only the first signer is judged: S/MIME mail has one.
 */
export async function verifyCmsSignature(
  input: CmsSignatureInput,
  ctx: TrustContext,
): Promise<CmsSignatureResult> {
  setUpNodeCrypto();
  const form = input.detachedContent ? 'detached' : 'opaque';
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(input.cms);
    if (info.contentType !== SIGNED_DATA) return malformed(form, input.arrivalTime);
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    return malformed(form, input.arrivalTime);
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) return malformed(form, input.arrivalTime);

  const content = input.detachedContent ?? encapsulatedContent(signedData);
  if (!content) return malformed(form, input.arrivalTime);

  const checked = await checkSignatureValue(signedData, content);
  if (!checked) return malformed(form, input.arrivalTime);
  const signer = toX509(checked.signerCertificate);

  const carried = (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map(toX509)
    .filter((c) => !Buffer.from(c.rawData).equals(Buffer.from(signer.rawData)));
  const stated = signingTimeOf(signerInfo);
  const signingTime = stated ?? input.arrivalTime;
  const chain = await buildChain(signer, [...carried, ...ctx.trust.intermediates], ctx.trust.anchors);
  const identity = certificateIdentity(signer);

  let revocation: { status: RevocationStatus; method: 'crl' | 'ocsp' | null; revokedAt: Date | null } = {
    status: 'not_checked',
    method: null,
    revokedAt: null,
  };
  // A CRL or OCSP answer means something only under a trusted issuer.
  if (chain.trusted && checked.intact) revocation = await ctx.revocation.check(chain.path, input.now);

  const facts = {
    parsed: true,
    contentIntact: checked.intact,
    chainTrusted: chain.trusted,
    validAtSigningTime: validAt(chain.path, signingTime),
    usageAllowed: allowsEmailSigning(signer),
    matchesFrom: emailMatchesFrom(identity.emails, input.from),
    revocation: revocation.status,
  };
  return {
    signature: {
      outcome: signatureOutcome(facts),
      form,
      signerName: identity.name,
      signerEmail: identity.emails[0] ?? null,
      organisation: identity.organisation,
      issuerName: issuerDisplayName(signer),
      signingTime: signingTime.toISOString(),
      signingTimeSource: stated ? 'signed_attribute' : 'arrival',
      contentIntact: facts.contentIntact,
      chainTrusted: facts.chainTrusted,
      validAtSigningTime: facts.validAtSigningTime,
      usageAllowed: facts.usageAllowed,
      matchesFrom: facts.matchesFrom,
      revocation: revocation.status,
      revocationMethod: revocation.method,
      revokedAt: revocation.revokedAt?.toISOString() ?? null,
    },
    content: form === 'opaque' ? content : null,
  };
}

/** The content carried inside an opaque signed-data, whether one OCTET STRING or a constructed one. */
function encapsulatedContent(signedData: pkijs.SignedData): Uint8Array | null {
  const eContent = signedData.encapContentInfo.eContent;
  if (!eContent) return null;
  if (eContent.idBlock.isConstructed) {
    const pieces = (eContent.valueBlock.value as asn1js.OctetString[]).map(
      (piece) => new Uint8Array(piece.valueBlock.valueHexView),
    );
    return new Uint8Array(Buffer.concat(pieces));
  }
  return new Uint8Array(eContent.valueBlock.valueHexView);
}

/**
 * The signature value and message digest against the content. null: the structure names no
 * usable signer certificate or algorithm (malformed); intact false: it does not match.
 */
async function checkSignatureValue(
  signedData: pkijs.SignedData,
  content: Uint8Array,
): Promise<{ intact: boolean; signerCertificate: pkijs.Certificate } | null> {
  try {
    const result = await signedData.verify({
      signer: 0,
      data: content.slice().buffer,
      extendedMode: true,
      checkChain: false,
    });
    if (!result.signerCertificate) return null;
    return { intact: result.signatureVerified === true, signerCertificate: result.signerCertificate };
  } catch (err) {
    const failure = err as { code?: number; signerCertificate?: pkijs.Certificate | null };
    // Code 15: the digest or signature does not match the content it was computed over.
    if (failure.code === 15 && failure.signerCertificate)
      return { intact: false, signerCertificate: failure.signerCertificate };
    return null;
  }
}

function signingTimeOf(signerInfo: pkijs.SignerInfo): Date | null {
  const attribute = signerInfo.signedAttrs?.attributes.find((a) => a.type === SIGNING_TIME);
  const value = attribute?.values[0];
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) {
    const date = value.toDate();
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** What a signature that cannot be read (or checked at all) is reported as. */
export function malformed(form: 'detached' | 'opaque', arrivalTime: Date): CmsSignatureResult {
  return {
    signature: {
      outcome: 'malformed',
      form,
      signerName: null,
      signerEmail: null,
      organisation: null,
      issuerName: null,
      signingTime: arrivalTime.toISOString(),
      signingTimeSource: 'arrival',
      contentIntact: false,
      chainTrusted: false,
      validAtSigningTime: false,
      usageAllowed: false,
      matchesFrom: false,
      revocation: 'not_checked',
      revocationMethod: null,
      revokedAt: null,
    },
    content: null,
  };
}
