import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { liveRoutes as live } from '../../common/routes/live';
import type { AppContext } from '../app-context';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { serveLiveStream } from '../live/live-stream';
import { createSessionLiveness } from '../live/session-liveness';

/**
 * The event stream: Server-Sent Events with the changes of the user's mailbox (see
 * contract/live.ts), fed by one watch per user on their pooled IMAP connection, however many tabs
 * are open.
 */
export function liveRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const sessionAlive = createSessionLiveness(ctx.store.db);
  const open = new Set<() => void>();
  return async (app) => {
    // A held-open stream would keep app.close() waiting for its socket: they end first.
    app.addHook('preClose', async () => {
      for (const end of [...open]) end();
    });
    app.addHook('onClose', async () => ctx.live.closeAll());

    const events = fromTable(live.events);
    app.route({
      ...events,
      schema: {
        ...events.schema,
        description: 'text/event-stream of LiveEvent objects (event name = type, data = JSON).',
      },
      preHandler: requireSession(ctx),
      handler: async (req, reply) => {
        reply.hijack();
        const end = serveLiveStream(
          {
            hub: ctx.live,
            sessionAlive,
            endSession: (session, code) => {
              const ended =
                code === 'not_authenticated'
                  ? ctx.sessions.destroy(session.idHash)
                  : ctx.sessions.destroyAllFor(session.email);
              ended.catch((err: unknown) => req.log.warn({ err }, 'ending the session failed'));
              void ctx.imap.release(session.email);
            },
          },
          req.session!,
          reply.raw,
          reply.getHeaders(),
        );
        open.add(end);
        reply.raw.once('close', () => open.delete(end));
      },
    });
  };
}
