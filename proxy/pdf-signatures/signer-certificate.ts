import 'reflect-metadata';
import { AuthorityInfoAccessExtension, X509Certificate } from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * What pdfsig does not print but the reader shows or the verifier needs: from one signature's
 * CMS blob (as `pdfsig -dump` writes it), the signer's certificate — its issuer, the OCSP
 * responder it names — and the other certificates the signer enclosed (intermediates).
 */
export interface SignerCertificate {
  issuer: string;
  ocspUrls: string[];
  /** DER: the signer's certificate first, then the others enclosed. */
  chain: Buffer[];
}

export function readSignerCertificate(cms: Buffer): SignerCertificate | null {
  try {
    const asn1 = asn1js.fromBER(new Uint8Array(cms));
    if (asn1.offset === -1) return null;
    const info = new pkijs.ContentInfo({ schema: asn1.result });
    const signed = new pkijs.SignedData({ schema: info.content });
    const certs = (signed.certificates ?? []).filter(
      (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
    );
    const sid = signed.signerInfos[0]?.sid;
    const signer =
      sid instanceof pkijs.IssuerAndSerialNumber
        ? certs.find((c) => c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer))
        : certs[0];
    if (!signer) return null;
    const der = (c: pkijs.Certificate) => Buffer.from(c.toSchema(true).toBER(false));
    const x509 = new X509Certificate(der(signer));
    const aia = x509.getExtension(AuthorityInfoAccessExtension);
    return {
      issuer: x509.issuer.normalize('NFC'),
      ocspUrls: (aia?.ocsp ?? []).filter((n) => n.type === 'url').map((n) => n.value),
      chain: [der(signer), ...certs.filter((c) => c !== signer).map(der)],
    };
  } catch {
    return null;
  }
}
