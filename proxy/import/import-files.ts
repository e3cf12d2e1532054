import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MailImportFailureCode, MailImportProgress, MailImportReport } from '../../common/contract';
import { formatMb } from '../compose/build-message';
import type { MessageAppender } from './append-messages';
import { detectFileKind, KIND_PREFIX_BYTES } from './file-kind';
import { ImportReportBuilder, readableSubject } from './import-report';
import { type MboxVariant, splitMbox } from './mbox-splitter';
import { messageProblem, withCrlf } from './message-facts';
import { collectCapped, drain, readHead } from './read-file-head';
import { openZip, UnsafeZipError } from './zip-reader';
import { isDirectoryEntry } from './zip-safety';

export interface ImportFile {
  filename: string;
  stream: AsyncIterable<Buffer>;
  /** Lets the rest of the file go unread (after a stop the upload is still consumed to its end). */
  discard: () => void;
}

export interface ImportOptions {
  folder: string;
  variant: MboxVariant;
  maxMessageBytes: number;
  /** Where a ZIP is written while it is read (a ZIP's directory is at its end). */
  tempDir?: string;
  onProgress?: (progress: MailImportProgress) => void;
  /** Messages between progress lines. */
  progressEvery?: number;
}

const sizeDetails = (size: number, limit: number) => ({ size: formatMb(size), limit: formatMb(limit) });

/** Thrown inside to stop reading at once: the quota would be passed. */
class QuotaStop extends Error {}

/**
 * Đ8.2d: mail from files into one folder. Each file is told by its first bytes (.eml, .mbox, .zip
 * of .eml, or not mail) and read as it streams, holding one message at a time; each message goes
 * through the appender (duplicates, the 20 MB cap, the quota). A bad file or message is reported
 * and the import goes on; a full quota stops it, reporting how far it got.
 */
export async function importMailFiles(
  files: AsyncIterable<ImportFile>,
  appender: MessageAppender,
  options: ImportOptions,
): Promise<MailImportReport> {
  const builder = new ImportReportBuilder(options.folder);
  let bytesRead = 0;
  let sinceProgress = 0;
  let currentFile = '';
  const every = options.progressEvery ?? 25;
  const progress = (force = false) => {
    if (!options.onProgress || (!force && ++sinceProgress < every)) return;
    sinceProgress = 0;
    const { imported, duplicates, failedCount } = builder.report;
    options.onProgress({ type: 'progress', file: currentFile, bytesRead, imported, duplicates, failedCount });
  };
  const fail = async (
    file: string,
    code: MailImportFailureCode,
    at: {
      index?: number | null;
      line?: number | null;
      raw?: Buffer;
      details?: Record<string, string | number>;
    },
  ) => {
    builder.failed({
      file,
      index: at.index ?? null,
      line: at.line ?? null,
      subject: at.raw ? await readableSubject(at.raw) : null,
      code,
      ...(at.details ? { details: at.details } : {}),
    });
    progress();
  };

  /** One message: appended, or counted as a duplicate or a failure; a full quota stops everything. */
  const offer = async (
    file: string,
    raw: Buffer,
    envelope: string | null,
    index: number | null,
    line: number | null,
  ) => {
    const outcome = await appender.offer(raw, envelope);
    if (outcome === 'appended') builder.imported();
    else if (outcome === 'duplicate') builder.duplicate();
    else if (outcome === 'too_large')
      await fail(file, 'message_too_large', {
        index,
        line,
        raw,
        details: sizeDetails(raw.length, options.maxMessageBytes),
      });
    else if (outcome === 'append_failed') await fail(file, 'import_append_failed', { index, line, raw });
    else {
      const { usedBytes, limitBytes } = appender.quota;
      builder.report.stopped = {
        code: 'quota_full',
        file,
        index,
        usedBytes: usedBytes ?? 0,
        limitBytes: limitBytes ?? 0,
      };
      throw new QuotaStop();
    }
    progress();
  };

  const readMessageFile = async (name: string, source: AsyncIterable<Buffer>, index: number | null) => {
    const got = await collectCapped(source, options.maxMessageBytes);
    if ('tooLarge' in got) {
      await fail(name, 'message_too_large', {
        index,
        raw: got.head,
        details: sizeDetails(got.size, options.maxMessageBytes),
      });
      return;
    }
    const raw = withCrlf(got.bytes);
    if (messageProblem(raw)) return fail(name, 'not_mail', { index });
    await offer(name, raw, null, index, null);
  };

  const readMbox = async (name: string, source: AsyncIterable<Buffer>) => {
    // Stopping the splitter early must not end the upload's stream: the rest is drained below.
    const iterator = source[Symbol.asyncIterator]();
    const rest: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => ({ next: () => iterator.next() }) };
    for await (const item of splitMbox(rest, {
      variant: options.variant,
      maxMessageBytes: options.maxMessageBytes,
    })) {
      if (item.kind === 'no_separator') {
        await fail(name, 'malformed_mbox', { line: item.line });
        break;
      }
      if (item.kind === 'too_large') {
        await fail(name, 'message_too_large', {
          index: item.index,
          line: item.line,
          raw: item.head,
          details: sizeDetails(item.size, options.maxMessageBytes),
        });
        continue;
      }
      // A "message" that is no message (binary garbage, a cut header): what came before is kept,
      // and the report says where reading stopped.
      if (messageProblem(item.raw)) {
        await fail(name, 'malformed_mbox', { index: item.index, line: item.line });
        break;
      }
      await offer(name, item.raw, item.envelope, item.index, item.line);
    }
    await drain(rest);
  };

  const readZip = async (name: string, source: AsyncIterable<Buffer>) => {
    const dir = await mkdtemp(path.join(options.tempDir ?? tmpdir(), 'bp-import-'));
    try {
      const spooled = path.join(dir, 'upload.zip');
      await pipeline(source, createWriteStream(spooled));
      let zip: Awaited<ReturnType<typeof openZip>>;
      try {
        zip = await openZip(spooled);
      } catch (err) {
        if (!(err instanceof UnsafeZipError)) throw err;
        return fail(name, 'zip_unsafe', { details: { reason: err.problem.reason } });
      }
      try {
        let position = 0;
        for (const entry of zip.entries) {
          if (isDirectoryEntry(entry.fileName)) continue;
          position++;
          const entryName = `${name} › ${entry.fileName}`;
          if (entry.uncompressedSize > options.maxMessageBytes) {
            await fail(entryName, 'message_too_large', {
              index: position,
              details: sizeDetails(entry.uncompressedSize, options.maxMessageBytes),
            });
            continue;
          }
          let stream: AsyncIterable<Buffer>;
          try {
            stream = await zip.open(entry);
          } catch {
            await fail(entryName, 'not_mail', { index: position });
            continue;
          }
          try {
            const { head, all } = await readHead(stream, KIND_PREFIX_BYTES, () => undefined);
            const kind = detectFileKind(head);
            if (kind === 'eml') await readMessageFile(entryName, all, position);
            else if (kind === 'mbox') await readMbox(entryName, all);
            else {
              await drain(all);
              await fail(entryName, 'not_mail', { index: position });
            }
          } catch (err) {
            if (err instanceof QuotaStop) throw err;
            // yauzl's own checks (sizes that lie, broken data): the archive is not what it says.
            await fail(entryName, 'zip_unsafe', { index: position });
            break;
          }
        }
      } finally {
        zip.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  const iterator = files[Symbol.asyncIterator]();
  let file: ImportFile | undefined;
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      file = next.value;
      currentFile = file.filename;
      const { head, all } = await readHead(file.stream, KIND_PREFIX_BYTES, (n) => {
        bytesRead += n;
      });
      const kind = detectFileKind(head);
      builder.startFile(file.filename, kind);
      progress(true);
      if (kind === 'eml') await readMessageFile(file.filename, all, null);
      else if (kind === 'mbox') await readMbox(file.filename, all);
      else if (kind === 'zip') await readZip(file.filename, all);
      else {
        await drain(all);
        await fail(file.filename, 'not_mail', {});
      }
    }
  } catch (err) {
    if (!(err instanceof QuotaStop)) throw err;
    // The browser is still sending: read its bytes into nothing, so it gets the report rather
    // than a connection closed under its upload.
    file?.discard();
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) next.value.discard();
  }
  progress(true);
  return builder.report;
}
