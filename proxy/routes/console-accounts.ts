import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ProposeRequest } from '../../common/contract';
import { consoleAccountRoutes as routes } from '../../common/routes/console-accounts';
import type { AppContext } from '../app-context';
import { resetAccountPassword, setQuota, setRole, updateProfile } from '../console/accounts/account-admin';
import { detailOf, findVisibleAccount, listAccounts } from '../console/accounts/account-views';
import { createAccount, proposeFor } from '../console/accounts/create-account';
import { actorOf, requireConsole } from '../console/console-guard';
import { fromTable } from '../http/route';

/**
 * The console's accounts: everyone at the console reads (a unit manager only their unit's);
 * only admins create and change (Đ5.1: units request, the Sở acts).
 */
export function consoleAccountRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const read = requireConsole(ctx, 'read');
    const write = requireConsole(ctx, 'write');

    app.route({
      ...fromTable(routes.list),
      preHandler: read,
      handler: async (req) => listAccounts(ctx, req.query, req.consoleUser!.units),
    });

    const propose = async (input: z.output<typeof ProposeRequest>) => {
      const p = await proposeFor(ctx, input);
      return p.ok
        ? { ok: true, address: p.address, local: p.local, clash: p.clash, code: null }
        : { ok: false, address: null, local: null, clash: null, code: p.code };
    };
    app.route({
      ...fromTable(routes.propose),
      preHandler: write,
      handler: async (req) => propose(req.query),
    });
    app.route({
      ...fromTable(routes.proposeRow),
      preHandler: write,
      handler: async (req) => propose(req.body),
    });

    app.route({
      ...fromTable(routes.create),
      preHandler: write,
      handler: async (req) => {
        const created = await createAccount(ctx, req.body, actorOf(req));
        return { ...created, account: await detailOf(ctx, created.account) };
      },
    });

    app.route({
      ...fromTable(routes.detail),
      preHandler: read,
      handler: async (req) =>
        detailOf(ctx, await findVisibleAccount(ctx, req.params.email, req.consoleUser!.units)),
    });

    app.route({
      ...fromTable(routes.updateProfile),
      preHandler: write,
      handler: async (req) => {
        const record = await findVisibleAccount(ctx, req.params.email, req.consoleUser!.units);
        return detailOf(ctx, await updateProfile(ctx, record.email, req.body, actorOf(req)));
      },
    });

    app.route({
      ...fromTable(routes.resetPassword),
      preHandler: write,
      handler: async (req) => {
        const record = await findVisibleAccount(ctx, req.params.email, req.consoleUser!.units);
        return { temporaryPassword: await resetAccountPassword(ctx, record.email, actorOf(req)) };
      },
    });

    app.route({
      ...fromTable(routes.setQuota),
      preHandler: write,
      handler: async (req) => {
        const record = await findVisibleAccount(ctx, req.params.email, req.consoleUser!.units);
        return setQuota(ctx, record.email, req.body.quotaBytes, actorOf(req));
      },
    });

    app.route({
      ...fromTable(routes.setRole),
      preHandler: write,
      handler: async (req) => {
        const record = await findVisibleAccount(ctx, req.params.email, req.consoleUser!.units);
        return detailOf(ctx, await setRole(ctx, record, req.body.role, actorOf(req)));
      },
    });
  };
}
