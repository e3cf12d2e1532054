import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consoleAuthRoutes as routes } from '../../common/routes/console-auth';
import type { AppContext } from '../app-context';
import { consoleRole } from '../console/roles';
import {
  beginEnrolment,
  confirmEnrolment,
  type FactorHolder,
  verifySecondFactor,
} from '../console/second-factor-session';
import { ApiError } from '../errors';
import { fromTable, sendNoContent } from '../http/route';
import { requireSession } from '../http/session-guard';

const holder = (req: FastifyRequest): FactorHolder => ({
  email: req.account!.email,
  ip: req.ip,
  sessionIdHash: req.session!.idHash,
  secondFactorAt: req.session!.secondFactorAt,
});

/**
 * /api/console/me and the second factor (TOTP with recovery codes). Every console route checks
 * the factor was passed in the same session (console-guard.ts); passing it is throttled like a
 * log-in (console/second-factor-session.ts).
 */
export function consoleAuthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));
    app.addHook('preHandler', async (req) => {
      if (!consoleRole(req.account!.role)) throw new ApiError('forbidden');
    });

    app.route({
      ...fromTable(routes.me),
      handler: async (req) => {
        const account = req.account!;
        const status = await ctx.secondFactors.status(account.email);
        return {
          email: account.email,
          role: account.role,
          unitCode: account.unitCode,
          secondFactor: { ...status, verified: req.session!.secondFactorAt !== null },
        };
      },
    });

    app.route({
      ...fromTable(routes.enrolSecondFactor),
      handler: async (req) => beginEnrolment(ctx, holder(req)),
    });

    app.route({
      ...fromTable(routes.confirmSecondFactor),
      handler: async (req) => confirmEnrolment(ctx, holder(req), req.body.code),
    });

    app.route({
      ...fromTable(routes.verifySecondFactor),
      handler: async (req, reply) => {
        await verifySecondFactor(ctx, holder(req), req.body.code);
        return sendNoContent(reply);
      },
    });
  };
}
