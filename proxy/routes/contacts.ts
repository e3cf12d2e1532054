import { create as contentDisposition } from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ADDRESS_BOOK_LIMITS } from '../../common/contract';
import { contactsRoutes as routes } from '../../common/routes/contacts';
import type { AppContext } from '../app-context';
import {
  createContact,
  exportCards,
  fieldsOf,
  importContacts,
  previewImport,
} from '../contacts/address-book-service';
import { writeContactsCsv } from '../contacts/write-contacts-csv';
import { writeVcards } from '../contacts/write-vcard';
import { ApiError } from '../errors';
import { bytesReply, fromTable, sendNoContent } from '../http/route';
import { requireSession } from '../http/session-guard';

/** The base64 of the largest file accepted, with room for the JSON around it. */
const IMPORT_BODY_LIMIT = Math.ceil((ADDRESS_BOOK_LIMITS.importBytes * 4) / 3) + 64 * 1024;

/** /api/address-book: the signed-in user's own contacts and groups, their import and export. */
export function contactsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));
    const owner = (req: { session?: { email: string } | null }) => req.session!.email;
    const store = ctx.contacts;

    app.route({
      ...fromTable(routes.list),
      handler: async (req) => ({
        contacts: await store.list(owner(req), req.query.q),
        groups: await store.groups(owner(req)),
      }),
    });

    app.route({
      ...fromTable(routes.create),
      handler: async (req) => createContact(store, owner(req), fieldsOf(req.body)),
    });

    app.route({
      ...fromTable(routes.update),
      handler: async (req) => {
        const updated = await store.update(owner(req), req.params.id, fieldsOf(req.body));
        if (!updated) throw new ApiError('contact_not_found');
        return updated;
      },
    });

    app.route({
      ...fromTable(routes.remove),
      handler: async (req, reply) => {
        if (!(await store.remove(owner(req), req.params.id))) throw new ApiError('contact_not_found');
        return sendNoContent(reply);
      },
    });

    app.route({
      ...fromTable(routes.createGroup),
      handler: async (req) => {
        if ((await store.groups(owner(req))).length >= ADDRESS_BOOK_LIMITS.groups) {
          throw new ApiError('contacts_limit_reached', { limit: ADDRESS_BOOK_LIMITS.groups });
        }
        const group = await store.createGroup(owner(req), req.body.name, req.body.memberIds);
        if (!group) throw new ApiError('contact_group_exists', { name: req.body.name });
        return group;
      },
    });

    app.route({
      ...fromTable(routes.updateGroup),
      handler: async (req) => {
        const result = await store.updateGroup(owner(req), req.params.id, req.body.name, req.body.memberIds);
        if (result === 'not_found') throw new ApiError('contact_group_not_found');
        if (result === 'exists') throw new ApiError('contact_group_exists', { name: req.body.name });
        return result;
      },
    });

    app.route({
      ...fromTable(routes.removeGroup),
      handler: async (req, reply) => {
        if (!(await store.removeGroup(owner(req), req.params.id)))
          throw new ApiError('contact_group_not_found');
        return sendNoContent(reply);
      },
    });

    app.route({
      ...fromTable(routes.importPreview),
      bodyLimit: IMPORT_BODY_LIMIT,
      handler: async (req) => previewImport(store, owner(req), req.body),
    });

    app.route({
      ...fromTable(routes.import),
      bodyLimit: IMPORT_BODY_LIMIT,
      handler: async (req) => importContacts(store, owner(req), req.body),
    });

    const file = (format: 'vcf' | 'csv') => ({
      ...fromTable(routes.export[format]),
      handler: async (
        req: { session?: { email: string } | null },
        reply: Parameters<typeof bytesReply>[0],
      ) => {
        const cards = await exportCards(store, owner(req));
        const body = format === 'vcf' ? Buffer.from(writeVcards(cards), 'utf8') : writeContactsCsv(cards);
        return bytesReply(reply)
          .type(format === 'vcf' ? 'text/vcard; charset=utf-8' : 'text/csv; charset=utf-8')
          .header('content-disposition', contentDisposition(`danh-ba.${format}`))
          .send(body);
      },
    });
    app.route(file('vcf'));
    app.route(file('csv'));
  };
}
