import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { passwordRoutes as password } from '../../common/routes/account';
import type { AppContext } from '../app-context';
import { fromTable, sendNoContent } from '../http/route';
import { requireSession, SESSION_COOKIE } from '../http/session-guard';
import { changePassword } from '../password/change-password';

export function passwordRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.route({
      ...fromTable(password.change),
      // The one thing a session that must change its password may do (Đ6.3c, Đ13.3).
      preHandler: requireSession(ctx, { allowWhilePasswordChangeRequired: true }),
      handler: async (req, reply) => {
        const cookie = req.cookies[SESSION_COOKIE] ?? '';
        await changePassword(ctx, req.session!, cookie, req.body, req.ip);
        return sendNoContent(reply);
      },
    });
  };
}
