/**
 * Whether a ZIP archive may be opened at all, judged from its central directory before a byte is
 * inflated: a "zip bomb" (many entries, or small files that inflate to gigabytes) and entry names
 * that climb out of the archive ("../", absolute paths) refuse the whole archive. Pure.
 */
export interface ZipEntryInfo {
  fileName: string;
  compressedSize: number;
  uncompressedSize: number;
}

export interface ZipLimits {
  maxEntries: number;
  /** All entries together, inflated. */
  maxTotalBytes: number;
  /** Inflated bytes per compressed byte of one entry, beyond which it is a bomb (text mail gets ~10). */
  maxRatio: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxRatio: 200,
};

export type ZipProblem =
  | { reason: 'too_many_entries'; count: number }
  | { reason: 'too_large_total'; total: number }
  | { reason: 'unsafe_name'; entry: string }
  | { reason: 'bomb_ratio'; entry: string };

export function isUnsafeEntryName(name: string): boolean {
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return true;
  return path.split('/').some((segment) => segment === '..') || path.includes('\0');
}

export function zipProblem(
  entries: readonly ZipEntryInfo[],
  limits: ZipLimits = ZIP_LIMITS,
): ZipProblem | null {
  if (entries.length > limits.maxEntries) return { reason: 'too_many_entries', count: entries.length };
  let total = 0;
  for (const entry of entries) {
    if (isUnsafeEntryName(entry.fileName)) return { reason: 'unsafe_name', entry: entry.fileName };
    // Small entries can have any ratio (a run of blank lines compresses very well).
    if (
      entry.uncompressedSize > 1024 * 1024 &&
      entry.uncompressedSize > entry.compressedSize * limits.maxRatio
    )
      return { reason: 'bomb_ratio', entry: entry.fileName };
    total += entry.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) return { reason: 'too_large_total', total };
  return null;
}

export const isDirectoryEntry = (name: string) => name.endsWith('/');
