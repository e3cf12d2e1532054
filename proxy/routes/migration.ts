import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { migrationRoutes as routes } from '../../common/routes/migration';
import type { AppContext } from '../app-context';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { checkOldServer, currentMigration, startMigration } from '../migration/migration-service';

/** Đ8.2d: the signed-in user's copy of mail from an old IMAP server. */
export function migrationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { migrations } = ctx;
  const deps = {
    store: migrations.store,
    dataKey: migrations.dataKey,
    target: ctx.config.imap,
    audit: ctx.audit,
    kick: migrations.kick,
  };
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));

    app.route({
      ...fromTable(routes.check),
      handler: async (req) => checkOldServer(deps, req.session!, req.body),
    });

    app.route({
      ...fromTable(routes.start),
      handler: async (req, reply) =>
        reply.status(201).send(await startMigration(deps, req.session!, req.body)),
    });

    app.route({
      ...fromTable(routes.current),
      handler: async (req) => ({ migration: await currentMigration(migrations.store, req.session!.email) }),
    });
  };
}
