import * as x509 from './x509';

/** What a reader is told about a certificate: names, organisation, e-mail addresses. */
export interface CertificateIdentity {
  name: string | null;
  organisation: string | null;
  emails: string[];
}

const EMAIL_ADDRESS_OID = '1.2.840.113549.1.9.1';
const ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0';

const first = (values: string[]) => values.find((v) => v.trim().length > 0)?.normalize('NFC') ?? null;

export function certificateIdentity(cert: x509.X509Certificate): CertificateIdentity {
  return {
    name: first(cert.subjectName.getField('CN')),
    organisation: first(cert.subjectName.getField('O')),
    emails: certificateEmails(cert),
  };
}

/** The issuing CA as people know it: its common name, else its organisation. */
export function issuerDisplayName(cert: x509.X509Certificate): string | null {
  return first(cert.issuerName.getField('CN')) ?? first(cert.issuerName.getField('O'));
}

/** RFC 8550 §3: rfc822Name entries of subjectAltName, and the legacy emailAddress of the subject. */
export function certificateEmails(cert: x509.X509Certificate): string[] {
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  const fromSan = san ? san.names.items.filter((n) => n.type === 'email').map((n) => n.value) : [];
  const fromSubject = cert.subjectName.getField(EMAIL_ADDRESS_OID);
  return [...new Set([...fromSan, ...fromSubject].map((e) => e.trim()).filter(Boolean))];
}

/**
 * RFC 8550 §4.4: key usage, where present, must allow digitalSignature or nonRepudiation;
 * extended key usage, where present, must name emailProtection (or any purpose).
 */
export function allowsEmailSigning(cert: x509.X509Certificate): boolean {
  const ku = cert.getExtension(x509.KeyUsagesExtension);
  if (ku) {
    const signing = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
    if ((ku.usages & signing) === 0) return false;
  }
  const eku = cert.getExtension(x509.ExtendedKeyUsageExtension);
  if (eku) {
    const usages = eku.usages.map(String);
    if (!usages.includes(x509.ExtendedKeyUsage.emailProtection) && !usages.includes(ANY_EXTENDED_KEY_USAGE))
      return false;
  }
  return true;
}

/** Whether a certificate may sign other certificates (an intermediate in a chain). */
export function isCaCertificate(cert: x509.X509Certificate): boolean {
  const bc = cert.getExtension(x509.BasicConstraintsExtension);
  if (!bc?.ca) return false;
  const ku = cert.getExtension(x509.KeyUsagesExtension);
  return !ku || (ku.usages & x509.KeyUsageFlags.keyCertSign) !== 0;
}

/** http:// URLs of the CRL distribution points (no LDAP, no HTTPS: a CRL is signed anyway). */
export function crlUrls(cert: x509.X509Certificate): string[] {
  const ext = cert.getExtension(x509.CRLDistributionPointsExtension);
  if (!ext) return [];
  const urls: string[] = [];
  for (const dp of ext.distributionPoints) {
    for (const name of dp.distributionPoint?.fullName ?? []) {
      const uri = name.uniformResourceIdentifier;
      if (uri?.startsWith('http://')) urls.push(uri);
    }
  }
  return urls;
}

/** http:// OCSP responders named in Authority Information Access. */
export function ocspUrls(cert: x509.X509Certificate): string[] {
  const ext = cert.getExtension(x509.AuthorityInfoAccessExtension);
  if (!ext) return [];
  return ext.ocsp.filter((n) => n.type === 'url' && n.value.startsWith('http://')).map((n) => n.value);
}
