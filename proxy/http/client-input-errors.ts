/**
 * Failures raised by a parser while it reads what the client sent: the request was malformed,
 * so the answer is a 400, not a 500. The multipart parser (busboy, under @fastify/multipart)
 * gives its errors no code, only these messages, so they are recognised here and nowhere else.
 */
const MALFORMED_MULTIPART = [
  /^Multipart: Boundary not found$/,
  /^Boundary required$/,
  /^Unexpected end of (multipart data|form)$/,
  /terminated early due to unexpected end of multipart data$/,
  /^Malformed part header$/,
  /^Malformed urlencoded form$/,
];

export function isMalformedInput(err: unknown): boolean {
  if (!(err instanceof Error) || (err as { statusCode?: number }).statusCode !== undefined) return false;
  if ((err as { code?: unknown }).code !== undefined) return false;
  return MALFORMED_MULTIPART.some((pattern) => pattern.test(err.message));
}
