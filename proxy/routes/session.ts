import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sessionRoutes as session } from '../../common/routes/account';
import type { AppContext } from '../app-context';
import { logIn, logOut } from '../auth/login';
import { fromTable, sendNoContent } from '../http/route';
import { requireSession, SESSION_COOKIE } from '../http/session-guard';
import { passwordStatus } from '../password/password-status';

export function sessionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const cookieOptions = {
    path: '/api',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.cookieSecure,
  };
  return async (app) => {
    app.route({
      ...fromTable(session.logIn),
      handler: async (req, reply) => {
        const created = await logIn(ctx, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
        reply.setCookie(SESSION_COOKIE, created.cookie, {
          ...cookieOptions,
          expires: new Date(Date.now() + ctx.config.session.maxMs),
        });
        return {
          email: req.body.email,
          csrfToken: created.csrfToken,
          expiresAt: new Date(created.expiresAt).toISOString(),
          password: passwordStatus(created.account, new Date(), ctx.config.passwordAge),
          role: created.account.role,
        };
      },
    });

    app.route({
      ...fromTable(session.get),
      preHandler: requireSession(ctx, { allowWhilePasswordChangeRequired: true }),
      handler: async (req) => {
        const s = req.session!;
        return {
          email: s.email,
          csrfToken: s.csrfToken,
          expiresAt: new Date(s.expiresAt).toISOString(),
          password: passwordStatus(req.account!, new Date(), ctx.config.passwordAge),
          role: req.account!.role,
        };
      },
    });

    app.route({
      ...fromTable(session.logOut),
      preHandler: requireSession(ctx, { allowWhilePasswordChangeRequired: true }),
      handler: async (req, reply) => {
        await logOut(ctx, req.session!, req.ip);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return sendNoContent(reply);
      },
    });
  };
}
