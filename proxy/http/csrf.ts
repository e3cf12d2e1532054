import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Two layers, as OWASP recommends for cookie sessions: the Origin of a state-changing request must
 * be this site, and it must carry a custom header (which a cross-site form cannot send and a
 * cross-site fetch cannot send without a CORS pre-flight we never grant). Once logged in, the
 * header must also equal the session's token.
 */
export function checkOrigin(req: FastifyRequest, publicHost: string): void {
  if (SAFE.has(req.method)) return;
  const origin = req.headers.origin;
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new ApiError('csrf_failed');
    }
    // The configured public host, or the Host this request came to (the Vite dev server's).
    if (originHost !== publicHost && originHost !== req.headers.host) throw new ApiError('csrf_failed');
  }
  const token = req.headers[CSRF_HEADER];
  if (typeof token !== 'string' || token.length === 0) throw new ApiError('csrf_failed');
}

export function checkSessionToken(req: FastifyRequest, expected: string): void {
  if (SAFE.has(req.method)) return;
  if (req.headers[CSRF_HEADER] !== expected) throw new ApiError('csrf_failed');
}
