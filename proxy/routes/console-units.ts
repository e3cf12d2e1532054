import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorBody, UnitCreate, UnitNode, UnitTree, UnitUpdate } from '../../common/contract';
import type { AppContext } from '../app-context';
import { allAccounts } from '../console/accounts/account-views';
import { actorOf, requireConsole } from '../console/console-guard';
import { createUnit, deleteUnit, unitTree, updateUnit } from '../console/units/unit-service';

const CodeParams = z.object({ code: z.string().trim().toLowerCase().min(1).max(30) });
const errors = {
  400: ApiErrorBody,
  401: ApiErrorBody,
  403: ApiErrorBody,
  404: ApiErrorBody,
  409: ApiErrorBody,
};

/** the unit tree. Everyone at the console reads (a unit manager their own subtree); admins change it. */
export function consoleUnitRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const node = (code: string) => unitTree(ctx, null).find((u) => u.code === code) as UnitNode;

    app.get(
      '/console/units',
      {
        preHandler: requireConsole(ctx, 'read'),
        schema: { tags: ['console'], response: { 200: UnitTree, ...errors } },
      },
      async (req) => ({ units: unitTree(ctx, req.consoleUser!.units, await allAccounts(ctx)) }),
    );

    app.post(
      '/console/units',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: { tags: ['console'], body: UnitCreate, response: { 200: UnitNode, ...errors } },
      },
      async (req) => node(createUnit(ctx, req.body, actorOf(req)).code),
    );

    app.post(
      '/console/units/:code',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: {
          tags: ['console'],
          params: CodeParams,
          body: UnitUpdate,
          response: { 200: UnitNode, ...errors },
        },
      },
      async (req) => node(updateUnit(ctx, req.params.code, req.body, actorOf(req)).code),
    );

    app.delete(
      '/console/units/:code',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: { tags: ['console'], params: CodeParams, response: { 204: z.null(), ...errors } },
      },
      async (req, reply) => {
        deleteUnit(ctx, req.params.code, actorOf(req), await allAccounts(ctx));
        return reply.status(204).send(null);
      },
    );
  };
}
