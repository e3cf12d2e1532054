import { inflateRawSync } from 'node:zlib';
import { ZipFile } from 'yazl';
import { ApiError } from '../errors';

/**
 * The limits an Office file must keep before a converter sees it. mammoth and exceljs unpack the
 * whole zip in memory and trust its sizes, so a 100 KB "zip bomb" of a few GB would take the
 * proxy down: the entries are inflated here first, each with a hard output cap.
 */
export interface ZipLimits {
  /** Entries in the archive (a real .docx has a few dozen; a .xlsx one per sheet, and a few more). */
  maxEntries: number;
  /** All entries together, uncompressed. */
  maxTotalBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Every entry of a zip, inflated within the limits. Its own reading of the central directory, so
 * that what is checked is exactly what is handed on (see canonicalZip): a file that is no zip at
 * all is `preview_wrong_format`; a zip cut short or inconsistent is `preview_damaged`; one that
 * would unpack past the limits is `preview_too_large`, found before the bytes are produced.
 */
export function readZipEntries(bytes: Buffer, limits: ZipLimits): Map<string, Buffer> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== LOCAL) throw new ApiError('preview_wrong_format');
  const end = findEndOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const dirSize = bytes.readUInt32LE(end + 12);
  const dirOffset = bytes.readUInt32LE(end + 16);
  // ZIP64 is for archives over 4 GB or 65,535 entries: no Office letter needs it.
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ApiError('preview_too_large');
  if (count > limits.maxEntries) throw new ApiError('preview_too_large', { entries: count });
  if (dirOffset + dirSize > end) throw damaged('central directory');

  const headers: EntryHeader[] = [];
  let at = dirOffset;
  let declared = 0;
  for (let i = 0; i < count; i++) {
    const header = centralEntry(bytes, at, end);
    declared += header.size;
    headers.push(header);
    at = header.next;
  }
  // The sizes a zip declares can lie; these only refuse early what the inflation would refuse later.
  if (declared > limits.maxTotalBytes) throw new ApiError('preview_too_large', { bytes: declared });

  const entries = new Map<string, Buffer>();
  let total = 0;
  for (const header of headers) {
    // Folder entries carry nothing; JSZip (and so exceljs) writes them.
    if (header.name.endsWith('/') && header.size === 0) continue;
    if (entries.has(header.name)) throw damaged('duplicate entry');
    const data = entryData(bytes, header, limits.maxTotalBytes - total);
    total += data.length;
    entries.set(header.name, data);
  }
  return entries;
}

/**
 * The entries written again as a plain (stored) zip in a fixed order: the converters read only
 * what was inflated and measured here, whichever way they walk a zip (central directory or local
 * headers), and the parts a streaming reader needs first come first.
 */
export async function canonicalZip(
  entries: Map<string, Buffer>,
  first: readonly string[] = [],
): Promise<Buffer> {
  const zip = new ZipFile();
  const names = [
    ...first.filter((n) => entries.has(n)),
    ...[...entries.keys()].filter((n) => !first.includes(n)),
  ];
  try {
    for (const name of names)
      zip.addBuffer(entries.get(name)!, name, { compress: false, mtime: new Date(0) });
  } catch (error) {
    // yazl refuses absolute paths, "..", backslashes: names no Office application writes.
    throw new ApiError('preview_damaged', { reason: 'entry name' }, { cause: error });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface EntryHeader {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  next: number;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535; the last signature wins, as in JSZip.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  throw damaged('no end of central directory');
}

function centralEntry(bytes: Buffer, at: number, end: number): EntryHeader {
  if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw damaged('central entry');
  const nameLength = bytes.readUInt16LE(at + 28);
  const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  if (next > end) throw damaged('central entry');
  return {
    flags: bytes.readUInt16LE(at + 8),
    method: bytes.readUInt16LE(at + 10),
    compressedSize: bytes.readUInt32LE(at + 20),
    size: bytes.readUInt32LE(at + 24),
    localOffset: bytes.readUInt32LE(at + 42),
    name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    next,
  };
}

function entryData(bytes: Buffer, header: EntryHeader, budget: number): Buffer {
  const at = header.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw damaged('local header');
  // Encrypted entries: Office encrypts whole files another way, so this is no Office file.
  if (header.flags & 1) throw new ApiError('preview_wrong_format');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const stop = start + header.compressedSize;
  if (stop > bytes.length) throw damaged('entry cut short');
  const raw = bytes.subarray(start, stop);
  if (header.method === 0) {
    if (raw.length > budget) throw new ApiError('preview_too_large');
    return raw;
  }
  if (header.method !== 8) throw damaged('compression method');
  try {
    // maxOutputLength stops inflation as soon as the budget is passed: the bomb never unfolds.
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ApiError('preview_too_large');
    throw damaged('inflate');
  }
}

function damaged(reason: string): ApiError {
  return new ApiError('preview_damaged', { reason });
}
