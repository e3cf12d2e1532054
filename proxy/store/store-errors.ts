/**
 * Whether an error means "the database cannot be reached right now" (restarting, down, network
 * gone), as opposed to a fault in a query. Those answer 503 store_unavailable; the pool reconnects
 * by itself on the next request.
 */
export function isStoreUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    // Node's socket errors while connecting or talking to PostgreSQL.
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code))
      return true;
    // PostgreSQL: 08 connection exceptions; 57P01–57P03 shutting down or starting up.
    if (code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code)) return true;
    // SQLite: the file is locked by another writer beyond busy_timeout, or the disk is gone.
    if (['SQLITE_BUSY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN'].includes(code)) return true;
  }
  // node-postgres says these in words only.
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/i.test(
    err.message,
  );
}

/**
 * Whether PostgreSQL refused this instance's settings rather than being unreachable: a wrong
 * password or role (28P01, 28000) or a database that does not exist (3D000). Waiting does not
 * mend these, so at start they are a configuration error, not a reason to restart.
 */
export function isStoreRefused(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && ['28P01', '28000', '3D000'].includes(code);
}
