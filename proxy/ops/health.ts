import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context';
import { IMAP_GREETING, type ProbeResult, probeGreeting, SMTP_GREETING } from './probe';

/**
 * Liveness and readiness for the service manager, the load balancer and the operators, outside
 * /api: no session, no CSRF, never cached. /healthz only says the event loop answers (a restart
 * would not help anything else); /readyz says whether a user could work now.
 */
export async function registerHealth(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  });

  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const [imap, smtp] = await Promise.all([
      probeGreeting(ctx.config.imap, IMAP_GREETING),
      probeGreeting(ctx.config.smtp, SMTP_GREETING),
    ]);
    const checks = { imap, smtp, store: await probeStore(ctx) };
    const ready = Object.values(checks).every((c) => c.ok);
    reply.header('cache-control', 'no-store');
    reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not_ready', checks };
  });
}

/** One round trip: the database answers (SQLite: open, readable, not locked beyond busy_timeout). */
async function probeStore(ctx: AppContext): Promise<ProbeResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    await ctx.store.ping();
    return { ok: true, ms: ms() };
  } catch (err) {
    return { ok: false, ms: ms(), error: (err as { code?: string }).code ?? 'store_failed' };
  }
}
