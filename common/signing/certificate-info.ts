import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bufferOf } from './web-crypto';

const EMAIL_ADDRESS_ATTRIBUTE = '1.2.840.113549.1.9.1';
const SUBJECT_ALT_NAME = '2.5.29.17';
const RFC822_NAME = 1;
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const CURVES: Record<string, 'P-256' | 'P-384'> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
};

export type KeyKind = { kind: 'RSA' } | { kind: 'EC'; curve: 'P-256' | 'P-384' } | { kind: 'unsupported' };

export interface CertificateInfo {
  /** Lower-cased: the subjectAltName rfc822Names, then the subject's emailAddress (older CAs). */
  emails: string[];
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  key: KeyKind;
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(bufferOf(der));
}

/** What the signing code and the user need to know about a certificate. Pure. */
export function certificateInfo(der: Uint8Array): CertificateInfo {
  const cert = parseCertificate(der);
  const emails: string[] = [];
  for (const ext of cert.extensions ?? []) {
    if (ext.extnID !== SUBJECT_ALT_NAME) continue;
    const names = ext.parsedValue as pkijs.AltName | undefined;
    for (const name of names?.altNames ?? []) {
      if (name.type === RFC822_NAME && typeof name.value === 'string') emails.push(name.value.toLowerCase());
    }
  }
  for (const rdn of cert.subject.typesAndValues) {
    if (rdn.type === EMAIL_ADDRESS_ATTRIBUTE) emails.push(String(rdn.value.valueBlock.value).toLowerCase());
  }
  return {
    emails: [...new Set(emails)],
    subject: nameText(cert.subject),
    issuer: nameText(cert.issuer),
    serialNumber: hex(cert.serialNumber.valueBlock.valueHexView),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    key: keyKindOf(cert),
  };
}

/** The certificate may sign for `address`: one of its e-mail names is exactly that address. */
export function certificateCoversAddress(info: Pick<CertificateInfo, 'emails'>, address: string): boolean {
  return info.emails.includes(address.trim().toLowerCase());
}

export function keyKindOf(cert: pkijs.Certificate): KeyKind {
  const spki = cert.subjectPublicKeyInfo;
  const oid = spki.algorithm.algorithmId;
  if (oid === RSA_ENCRYPTION) return { kind: 'RSA' };
  if (oid === EC_PUBLIC_KEY && spki.algorithm.algorithmParams instanceof asn1js.ObjectIdentifier) {
    const curve = CURVES[spki.algorithm.algorithmParams.valueBlock.toString()];
    if (curve) return { kind: 'EC', curve };
  }
  return { kind: 'unsupported' };
}

const NAME_LABELS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  [EMAIL_ADDRESS_ATTRIBUTE]: 'E',
};

function nameText(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .filter((tv) => NAME_LABELS[tv.type])
    .map((tv) => `${NAME_LABELS[tv.type]}=${String(tv.value.valueBlock.value)}`)
    .join(', ');
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
