import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { UnitNode } from '../../common/contract';
import { consoleUnitRoutes as routes } from '../../common/routes/console-units';
import type { AppContext } from '../app-context';
import { allAccounts } from '../console/accounts/account-views';
import { actorOf, requireConsole } from '../console/console-guard';
import { createUnit, deleteUnit, unitTree, updateUnit } from '../console/units/unit-service';
import { fromTable, sendNoContent } from '../http/route';

/** Đ4.1: the unit tree. Everyone at the console reads (a unit manager their own subtree); admins change it. */
export function consoleUnitRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const node = async (code: string) =>
      (await unitTree(ctx, null, await ctx.accounts.list())).find((u) => u.code === code) as UnitNode;

    app.route({
      ...fromTable(routes.tree),
      preHandler: requireConsole(ctx, 'read'),
      handler: async (req) => ({
        units: await unitTree(ctx, req.consoleUser!.units, await allAccounts(ctx)),
      }),
    });

    app.route({
      ...fromTable(routes.create),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) => node((await createUnit(ctx, req.body, actorOf(req))).code),
    });

    app.route({
      ...fromTable(routes.update),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req) => node((await updateUnit(ctx, req.params.code, req.body, actorOf(req))).code),
    });

    app.route({
      ...fromTable(routes.remove),
      preHandler: requireConsole(ctx, 'write'),
      handler: async (req, reply) => {
        await deleteUnit(ctx, req.params.code, actorOf(req), await allAccounts(ctx));
        return sendNoContent(reply);
      },
    });
  };
}
