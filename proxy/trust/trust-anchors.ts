import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { setUpNodeCrypto } from './crypto-engine';
import * as x509 from './x509';

export interface TrustStore {
  /** Self-signed roots: a chain that reaches one of them is trusted. */
  anchors: x509.X509Certificate[];
  /** Other certificates found in the folder: used to complete a chain, never trusted by themselves. */
  intermediates: x509.X509Certificate[];
  /** Files that could not be read as certificates, with the reason, for the start-up log. */
  skipped: { file: string; reason: string }[];
}

export const emptyTrustStore = (): TrustStore => ({ anchors: [], intermediates: [], skipped: [] });

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Reads TRUST_ANCHORS_DIR once at start. Nothing is trusted by default: no folder, or an empty
 * one, means every signature is reported as from an untrusted issuer. A file that is not a
 * certificate (PEM, or DER in .cer/.crt/.der) is skipped and named, never fatal.
 */
export async function loadTrustAnchors(dir: string | undefined): Promise<TrustStore> {
  setUpNodeCrypto();
  const store = emptyTrustStore();
  if (!dir) return store;
  let files: string[];
  try {
    files = readdirSync(dir).sort();
  } catch (err) {
    store.skipped.push({ file: dir, reason: `cannot read the folder: ${(err as Error).message}` });
    return store;
  }
  for (const name of files) {
    const file = path.join(dir, name);
    if (name.startsWith('.') || !statSync(file).isFile()) continue;
    try {
      for (const cert of readCertificates(readFileSync(file))) {
        if (await isSelfIssuedRoot(cert)) store.anchors.push(cert);
        else store.intermediates.push(cert);
      }
    } catch (err) {
      store.skipped.push({ file: name, reason: (err as Error).message });
    }
  }
  return store;
}

function readCertificates(bytes: Buffer): x509.X509Certificate[] {
  const text = bytes.toString('latin1');
  const blocks = text.match(PEM_BLOCK);
  if (blocks) return blocks.map((pem) => new x509.X509Certificate(pem));
  if (text.includes('-----BEGIN')) throw new Error('no CERTIFICATE block in this PEM file');
  // A lone DER certificate, as CAs often publish their roots.
  return [new x509.X509Certificate(new Uint8Array(bytes))];
}

async function isSelfIssuedRoot(cert: x509.X509Certificate): Promise<boolean> {
  if (cert.subject !== cert.issuer) return false;
  return cert.verify({ signatureOnly: true }).catch(() => false);
}
