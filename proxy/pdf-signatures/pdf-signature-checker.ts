import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImapFlow } from 'imapflow';
import { LRUCache } from 'lru-cache';
import type { PdfSignatureReport } from '../../common/contract/pdf-signatures';
import type { Config } from '../config';
import { ApiError } from '../errors';
import type { Credentials } from '../mail/imap-pool';
import { withMailbox } from '../mail/mailbox-lock';
import { openPart, type PartStream } from '../mail/read-message';
import { ensureTrustDb } from './nss-trust-db';
import type { ToolLimits } from './run-tool';
import { type VerifierSettings, verifyPdfFile } from './verify-pdf';

const MB = 1024 * 1024;

export interface PdfSignatureChecker {
  check(
    creds: Credentials,
    imap: { withClient<T>(creds: Credentials, fn: (client: ImapFlow) => Promise<T>): Promise<T> },
    at: { mailbox: string; uid: number; part: string },
    /** How the file is read from IMAP; the route passes the malware-checked reader (Đ8.2b). */
    open?: (client: ImapFlow, at: { mailbox: string; uid: number; part: string }) => Promise<PartStream>,
  ): Promise<PdfSignatureReport>;
}

/**
 * The signatures of a PDF attachment: streamed from IMAP into a file in a private folder (0700,
 * removed after), verified there, the answer kept in memory per (user, folder, UIDVALIDITY, UID,
 * part, set of trust anchors) — a message's bytes never change under one UIDVALIDITY — so opening
 * the same message again costs nothing. At most two verifications run at once.
 */
export function createPdfSignatureChecker(
  config: Pick<Config, 'dataDir' | 'pdfSignatures'>,
  clock: () => Date = () => new Date(),
): PdfSignatureChecker {
  const { pdfSignatures: s } = config;
  const limits: ToolLimits = {
    timeoutMs: s.timeoutMs,
    maxOutputBytes: 256 * 1024,
    maxMemoryBytes: 1024 * MB,
    maxFileBytes: s.maxBytes + 16 * MB,
  };
  const settings: VerifierSettings = {
    trustAnchorsDir: s.trustAnchorsDir,
    dataDir: config.dataDir,
    ocsp: s.ocsp,
    limits,
  };
  const cache = new LRUCache<string, PdfSignatureReport>({ max: 2000, ttl: 60 * 60_000 });
  const slots = semaphore(2);

  return {
    async check(
      creds,
      imap,
      { mailbox, uid, part },
      open = (client, at) => openPart(client, at.mailbox, at.uid, at.part),
    ) {
      const trust = await ensureTrustDb(s.trustAnchorsDir, config.dataDir, limits);
      const uidValidity = await imap.withClient(creds, (client) =>
        withMailbox(client, mailbox, async (box) => String(box.uidValidity), { readOnly: true }),
      );
      const key = [creds.email, mailbox, uidValidity, uid, part, trust.fingerprint, s.ocsp].join('\u0000');
      const cached = cache.get(key);
      if (cached) return cached;

      const workDir = await mkdtemp(path.join(tmpdir(), 'pdfsig-'));
      try {
        const file = path.join(workDir, 'attachment.pdf');
        await imap.withClient(creds, async (client) => {
          const stream = await open(client, { mailbox, uid, part });
          if (!isPdf(stream.contentType, stream.filename)) {
            stream.content.destroy();
            throw new ApiError('not_a_pdf', { part });
          }
          await pipeline(stream.content, byteCap(s.maxBytes), createWriteStream(file, { mode: 0o600 }));
        });
        const report = await slots(() => verifyPdfFile(file, workDir, settings, clock()));
        cache.set(key, report);
        return report;
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    },
  };
}

/** PDFs only: by type, or by name when a sender's client labelled it application/octet-stream. */
export function isPdf(contentType: string, filename: string): boolean {
  const type = contentType.toLowerCase();
  return type === 'application/pdf' || (type === 'application/octet-stream' && /\.pdf$/i.test(filename));
}

function byteCap(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) done(new ApiError('pdf_signature_too_large', { limit: `${Math.round(max / MB)} MB` }));
      else done(null, chunk);
    },
  });
}

function semaphore(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await fn();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
