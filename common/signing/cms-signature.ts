import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseCertificate } from './certificate-info';
import { bufferOf, engineOf, type SigningKey, type WebCrypto } from './web-crypto';

const ID_DATA = '1.2.840.113549.1.7.1';
const ID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';
const SHA_256 = '2.16.840.1.101.3.4.2.1';

/**
 * A detached CMS SignedData (RFC 5652, as S/MIME 4.0 wants it): the content is not inside, only
 * its SHA-256 in the signed attributes (contentType, signingTime, messageDigest), which are what
 * the key signs. The signer's certificate and the rest of its chain travel with the signature so
 * that the recipient's client can build the path to a CA it trusts. The same code runs in the
 * browser (the user's key) and in Node (the tests).
 */
export async function signDetached(input: {
  contentDigest: Uint8Array;
  key: SigningKey;
  chain: Uint8Array[];
  signingTime: Date;
  crypto: WebCrypto;
}): Promise<Uint8Array> {
  if (input.contentDigest.length !== 32) throw new Error('a SHA-256 digest is 32 bytes');
  const engine = engineOf(input.crypto);
  const certificates = input.chain.map(parseCertificate);
  const signer = certificates[0];
  if (!signer) throw new Error('no signer certificate');
  const attribute = (type: string, value: asn1js.BaseBlock) => new pkijs.Attribute({ type, values: [value] });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: ID_DATA }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            attribute(CONTENT_TYPE, new asn1js.ObjectIdentifier({ value: ID_DATA })),
            attribute(SIGNING_TIME, new asn1js.UTCTime({ valueDate: input.signingTime })),
            attribute(MESSAGE_DIGEST, new asn1js.OctetString({ valueHex: bufferOf(input.contentDigest) })),
          ],
        }),
      }),
    ],
    certificates,
  });
  await signedData.sign(input.key as never, 0, 'SHA-256', undefined, engine);
  const contentInfo = new pkijs.ContentInfo({
    contentType: ID_SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

export interface DetachedSignatureCheck {
  /** The signature is over exactly this content, made by the key of `signerCertificate`. */
  valid: boolean;
  /** DER of the certificate the signer info names, when the signature carries it. */
  signerCertificate: Uint8Array | null;
  digestAlgorithm: string | null;
}

/**
 * Checks a detached signature against the content it claims to sign: the message digest and the
 * signature over the signed attributes, with the certificate it carries. Whether that certificate
 * is trustworthy is not asked here (no chain check): that is the recipient's client's job.
 */
export async function checkDetachedSignature(
  signature: Uint8Array,
  content: Uint8Array,
  crypto: WebCrypto,
): Promise<DetachedSignatureCheck> {
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(bufferOf(signature));
    if (contentInfo.contentType !== ID_SIGNED_DATA) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return { valid: false, signerCertificate: null, digestAlgorithm: null };
  }
  const signerInfo = signedData.signerInfos[0];
  const digestAlgorithm = signerInfo?.digestAlgorithm.algorithmId ?? null;
  let signerCertificate: Uint8Array | null = null;
  if (signerInfo?.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = signerInfo.sid;
    const found = (signedData.certificates ?? []).find(
      (c): c is pkijs.Certificate =>
        c instanceof pkijs.Certificate &&
        c.issuer.isEqual(sid.issuer) &&
        c.serialNumber.isEqual(sid.serialNumber),
    );
    if (found) signerCertificate = new Uint8Array(found.toSchema().toBER());
  }
  if (!signerInfo || signedData.signerInfos.length !== 1 || digestAlgorithm !== SHA_256 || !signerCertificate)
    return { valid: false, signerCertificate, digestAlgorithm };
  try {
    const result = await signedData.verify(
      { signer: 0, data: bufferOf(content), checkChain: false, extendedMode: true },
      engineOf(crypto),
    );
    return { valid: result.signatureVerified === true, signerCertificate, digestAlgorithm };
  } catch {
    return { valid: false, signerCertificate, digestAlgorithm };
  }
}
