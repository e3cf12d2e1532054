import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachmentPreviewRoutes as routes } from '../../common/routes/attachment-preview';
import type { AppContext } from '../app-context';
import { createAttachmentPreviewer } from '../attachment-preview/attachment-previewer';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { openCheckedPart } from '../malware/checked-parts';

/** A .docx, .xlsx or forwarded-message attachment converted for the reader's preview panel. */
export function attachmentPreviewRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const previewer = createAttachmentPreviewer(undefined, ctx.config.org.defaultLocale);
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));
    app.route({
      ...fromTable(routes.get),
      // Đ8.2b: converters parse only files clamd found clean.
      handler: async (req) => {
        const who = { email: req.session!.email, ip: req.ip };
        return previewer.preview(req.session!, ctx.imap, req.params, (client, at) =>
          openCheckedPart(ctx, client, who, at),
        );
      },
    });
  };
}
