import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { templateRoutes as templates } from '../../common/routes/templates';
import type { AppContext } from '../app-context';
import { fromTable, sendNoContent } from '../http/route';
import { requireSession } from '../http/session-guard';
import { deleteTemplate, renameTemplate, saveTemplate } from '../templates/templates-service';
import { createTemplatesStore } from '../templates/templates-store';

/** The signed-in user's message templates ("Mẫu thư"). */
export function messageTemplateRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const store = createTemplatesStore(ctx.store.db);
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));

    app.route({
      ...fromTable(templates.list),
      handler: async (req) => ({ templates: await store.list(req.session!.email) }),
    });

    app.route({
      ...fromTable(templates.create),
      handler: async (req, reply) =>
        reply.status(201).send(await saveTemplate(store, req.session!.email, req.body)),
    });

    app.route({
      ...fromTable(templates.rename),
      handler: async (req) => renameTemplate(store, req.session!.email, req.params.id, req.body.name),
    });

    app.route({
      ...fromTable(templates.remove),
      handler: async (req, reply) => {
        await deleteTemplate(store, req.session!.email, req.params.id);
        return sendNoContent(reply);
      },
    });
  };
}
