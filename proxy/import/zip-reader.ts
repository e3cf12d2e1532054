import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { type ZipEntryInfo, type ZipProblem, zipProblem } from './zip-safety';

export interface OpenZip {
  entries: yauzl.Entry[];
  /** The entry's inflated bytes; yauzl fails the stream when they differ from the declared size. */
  open(entry: yauzl.Entry): Promise<Readable>;
  close(): void;
}

export class UnsafeZipError extends Error {
  constructor(readonly problem: ZipProblem | { reason: 'unreadable' }) {
    super(`zip refused: ${problem.reason}`);
  }
}

/**
 * Reads an archive's central directory (from a file on disk: a ZIP is read from its end) and
 * refuses it when zipProblem says so; nothing is inflated until `open`.
 */
export async function openZip(path: string): Promise<OpenZip> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: true }, (err, file) =>
      err || !file ? reject(new UnsafeZipError({ reason: 'unreadable' })) : resolve(file),
    ),
  );
  const entries: yauzl.Entry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        // Counted as they come, so a directory of a million entries is not all listed first.
        if (entries.length > 10_000)
          return reject(new UnsafeZipError({ reason: 'too_many_entries', count: entries.length }));
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      // yauzl itself refuses absolute and "../" names and broken directories.
      zip.on('error', (err: Error) =>
        reject(
          /relative path|absolute path/i.test(err.message)
            ? new UnsafeZipError({ reason: 'unsafe_name', entry: '' })
            : new UnsafeZipError({ reason: 'unreadable' }),
        ),
      );
      zip.readEntry();
    });
    const infos: ZipEntryInfo[] = entries.map((e) => ({
      fileName: e.fileName,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
    }));
    const problem = zipProblem(infos);
    if (problem) throw new UnsafeZipError(problem);
  } catch (err) {
    zip.close();
    throw err;
  }
  return {
    entries,
    open: (entry) =>
      new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (err, stream) =>
          err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream),
        ),
      ),
    close: () => zip.close(),
  };
}
