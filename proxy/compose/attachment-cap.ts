/** Multipart framing around one file (boundaries, headers, a long Vietnamese file name). */
export const MULTIPART_OVERHEAD = 64 * 1024;

export interface UploadAllowance {
  /** Bytes this compose window already holds. */
  alreadyAttached: number;
  /** Bytes the next file may still have before the window's total passes the cap (never negative). */
  remaining: number;
  /** The request's declared size alone already passes the cap: refuse before reading a byte. */
  refuseUnread: boolean;
}

/**
 * Đ7.2b: the attachments of one message, together, stay under the cap. A new file gets what the
 * window's earlier files left; a request whose Content-Length says it cannot fit (allowing for the
 * multipart framing) is refused at once, the rest is counted as it streams.
 */
export function uploadAllowance(
  attachedSizes: readonly number[],
  cap: number,
  declaredLength: number,
): UploadAllowance {
  const alreadyAttached = attachedSizes.reduce((sum, size) => sum + size, 0);
  const left = cap - alreadyAttached;
  return {
    alreadyAttached,
    remaining: Math.max(0, left),
    refuseUnread: declaredLength > left + MULTIPART_OVERHEAD,
  };
}
