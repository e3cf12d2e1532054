import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pdfSignatureRoutes as routes } from '../../common/routes/pdf-signatures';
import type { AppContext } from '../app-context';
import { fromTable } from '../http/route';
import { requireSession } from '../http/session-guard';
import { openCheckedPart } from '../malware/checked-parts';
import { createPdfSignatureChecker } from '../pdf-signatures/pdf-signature-checker';

/** Đ14.2h: the verified signatures of one PDF attachment, asked for by the reader's chip. */
export function pdfSignatureRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const checker = createPdfSignatureChecker(ctx.config);
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));
    app.route({
      ...fromTable(routes.get),
      // pdfsig parses only files clamd found clean: a hostile PDF is refused before poppler reads it.
      handler: async (req) => {
        const who = { email: req.session!.email, ip: req.ip };
        return checker.check(req.session!, ctx.imap, req.params, (client, at) =>
          openCheckedPart(ctx, client, who, at),
        );
      },
    });
  };
}
