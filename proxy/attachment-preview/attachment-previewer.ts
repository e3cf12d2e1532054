import type { Readable } from 'node:stream';
import type { ImapFlow } from 'imapflow';
import type { AttachmentPreview } from '../../common/contract/attachment-preview';
import { attachmentPreviewKind } from '../../common/policy/attachment-preview-kind';
import { ApiError } from '../errors';
import type { Credentials } from '../mail/imap-pool';
import type { PartStream } from '../mail/read-message';
import { docxToHtml } from './docx-to-html';
import { emlFileParts, forwardedMessageParts } from './forwarded-preview';
import type { ZipLimits } from './office-zip';
import { type SheetLimits, xlsxToSheets } from './xlsx-to-html';

const MB = 1024 * 1024;

export interface PreviewLimits {
  /** The attachment as it is in the mail (a zip, or an .eml). */
  maxFileBytes: number;
  zip: ZipLimits;
  sheet: SheetLimits;
  /** Past this a conversion answers preview_timeout. */
  timeoutMs: number;
  /** Conversions at once per proxy: each holds a file and its unpacked parts in memory. */
  concurrency: number;
}

export const DEFAULT_PREVIEW_LIMITS: PreviewLimits = {
  maxFileBytes: 20 * MB,
  zip: { maxEntries: 2000, maxTotalBytes: 64 * MB },
  sheet: { maxSheets: 20, maxRows: 1000, maxColumns: 50 },
  timeoutMs: 15_000,
  concurrency: 2,
};

type At = { mailbox: string; uid: number; part: string };
type ImapRunner = { withClient<T>(creds: Credentials, fn: (client: ImapFlow) => Promise<T>): Promise<T> };

/**
 * Converts one attachment for showing in the page. The route passes the malware-checked reader
 * (Đ8.2b): only a file clamd found clean is read, and only then handed to a converter.
 */
export function createAttachmentPreviewer(limits: PreviewLimits = DEFAULT_PREVIEW_LIMITS, locale = 'vi') {
  const slots = semaphore(limits.concurrency);
  return {
    async preview(
      creds: Credentials,
      imap: ImapRunner,
      at: At,
      open: (client: ImapFlow, at: At) => Promise<PartStream>,
    ): Promise<AttachmentPreview> {
      const read = await imap.withClient(creds, async (client) => {
        const stream = await open(client, at);
        const kind = attachmentPreviewKind(stream.filename, stream.contentType);
        if (!kind) {
          stream.content.destroy();
          throw new ApiError('preview_unsupported', { part: at.part });
        }
        const bytes = await readCapped(stream.content, limits.maxFileBytes);
        if (kind === 'message' && stream.contentType.toLowerCase() === 'message/rfc822')
          return { kind, bytes, message: await forwardedMessageParts(client, at) };
        return { kind, bytes, message: null };
      });
      const { kind, bytes, message } = read;
      if (message) return { kind: 'message', parts: [message] };
      if (kind === 'message') return { kind: 'message', parts: [await emlFileParts(bytes, at.part)] };
      return slots(async () => {
        const deadline = Date.now() + limits.timeoutMs;
        if (kind === 'xlsx') {
          const book = await xlsxToSheets(bytes, { ...limits.zip, ...limits.sheet }, { locale, deadline });
          return { kind: 'workbook', ...book };
        }
        return { kind: 'document', html: await withTimeout(docxToHtml(bytes, limits.zip), limits.timeoutMs) };
      });
    },
  };
}

/** The whole part, or preview_too_large as soon as it passes the cap (the rest is not read). */
export async function readCapped(content: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let seen = 0;
  for await (const chunk of content) {
    seen += (chunk as Buffer).length;
    if (seen > max) {
      content.destroy();
      throw new ApiError('preview_too_large', { limit: `${Math.round(max / MB)} MB` });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * mammoth cannot be interrupted: past the limit the user gets an answer, while the conversion,
 * bounded by the unpacked-size cap, finishes on its own and is thrown away.
 */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ApiError('preview_timeout')), ms);
  });
  work.catch(() => {});
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
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
