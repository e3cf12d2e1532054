import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context';
import type { UploadStore } from '../compose/upload-store';
import type { Metrics } from './metrics';
import { metricsAccess } from './metrics-access';

/** The result label of a log-in or a send, read from the answer's status (the routes stay unaware). */
const loginResult = (status: number) =>
  status === 200 ? 'success' : status === 429 ? 'throttled' : status >= 500 ? 'error' : 'failure';
const sendResult = (status: number) => (status < 300 ? 'sent' : status < 500 ? 'refused' : 'failed');

/**
 * Counts every answer by route pattern and serves /metrics to the allowed scrapers. Registered on
 * the root app before the API, so its hook sees every route.
 */
export function registerMetrics(app: FastifyInstance, ctx: AppContext, metrics: Metrics): void {
  metrics.gauge('bp_active_sessions', 'Sessions not yet expired.', () => ctx.sessions.countActive());
  metrics.gauge('bp_imap_pool_connections', 'Pooled IMAP connections of logged-in users.', () =>
    ctx.imap.size(),
  );
  metrics.gauge('bp_live_streams', 'Open live-update event streams (browser tabs).', () =>
    ctx.live.openStreams(),
  );
  metrics.gauge(
    'bp_live_idle_connections',
    'Pooled IMAP connections kept open (in IDLE between requests) for live updates.',
    () => ctx.live.idleConnections(),
  );

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const labels = { method: req.method, route, status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    metrics.requestSeconds.observe(labels, reply.elapsedTime / 1000);
    if (req.method !== 'POST') return;
    if (route === '/api/session') metrics.logins.inc({ result: loginResult(reply.statusCode) });
    if (route === '/api/send') metrics.sends.inc({ result: sendResult(reply.statusCode) });
  });

  const allowed = metricsAccess(ctx.config.metrics);
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    // 404 rather than 403: a stranger is not told there is something to find.
    if (!allowed(req.ip, req.headers.authorization))
      return reply.status(404).type('text/plain').send('Not found');
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

/** The upload store, counting the bytes it keeps. */
export function countingUploads(store: UploadStore, metrics: Metrics): UploadStore {
  return {
    ...store,
    async save(email, composeId, file, maxBytes) {
      const saved = await store.save(email, composeId, file, maxBytes);
      if (!('tooLarge' in saved)) metrics.uploadBytes.inc(saved.size);
      return saved;
    },
  };
}
