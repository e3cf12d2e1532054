import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorBody, PasswordChangeRequest } from '../../common/contract';
import type { AppContext } from '../app-context';
import { requireSession, SESSION_COOKIE } from '../http/session-guard';
import { changePassword } from '../password/change-password';

export function passwordRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/password',
      {
        // The one thing a session that must change its password may do (R-6.3c, R-13.3).
        preHandler: requireSession(ctx, { allowWhilePasswordChangeRequired: true }),
        schema: {
          tags: ['account'],
          body: PasswordChangeRequest,
          response: {
            204: z.null(),
            400: ApiErrorBody,
            401: ApiErrorBody,
            429: ApiErrorBody,
            502: ApiErrorBody,
            503: ApiErrorBody,
          },
        },
      },
      async (req, reply) => {
        const cookie = req.cookies[SESSION_COOKIE] ?? '';
        await changePassword(ctx, req.session!, cookie, req.body, req.ip);
        return reply.status(204).send(null);
      },
    );
  };
}
