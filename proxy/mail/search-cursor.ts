import { z } from 'zod';
import { ApiError } from '../errors';

/**
 * Where a search stopped, per folder, in the folder's newest-first order: everything up to and
 * including the message `after` has been looked at (and shown, if it matched). A folder missing
 * from the cursor is finished. Opaque to the client (base64url JSON); a cursor from another
 * UIDVALIDITY restarts that folder.
 */
export interface FolderPosition {
  path: string;
  uidValidity: string;
  /** null: start at the newest message. */
  after: number | null;
  /** How many messages came before the resume point: where to go on if `after` was deleted since. */
  index: number;
}

export interface SearchCursor {
  folders: FolderPosition[];
  scanned: number;
}

const Wire = z.object({
  v: z.literal(1),
  f: z
    .array(
      z.tuple([
        z.string().min(1).max(1000),
        z.string().max(20),
        z.number().int().positive().nullable(),
        z.number().int().nonnegative(),
      ]),
    )
    .max(2000),
  n: z.number().int().nonnegative(),
});

export function encodeCursor(cursor: SearchCursor): string {
  const wire: z.infer<typeof Wire> = {
    v: 1,
    f: cursor.folders.map((f) => [f.path, f.uidValidity, f.after, f.index]),
    n: cursor.scanned,
  };
  return Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): SearchCursor {
  try {
    const wire = Wire.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return {
      folders: wire.f.map(([path, uidValidity, after, index]) => ({ path, uidValidity, after, index })),
      scanned: wire.n,
    };
  } catch (err) {
    throw new ApiError('validation_failed', { field: 'cursor' }, { cause: err });
  }
}
