import { create as contentDisposition } from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { safeFileName } from '../../common/policy/file-name';
import { invitationRoutes as invitations } from '../../common/routes/invitations';
import type { AppContext } from '../app-context';
import { ApiError } from '../errors';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { pickLocale } from '../i18n/catalogue';
import { answerInvitation } from '../invitations/answer-invitation';
import { calendarForImport } from '../invitations/calendar-file';
import { loadInvitation } from '../invitations/load-invitation';

export function invitationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));

    app.route({
      ...fromTable(invitations.reply),
      handler: async (req) =>
        answerInvitation(
          ctx,
          req.session!,
          req.params,
          req.body,
          req.ip,
          pickLocale(req.headers['accept-language'], ctx.config.org.defaultLocale),
        ),
    });

    app.route({
      ...fromTable(invitations.calendarFile),
      handler: async (req, reply) => {
        const { mailbox, uid } = req.params;
        const loaded = await ctx.imap.withClient(req.session!, (client) =>
          loadInvitation(client, mailbox, uid),
        );
        const calendar = calendarForImport(loaded.text);
        if (!calendar) throw new ApiError('invitation_not_found', { uid });
        const stem = loaded.invitation.event.title
          .replace(/[\\/:*?"<>|]+/g, ' ')
          .slice(0, 120)
          .trim();
        reply.header(
          'content-disposition',
          contentDisposition(safeFileName(`${stem || 'lich-hop'}.ics`, 'lich-hop.ics'), {
            type: 'attachment',
          }),
        );
        reply.header('content-type', 'text/calendar; charset=utf-8');
        reply.header('x-content-type-options', 'nosniff');
        reply.header('content-security-policy', "default-src 'none'; sandbox");
        reply.header('cross-origin-resource-policy', 'same-origin');
        return reply.send(calendar);
      },
    });
  };
}
