import type { FastifyBaseLogger } from 'fastify';
import {
  type CmsSignatureInput,
  type CmsSignatureResult,
  malformed,
  verifyCmsSignature,
} from './cms-signature';
import { createRevocationChecker, type RevocationOptions } from './revocation';
import { loadTrustAnchors, type TrustStore } from './trust-anchors';

export interface TrustSettings {
  /** TRUST_ANCHORS_DIR: PEM (or DER) root certificates, and optional intermediates. */
  anchorsDir: string | undefined;
  revocation: RevocationOptions;
}

export interface SignatureVerifier {
  verify(input: Omit<CmsSignatureInput, 'now'> & { now?: Date }): Promise<CmsSignatureResult>;
  /** What was configured, for the start-up log and tests. */
  trust: TrustStore;
}

/**
 * The trust anchors read once at start, with one log line saying how many (and one per file
 * skipped), and the revocation checker with its CRL cache: one per proxy process.
 */
export async function createSignatureVerifier(
  settings: TrustSettings,
  log?: Pick<FastifyBaseLogger, 'info' | 'warn'>,
): Promise<SignatureVerifier> {
  const trust = await loadTrustAnchors(settings.anchorsDir);
  for (const { file, reason } of trust.skipped) log?.warn({ file, reason }, 'trust anchor file skipped');
  log?.info(
    {
      dir: settings.anchorsDir ?? null,
      anchors: trust.anchors.length,
      intermediates: trust.intermediates.length,
      revocation: settings.revocation.mode,
    },
    trust.anchors.length
      ? `S/MIME: ${trust.anchors.length} trust anchor(s) loaded`
      : 'S/MIME: no trust anchor configured, every signature will show an untrusted issuer',
  );
  const revocation = createRevocationChecker(settings.revocation);
  return {
    trust,
    // Đ10.2: a signature the libraries choke on (an odd certificate inside) must never make the
    // message itself unreadable; it is reported as a signature that cannot be read.
    verify: (input) =>
      verifyCmsSignature({ ...input, now: input.now ?? new Date() }, { trust, revocation }).catch(() =>
        malformed(input.detachedContent ? 'detached' : 'opaque', input.arrivalTime),
      ),
  };
}
