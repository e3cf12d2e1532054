import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SmimeIdentity {
  dir: string;
  /** The test CA's certificate (PEM file): what `openssl cms -verify -CAfile` trusts. */
  caFile: string;
  /** The PKCS#12 (leaf key, leaf certificate, CA certificate), PBES2/AES as OpenSSL 3 writes it. */
  p12: Buffer;
  p12File: string;
  password: string;
  /** The same key and certificates in the RC2/3DES form older tools write. */
  legacyP12: Buffer;
  /** A PKCS#12 with the CA's certificate only, no key. */
  certOnlyP12: Buffer;
  remove: () => void;
}

/**
 * A CA and a leaf certificate for `email` (subjectAltName, emailProtection), made at run time with
 * Debian's openssl so that nothing expires in the repository. `key` picks RSA 2048 or ECDSA.
 */
export function makeSmimeIdentity(
  email: string,
  options: { key?: 'rsa' | 'ec-p256' | 'ec-p384'; password?: string; days?: number } = {},
): SmimeIdentity {
  const dir = mkdtempSync(path.join(tmpdir(), 'smime-'));
  const password = options.password ?? 'Ky#So2026';
  const at = (name: string) => path.join(dir, name);
  const run = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const days = String(options.days ?? 2);
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    days,
    '-subj',
    '/CN=Test CA Binh Phuoc',
  );
  if (options.key === 'ec-p256' || options.key === 'ec-p384') {
    const curve = options.key === 'ec-p256' ? 'prime256v1' : 'secp384r1';
    run('ecparam', '-name', curve, '-genkey', '-noout', '-out', 'leaf.key');
  } else {
    run('genrsa', '-out', 'leaf.key', '2048');
  }
  run('req', '-new', '-key', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=Test Signer');
  writeFileSync(
    at('leaf.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=digitalSignature,nonRepudiation',
      'extendedKeyUsage=emailProtection',
      `subjectAltName=email:${email}`,
    ].join('\n'),
  );
  run(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'leaf.pem',
    '-days',
    days,
    '-extfile',
    'leaf.ext',
  );
  const pass = `pass:${password}`;
  run(
    'pkcs12',
    '-export',
    '-inkey',
    'leaf.key',
    '-in',
    'leaf.pem',
    '-certfile',
    'ca.pem',
    '-out',
    'leaf.p12',
    '-passout',
    pass,
  );
  run(
    'pkcs12',
    '-export',
    '-legacy',
    '-inkey',
    'leaf.key',
    '-in',
    'leaf.pem',
    '-out',
    'legacy.p12',
    '-passout',
    pass,
  );
  run('pkcs12', '-export', '-nokeys', '-in', 'ca.pem', '-out', 'certonly.p12', '-passout', pass);
  return {
    dir,
    caFile: at('ca.pem'),
    p12: readFileSync(at('leaf.p12')),
    p12File: at('leaf.p12'),
    password,
    legacyP12: readFileSync(at('legacy.p12')),
    certOnlyP12: readFileSync(at('certonly.p12')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `openssl cms -verify` on a whole message: the body it prints, or the failure it reports. */
export function opensslVerify(
  message: Buffer,
  caFile: string,
): { ok: true; content: string } | { ok: false; error: string } {
  try {
    const out = execFileSync('openssl', ['cms', '-verify', '-CAfile', caFile], {
      input: message,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return { ok: true, content: out.toString('utf8') };
  } catch (error) {
    return { ok: false, error: String((error as { stderr?: Buffer }).stderr ?? error) };
  }
}
