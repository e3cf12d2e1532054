import type { FastifyReply } from 'fastify';

/**
 * The app page allows scripts only from itself. Images may come from https only because a user
 * can choose to show a sender's remote images; the reader frame adds its own, stricter policy
 * (no remote anything) until then, and an srcdoc frame obeys both.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function appSecurityHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', APP_CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
}
