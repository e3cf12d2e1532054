/**
 * When a request that failed on its way may be sent once more, as it is. Behind a load balancer
 * an instance can stop while a request is on it: the balancer answers with its own gateway error
 * (502/503/504, an HTML page, not the proxy's JSON) or the connection drops. Sending again reaches
 * another instance. Only requests that cannot act twice are repeated: reads, PUT and DELETE, and
 * a POST whose operation carries its own idempotency key (the send, keyed by its composeId).
 */
export function mayRetryOnce(
  request: { method: string; idempotent?: boolean },
  failure: GatewayFailure,
): boolean {
  const safe =
    ['GET', 'HEAD', 'PUT', 'DELETE'].includes(request.method.toUpperCase()) || request.idempotent === true;
  if (!safe) return false;
  if (failure.kind === 'network') return true;
  return [502, 503, 504].includes(failure.status) && !failure.fromProxy;
}

export type GatewayFailure = { kind: 'network' } | { kind: 'status'; status: number; fromProxy: boolean };

/** The proxy answers every error as JSON; a gateway's own error page is anything else. */
export function isProxyAnswer(contentType: string | null): boolean {
  return (contentType ?? '').toLowerCase().startsWith('application/json');
}

/** Long enough for the balancer to mark the stopped instance down, short enough to go unnoticed. */
export const RETRY_DELAY_MS = 300;
