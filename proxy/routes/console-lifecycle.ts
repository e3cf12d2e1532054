import { createReadStream } from 'node:fs';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consoleLifecycleRoutes as routes } from '../../common/routes/console-lifecycle';
import type { AppContext } from '../app-context';
import { actorOf, requireConsole } from '../console/console-guard';
import {
  cancelDeparture,
  exportAccountMailbox,
  exportFileOf,
  recordDeparture,
  recordRestoreRequest,
  revokeAccount,
  setInactivityExemption,
  suspendAccount,
  verifyAndRestore,
} from '../console/lifecycle/lifecycle-actions';
import { runLifecycleJob } from '../console/lifecycle/lifecycle-job';
import {
  lifecycleAccount,
  lifecycleRuns,
  lifecycleToday,
  lifecycleUpcoming,
  runView,
} from '../console/lifecycle/lifecycle-views';
import { bytesReply, fromTable } from '../http/route';

const done = { ok: true as const };

/**
 * /api/console/lifecycle: the daily job's dry run ("what happens today"), the coming schedule,
 * the runs, and the admin actions on one account (departure, exemption, suspension, restore,
 * export, revocation). Reads are open to unit managers for their units; actions to admins.
 */
export function lifecycleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const read = requireConsole(ctx, 'read');
    const write = requireConsole(ctx, 'write');

    app.route({
      ...fromTable(routes.today),
      preHandler: read,
      handler: async (req) => await lifecycleToday(ctx, req.consoleUser!.units, req.query.on),
    });

    app.route({
      ...fromTable(routes.upcoming),
      preHandler: read,
      handler: async (req) => lifecycleUpcoming(ctx, req.consoleUser!.units, req.query.days),
    });

    app.route({
      ...fromTable(routes.runs),
      preHandler: read,
      handler: async (req) => ({ runs: await lifecycleRuns(ctx, req.consoleUser!.units) }),
    });

    app.route({
      ...fromTable(routes.run),
      preHandler: write,
      handler: async (req) =>
        runView(
          await runLifecycleJob(ctx, { now: new Date(), dryRun: req.body.dryRun, actor: actorOf(req) }),
        ),
    });

    app.route({
      ...fromTable(routes.account),
      preHandler: read,
      handler: async (req) => lifecycleAccount(ctx, req.params.email, req.consoleUser!.units),
    });

    app.route({
      ...fromTable(routes.recordDeparture),
      preHandler: write,
      handler: async (req) => {
        await recordDeparture(ctx, req.params.email, req.body, actorOf(req));
        return done;
      },
    });

    app.route({
      ...fromTable(routes.cancelDeparture),
      preHandler: write,
      handler: async (req) => {
        await cancelDeparture(ctx, req.params.email, actorOf(req));
        return done;
      },
    });

    app.route({
      ...fromTable(routes.setExemption),
      preHandler: write,
      handler: async (req) => {
        await setInactivityExemption(ctx, req.params.email, req.body, actorOf(req));
        return done;
      },
    });

    app.route({
      ...fromTable(routes.removeExemption),
      preHandler: write,
      handler: async (req) => {
        await setInactivityExemption(ctx, req.params.email, null, actorOf(req));
        return done;
      },
    });

    app.route({
      ...fromTable(routes.suspend),
      preHandler: write,
      handler: async (req) => {
        await suspendAccount(ctx, req.params.email, req.body, actorOf(req));
        return done;
      },
    });

    app.route({
      ...fromTable(routes.recordRestoreRequest),
      preHandler: write,
      handler: async (req) => recordRestoreRequest(ctx, req.params.email, req.body, actorOf(req)),
    });

    app.route({
      ...fromTable(routes.restore),
      preHandler: write,
      handler: async (req, reply) => {
        // The temporary password must not sit in any cache.
        reply.header('cache-control', 'no-store');
        return verifyAndRestore(ctx, req.params.email, req.body, actorOf(req));
      },
    });

    app.route({
      ...fromTable(routes.exportMailbox),
      preHandler: write,
      handler: async (req) => exportAccountMailbox(ctx, req.params.email, actorOf(req)),
    });

    app.route({
      ...fromTable(routes.downloadExport),
      preHandler: write,
      handler: async (req, reply) => {
        const file = await exportFileOf(ctx, req.params.email);
        return bytesReply(reply)
          .header('content-type', 'application/gzip')
          .header('content-disposition', contentDisposition(file.name, { type: 'attachment' }))
          .header('cache-control', 'no-store')
          .send(createReadStream(file.path));
      },
    });

    app.route({
      ...fromTable(routes.revoke),
      preHandler: write,
      handler: async (req) => revokeAccount(ctx, req.params.email, req.body, actorOf(req)),
    });
  };
}
