import { z } from 'zod';

/**
 * Where a search answered from the index stopped: how many of its candidates (newest first over
 * all folders in scope) were looked at. Told apart from the scanning search's cursor by its
 * version, so a cursor of one kind is never read as the other.
 */
export interface IndexCursor {
  offset: number;
  scanned: number;
}

const Wire = z.object({
  v: z.literal(2),
  o: z.number().int().nonnegative(),
  n: z.number().int().nonnegative(),
});

export function encodeIndexCursor(cursor: IndexCursor): string {
  return Buffer.from(JSON.stringify({ v: 2, o: cursor.offset, n: cursor.scanned }), 'utf8').toString(
    'base64url',
  );
}

/** The cursor when it is one of the index's, else null (a scanning cursor, or garbage). */
export function decodeIndexCursor(text: string | undefined): IndexCursor | null {
  if (!text) return null;
  try {
    const wire = Wire.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return wire.success ? { offset: wire.data.o, scanned: wire.data.n } : null;
  } catch {
    return null;
  }
}
