import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCa, makeLeaf, type TestCertificate, unreachableUrl } from '../test-support/test-pki';
import { setUpNodeCrypto } from './crypto-engine';
import { askOcsp } from './ocsp-check';

/**
 * OCSP against Debian's openssl as the responder (`openssl ocsp -index`, signing with the CA's
 * own key), behind a small HTTP server on 127.0.0.1, as a CA's responder would answer.
 */
let ca: TestCertificate;
let good: TestCertificate;
let revoked: TestCertificate;
let dir: string;
let server: Server;
let url: string;

const asn1Time = (d: Date) => `${d.toISOString().replace(/[-:T]/g, '').slice(2, 14)}Z`;
/** The serial as openssl's index writes it: upper-case hex, whole bytes, no leading zero bytes. */
const indexSerial = (hex: string) => {
  const bare = hex.replace(/^0+/, '').toUpperCase() || '00';
  return bare.length % 2 ? `0${bare}` : bare;
};
const pk = (c: TestCertificate) => pkijs.Certificate.fromBER(c.cert.rawData);

beforeAll(async () => {
  setUpNodeCrypto();
  ca = await makeCa();
  good = await makeLeaf(ca);
  revoked = await makeLeaf(ca);
  dir = mkdtempSync(path.join(tmpdir(), 'bp-ocsp-'));
  writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
  writeFileSync(path.join(dir, 'ca.key'), ca.keyPem);
  const expiry = asn1Time(new Date(Date.now() + 365 * 86_400_000));
  const line = (status: 'V' | 'R', c: TestCertificate, revokedAt = '') =>
    [status, expiry, revokedAt, indexSerial(c.cert.serialNumber), 'unknown', '/CN=test'].join('\t');
  writeFileSync(
    path.join(dir, 'index.txt'),
    `${line('V', good)}\n${line('R', revoked, asn1Time(new Date(Date.now() - 3_600_000)))}\n`,
  );
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      writeFileSync(path.join(dir, 'req.der'), Buffer.concat(chunks));
      execFileSync(
        'openssl',
        ['ocsp', '-index', 'index.txt', '-CA', 'ca.pem', '-rsigner', 'ca.pem', '-rkey', 'ca.key'].concat([
          '-reqin',
          'req.der',
          '-respout',
          'resp.der',
          '-ndays',
          '1',
        ]),
        { cwd: dir, stdio: 'ignore' },
      );
      res.writeHead(200, { 'content-type': 'application/ocsp-response' });
      res.end(readFileSync(path.join(dir, 'resp.der')));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const options = { timeoutMs: 3000, maxBytes: 100_000 };

describe('askOcsp', () => {
  it('answers good for a certificate the responder knows as valid', async () => {
    expect(await askOcsp(url, pk(good), pk(ca), new Date(), options)).toBe('good');
  });

  it('answers revoked for a revoked one', async () => {
    expect(await askOcsp(url, pk(revoked), pk(ca), new Date(), options)).toBe('revoked');
  });

  it('gives no answer when the issuer given is not the one that signed the response', async () => {
    const stranger = await makeCa({ name: 'Another CA' });
    expect(await askOcsp(url, pk(good), pk(stranger), new Date(), options)).toBeNull();
  });

  it('gives no answer when the responder is offline', async () => {
    expect(await askOcsp(await unreachableUrl(), pk(good), pk(ca), new Date(), options)).toBeNull();
  });
});
