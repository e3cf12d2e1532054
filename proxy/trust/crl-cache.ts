import { LRUCache } from 'lru-cache';
import { fetchBounded } from './http-fetch';
import * as x509 from './x509';

export interface CrlSource {
  /** The CRL at that URL, signed by that issuer and current at `now`; null when none could be had. */
  get(url: string, issuer: x509.X509Certificate, now: Date): Promise<x509.X509Crl | null>;
}

/** Without nextUpdate a CRL is kept this long; a failed download is not retried sooner than this. */
const DEFAULT_KEEP_MS = 60 * 60_000;
const RETRY_AFTER_FAILURE_MS = 60_000;

/**
 * CRLs downloaded on demand and kept in memory until their nextUpdate, so a folder of signed
 * mail costs one download per CA. A server that does not answer is left alone for a minute
 * rather than making every message wait for the timeout again.
 */
export function createCrlCache(options: { timeoutMs: number; maxBytes: number }): CrlSource {
  const cache = new LRUCache<string, { crl: x509.X509Crl | null }>({ max: 200 });
  const pending = new Map<string, Promise<x509.X509Crl | null>>();

  async function download(url: string): Promise<x509.X509Crl | null> {
    const bytes = await fetchBounded(url, options);
    if (!bytes) return null;
    try {
      // CAs publish DER; a few publish PEM.
      const text = Buffer.from(bytes).toString('latin1');
      return new x509.X509Crl(text.includes('-----BEGIN X509 CRL') ? text : bytes);
    } catch {
      return null;
    }
  }

  return {
    async get(url, issuer, now) {
      const key = `${url}|${issuer.subject}`;
      let entry = cache.get(key);
      if (!entry) {
        let inFlight = pending.get(key);
        if (!inFlight) {
          inFlight = download(url).finally(() => pending.delete(key));
          pending.set(key, inFlight);
        }
        const crl = await inFlight;
        const signed =
          crl &&
          crl.issuer === issuer.subject &&
          (await crl.verify({ publicKey: issuer }).catch(() => false));
        entry = { crl: signed ? crl : null };
        const until = signed && crl.nextUpdate ? crl.nextUpdate.getTime() - now.getTime() : DEFAULT_KEEP_MS;
        cache.set(key, entry, { ttl: entry.crl ? Math.max(until, 1000) : RETRY_AFTER_FAILURE_MS });
      }
      const crl = entry.crl;
      if (!crl) return null;
      // A CRL past its nextUpdate says nothing about today.
      if (crl.thisUpdate > now || (crl.nextUpdate && crl.nextUpdate < now)) return null;
      return crl;
    },
  };
}
