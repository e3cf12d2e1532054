import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import type { webcrypto } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as x509 from '@peculiar/x509';

/**
 * A throw-away certificate authority for tests, made at run time: a root, and leaves it issues
 * (Vietnamese names, as the province's signers have), written as PEM and PKCS#12 files. Nothing
 * here is ever a real trust anchor.
 */
const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]) };
const DAY = 86_400_000;

export interface TestCa {
  name: string;
  certificate: x509.X509Certificate;
  keys: webcrypto.CryptoKeyPair;
  pemFile: string;
}

export interface TestLeaf {
  certificate: x509.X509Certificate;
  pemFile: string;
  keyFile: string;
  /** PKCS#12 with the chain, password `test`, friendly name `nick`. */
  p12File: string;
  nick: string;
}

let serial = 1;
const nextSerial = () => (Date.now() * 100 + serial++).toString(16).padStart(16, '0').slice(-16);

const generateKeys = () =>
  crypto.subtle.generateKey({ ...alg, modulusLength: 2048 }, true, ['sign', 'verify']);

export async function makeTestCa(dir: string, name: string): Promise<TestCa> {
  const keys = await generateKeys();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: `C=VN, O=${name}, CN=${name} Root CA`,
    notBefore: new Date(Date.now() - 30 * DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    keys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pemFile = path.join(dir, `${name.replace(/\W+/g, '-')}-root.pem`);
  writeFileSync(pemFile, certificate.toString('pem'));
  return { name, certificate, keys, pemFile };
}

export interface LeafOptions {
  commonName: string;
  organisation: string;
  /** File names and the NSS nickname. */
  nick: string;
  notBefore?: Date;
  notAfter?: Date;
  /** An OCSP responder named in Authority Information Access. */
  ocspUrl?: string;
}

export async function makeTestLeaf(dir: string, ca: TestCa, options: LeafOptions): Promise<TestLeaf> {
  const keys = await generateKeys();
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(
      x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
      true,
    ),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection]),
    await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (options.ocspUrl)
    extensions.push(
      new x509.AuthorityInfoAccessExtension({ ocsp: [new x509.GeneralName('url', options.ocspUrl)] }),
    );
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: `C=VN, O=${options.organisation}, CN=${options.commonName}`,
    issuer: ca.certificate.subject,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    signingKey: ca.keys.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: alg,
    extensions,
  });
  const pemFile = path.join(dir, `${options.nick}.pem`);
  const keyFile = path.join(dir, `${options.nick}.key`);
  const p12File = path.join(dir, `${options.nick}.p12`);
  writeFileSync(pemFile, certificate.toString('pem'));
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  writeFileSync(
    keyFile,
    `-----BEGIN PRIVATE KEY-----\n${pkcs8.replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`,
    {
      mode: 0o600,
    },
  );
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    keyFile,
    '-in',
    pemFile,
    '-certfile',
    ca.pemFile,
    '-name',
    options.nick,
    '-out',
    p12File,
    '-passout',
    'pass:test',
  ]);
  return { certificate, pemFile, keyFile, p12File, nick: options.nick };
}

/** An NSS database holding the leaves' keys, for `pdfsig -add-signature -nick`. */
export function makeSigningDb(dir: string, leaves: TestLeaf[]): string {
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  for (const leaf of leaves)
    execFileSync('pk12util', ['-i', leaf.p12File, '-d', `sql:${dir}`, '-W', 'test'], { stdio: 'ignore' });
  return dir;
}
