import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { scopeNeeded } from '../../common/policy/api-client-access';
import { serviceApiRoutes as routes } from '../../common/routes/service-api';
import { sendAsUnit } from '../api-clients/send-as-unit';
import { auditApiCall, authenticateApiClient, noteApiCall, requireScope } from '../api-clients/service-guard';
import { unitMailboxLogin } from '../api-clients/unit-mailbox-login';
import type { AppContext } from '../app-context';
import { directoryFor } from '../console/directory/directory-service';
import { ApiError } from '../errors';
import { fromTable } from '../http/route';
import { listMessages } from '../mail/list-messages';
import { readMessage } from '../mail/read-message';
import { senderTrustCheck } from '../sender/sender-trust';

/**
 * Đ14.2g: the service API for other government software. A bearer token instead of a session:
 * no cookie and no CSRF header (a browser never sends the token on its own), so this plugin sits
 * beside the session routes rather than inside them.
 */
/** The operation's table entry, described in the API document as needing a client's bearer token. */
function withBearer<const R extends Parameters<typeof fromTable>[0]>(spec: R) {
  const options = fromTable(spec);
  return { ...options, schema: { ...options.schema, security: [{ apiClient: [] }] } };
}

export function serviceApiRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const senderTrust = senderTrustCheck(ctx.config, ctx.directory);
    // The largest message: the attachments' cap in base64 (4 bytes for 3), and room for the text.
    const sendBodyLimit = Math.ceil((ctx.config.limits.attachmentMaxBytes * 4) / 3) + 12 * 1024 * 1024;

    app.decorateRequest('apiClient', null);
    app.decorateRequest('apiCallDetails', null);
    app.decorateRequest('apiCallOutcome', null);
    app.addHook('onRequest', async (_req, reply) => {
      reply.header('cache-control', 'no-store');
    });
    app.addHook('onRequest', authenticateApiClient(ctx));
    app.addHook('onError', async (req, _reply, err) => {
      req.apiCallOutcome =
        err instanceof ApiError
          ? err.code
          : hasZodFastifySchemaValidationErrors(err) || (err.statusCode ?? 500) < 500
            ? 'validation_failed'
            : 'internal_error';
    });
    app.addHook('onResponse', async (req, reply) => auditApiCall(ctx, req, reply.statusCode));

    app.route({
      ...withBearer(routes.send),
      bodyLimit: sendBodyLimit,
      preHandler: requireScope(() => scopeNeeded({ kind: 'send' })),
      handler: async (req) =>
        sendAsUnit(ctx, req.apiClient!, req.body, (details) => noteApiCall(req, details)),
    });

    app.route({
      ...withBearer(routes.list),
      preHandler: requireScope((req) =>
        scopeNeeded({ kind: 'read', folder: (req.params as { mailbox: string }).mailbox }),
      ),
      handler: async (req) => {
        const { cursor, offset, limit, ...view } = req.query;
        return ctx.imap.withClient(unitMailboxLogin(ctx.config, req.apiClient!.mailbox), (client) =>
          listMessages(client, req.params.mailbox, { cursor, offset, limit, view }),
        );
      },
    });

    app.route({
      ...withBearer(routes.get),
      preHandler: requireScope((req) =>
        scopeNeeded({ kind: 'read', folder: (req.params as { mailbox: string }).mailbox }),
      ),
      handler: async (req) => {
        noteApiCall(req, { uid: req.params.uid });
        return ctx.imap.withClient(unitMailboxLogin(ctx.config, req.apiClient!.mailbox), (client) =>
          readMessage(client, req.params.mailbox, req.params.uid, {
            senderTrust,
            signatures: ctx.signatures,
          }),
        );
      },
    });

    app.route({
      ...withBearer(routes.directory),
      preHandler: requireScope(() => scopeNeeded({ kind: 'directory' })),
      // The whole province's directory, as every civil servant sees it in compose (Đ12.5).
      handler: async (req) => directoryFor(ctx, req, req.query),
    });
  };
}
