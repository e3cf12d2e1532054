import type { webcrypto } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as x509 from '../trust/x509';

/**
 * A small PKI made at run time for tests: a root, intermediates and leaf certificates, CRLs, and
 * an HTTP server for the CRLs on 127.0.0.1. Nothing here is ever trusted outside a test.
 */
x509.cryptoProvider.set(globalThis.crypto);

const ALGORITHM = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

export interface TestCertificate {
  cert: x509.X509Certificate;
  keys: webcrypto.CryptoKeyPair;
  /** PEM of the certificate, and of the private key (PKCS#8) for openssl. */
  certPem: string;
  keyPem: string;
}

const DAY = 86_400_000;
let serial = Date.now();
const nextSerial = () => (serial++).toString(16).padStart(16, '0');

async function finish(cert: x509.X509Certificate, keys: webcrypto.CryptoKeyPair): Promise<TestCertificate> {
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    cert,
    keys,
    certPem: cert.toString('pem'),
    keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
  };
}

const generateKeys = () =>
  crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>;

export interface CaOptions {
  name?: string;
  notBefore?: Date;
  notAfter?: Date;
}

/** A self-signed root CA (CN and O as a Vietnamese CA writes them). */
export async function makeCa(options: CaOptions = {}): Promise<TestCertificate> {
  const keys = await generateKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: `CN=${options.name ?? 'Test Root CA'}, O=Test PKI, C=VN`,
    notBefore: options.notBefore ?? new Date(Date.now() - 365 * DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 10 * 365 * DAY),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return finish(cert, keys);
}

export interface LeafOptions {
  /** The person's name (CN), organisation (O) and e-mail addresses (rfc822Name SAN). */
  name?: string;
  organisation?: string;
  emails?: string[];
  /** Puts the first address in the subject's emailAddress instead of the SAN, as older CAs do. */
  emailInSubject?: boolean;
  notBefore?: Date;
  notAfter?: Date;
  /** CRL distribution point(s) and OCSP responder(s) to name in the certificate. */
  crlUrls?: string[];
  ocspUrls?: string[];
  /** Make a CA (an intermediate) rather than an end entity. */
  ca?: boolean;
  /** Extended key usages (default emailProtection; [] leaves the extension out). */
  extendedKeyUsages?: string[];
}

/** A certificate issued by `issuer`: a signer's (S/MIME) certificate, or an intermediate CA. */
export async function makeLeaf(issuer: TestCertificate, options: LeafOptions = {}): Promise<TestCertificate> {
  const keys = await generateKeys();
  const emails = options.emails ?? [];
  const subject = [
    `CN=${options.name ?? (options.ca ? 'Test Intermediate CA' : 'Nguyễn Văn Thử')}`,
    `O=${options.organisation ?? 'Test Organisation'}`,
    'C=VN',
    ...(options.emailInSubject && emails[0] ? [`E=${emails[0]}`] : []),
  ].join(', ');
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(Boolean(options.ca), undefined, true),
    new x509.KeyUsagesExtension(
      options.ca
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(issuer.cert),
  ];
  const eku = options.extendedKeyUsages ?? (options.ca ? [] : [x509.ExtendedKeyUsage.emailProtection]);
  if (eku.length) extensions.push(new x509.ExtendedKeyUsageExtension(eku));
  if (emails.length && !options.emailInSubject)
    extensions.push(
      new x509.SubjectAlternativeNameExtension(emails.map((value) => ({ type: 'email' as const, value }))),
    );
  if (options.crlUrls?.length) extensions.push(new x509.CRLDistributionPointsExtension(options.crlUrls));
  if (options.ocspUrls?.length)
    extensions.push(new x509.AuthorityInfoAccessExtension({ ocsp: options.ocspUrls }));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject,
    issuer: issuer.cert.subject,
    notBefore: options.notBefore ?? new Date(Date.now() - 30 * DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions,
  });
  return finish(cert, keys);
}

/** A CRL of `issuer` revoking these certificates, current for a day. DER bytes. */
export async function makeCrl(issuer: TestCertificate, revoked: TestCertificate[] = []): Promise<Uint8Array> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.cert.subject,
    thisUpdate: new Date(Date.now() - 60_000),
    nextUpdate: new Date(Date.now() + DAY),
    entries: revoked.map((r) => ({
      serialNumber: r.cert.serialNumber,
      revocationDate: new Date(Date.now() - 60_000),
      reason: x509.X509CrlReason.keyCompromise,
    })),
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: ALGORITHM,
  });
  return new Uint8Array(crl.rawData);
}

export interface CrlServer {
  /** http://127.0.0.1:<port>/<name>.crl: put it in a certificate's CRL distribution point. */
  url: (name?: string) => string;
  /** Serves these DER bytes at that name from now on. */
  setCrl: (crl: Uint8Array, name?: string) => void;
  /** How many times a CRL was asked for (to see the cache at work). */
  requests: () => number;
  close: () => Promise<void>;
}

/** An HTTP server on 127.0.0.1 (ephemeral port) publishing CRLs, as a CA's distribution point does. */
export async function serveCrl(initial?: Uint8Array, name = 'ca'): Promise<CrlServer> {
  const crls = new Map<string, Uint8Array>();
  if (initial) crls.set(name, initial);
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    const found = crls.get((req.url ?? '').replace(/^\//, '').replace(/\.crl$/, ''));
    if (!found) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/pkix-crl', 'content-length': found.byteLength });
    res.end(Buffer.from(found));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (n = name) => `http://127.0.0.1:${port}/${n}.crl`,
    setCrl: (crl, n = name) => crls.set(n, crl),
    requests: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A URL where nothing listens: a CA's CRL server that is offline. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/offline.crl`;
}

/** A certificate and key written earlier (e.g. by a test setup in another process), read back. */
export async function loadTestCertificate(certPem: string, keyPem: string): Promise<TestCertificate> {
  const cert = new x509.X509Certificate(certPem);
  const privateKey = await crypto.subtle.importKey(
    'pkcs8',
    x509.PemConverter.decodeFirst(keyPem),
    { name: ALGORITHM.name, hash: ALGORITHM.hash },
    true,
    ['sign'],
  );
  const publicKey = await cert.publicKey.export({ name: ALGORITHM.name, hash: ALGORITHM.hash }, ['verify']);
  return { cert, keys: { privateKey, publicKey }, certPem, keyPem };
}

/**
 * Writes a new root CA for a proxy about to start: its certificate alone into `anchorsDir` (the
 * proxy's TRUST_ANCHORS_DIR) and certificate and key into `caDir`, where loadTestCertificate
 * finds them to issue signers' certificates.
 */
export async function writeTestRoot(
  anchorsDir: string,
  caDir: string,
  name?: string,
): Promise<TestCertificate> {
  const root = await makeCa(name ? { name } : {});
  writeFileSync(path.join(anchorsDir, 'root.pem'), root.certPem);
  writeFileSync(path.join(caDir, 'root.pem'), root.certPem);
  writeFileSync(path.join(caDir, 'root.key'), root.keyPem, { mode: 0o600 });
  return root;
}

/** The root writeTestRoot left in `caDir`. */
export function readTestRoot(caDir: string): Promise<TestCertificate> {
  return loadTestCertificate(
    readFileSync(path.join(caDir, 'root.pem'), 'utf8'),
    readFileSync(path.join(caDir, 'root.key'), 'utf8'),
  );
}
