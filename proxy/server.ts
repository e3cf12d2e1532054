import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createAccountStore } from './accounts/account-store';
import { createDirectory } from './accounts/directory';
import { createApiClientStore } from './api-clients/api-client-store';
import { createApiCallLimiter } from './api-clients/call-limiter';
import { registerApiDocs } from './api-docs/register-api-docs';
import type { AppContext } from './app-context';
import { createAuditLog } from './audit/audit-log';
import { createLoginThrottle } from './auth/login-throttle-store';
import { createSessionStore } from './auth/session-store';
import { startBackgroundJobs } from './background-jobs';
import { createSendKeys } from './compose/send-keys';
import { createSigningRequests } from './compose/signing-requests';
import { createUploadStore } from './compose/upload-store';
import type { Config } from './config';
import { loadDataKey } from './console/data-key';
import { createLifecycleRuns } from './console/lifecycle/lifecycle-runs';
import { createRequestStore } from './console/requests/request-store';
import { createSecondFactors } from './console/second-factor';
import { createUnitStore } from './console/units/unit-store';
import { loadUnitList, seedUnits } from './console/units/units-config';
import { createContactsStore } from './contacts/contacts-store';
import { ApiError } from './errors';
import { checkOrigin } from './http/csrf';
import { errorHandler } from './http/error-handler';
import { createLiveHub } from './live/live-hub';
import { createImapPool } from './mail/imap-pool';
import { createAttachmentScanning } from './malware/attachment-scanning';
import { createMigrations } from './migration/migrations';
import { registerHealth } from './ops/health';
import { createMetrics } from './ops/metrics';
import { countingUploads, registerMetrics } from './ops/metrics-routes';
import { registerSourceArchive } from './ops/source-archive';
import { registerStaticApp } from './ops/static-app';
import { createPasswordDriver } from './password/drivers/create-driver';
import { attachmentPreviewRoutes } from './routes/attachment-preview';
import { attachmentVerdictRoutes } from './routes/attachment-verdicts';
import { attachmentRoutes } from './routes/attachments';
import { composeRoutes } from './routes/compose';
import { consoleAccountRoutes } from './routes/console-accounts';
import { consoleApiClientRoutes } from './routes/console-api-clients';
import { consoleAuditRoutes } from './routes/console-audit';
import { consoleAuthRoutes } from './routes/console-auth';
import { consoleDirectoryRoutes } from './routes/console-directory';
import { consoleImportRoutes } from './routes/console-import';
import { lifecycleRoutes } from './routes/console-lifecycle';
import { maintenanceRoutes } from './routes/console-maintenance';
import { consoleMigrationRoutes } from './routes/console-migration';
import { problemReportRoutes } from './routes/console-problems';
import { consoleReportRoutes } from './routes/console-report';
import { requestRoutes } from './routes/console-requests';
import { consoleUnitRoutes } from './routes/console-units';
import { contactsRoutes } from './routes/contacts';
import { invitationRoutes } from './routes/invitations';
import { liveRoutes } from './routes/live';
import { mailImportRoutes } from './routes/mail-import';
import { mailboxRoutes } from './routes/mailboxes';
import { messageRoutes } from './routes/messages';
import { migrationRoutes } from './routes/migration';
import { noticeRoutes } from './routes/notices';
import { passwordRoutes } from './routes/password';
import { pdfSignatureRoutes } from './routes/pdf-signatures';
import { reportProblemRoutes } from './routes/problem-reports';
import { publicConfigRoutes } from './routes/public-config';
import { quotaRoutes } from './routes/quota';
import { searchRoutes } from './routes/search';
import { serviceApiRoutes } from './routes/service-api';
import { sessionRoutes } from './routes/session';
import { settingsRoutes } from './routes/settings';
import { sieveRoutes } from './routes/sieve';
import { signingRoutes } from './routes/signing';
import { messageTemplateRoutes } from './routes/templates';
import { createSettingsStore } from './settings/settings-store';
import { openStore } from './store/open-store';
import { createSignatureVerifier } from './trust/signature-verifier';

/** Builds the HTTP app; main.ts only starts it, tests build their own on a free port. */
/** `backgroundJobs: false` builds the server without its clock (the API document's generator). */
export async function buildServer(config: Config, options: { backgroundJobs?: boolean } = {}) {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Passwords and cookies never reach a log line (Đ7.1 keeps logs for 6 months).
      redact: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
      ],
    },
    // Only as many X-Forwarded-For hops as the deployment has proxies: the rest is client-written.
    trustProxy:
      config.trustProxyHops > 0 ? (_address: string, hop: number) => hop < config.trustProxyHops : false,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 1000 },
    // A URL the router cannot decode (%FF, a lone surrogate's bytes) or a path parameter over
    // maxParamLength is refused before any route: without this Fastify answers in its own shape.
    frameworkErrors: errorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
  });
  const metrics = createMetrics();
  const imap = createImapPool(config.imap, app.log);
  const dataKey = loadDataKey(config.dataKeyFile);
  const audit = createAuditLog(store.db);
  const ctx: AppContext = {
    config,
    store,
    sessions: createSessionStore(store.db, config.session),
    loginThrottle: createLoginThrottle(store, config.loginThrottle),
    audit,
    accounts: createAccountStore(store.db),
    passwordDriver: createPasswordDriver(config.passwordDriver),
    settings: createSettingsStore(store.db),
    contacts: createContactsStore(store.db),
    imap,
    directory: createDirectory(store.db),
    uploads: countingUploads(createUploadStore(store.db), metrics),
    sendKeys: createSendKeys(store.db),
    signingRequests: createSigningRequests(store.db),
    live: createLiveHub(imap, config.quotaThresholds, app.log),
    units: createUnitStore(store.db),
    requests: createRequestStore(store.db),
    lifecycleRuns: createLifecycleRuns(store.db),
    secondFactors: createSecondFactors(store.db, dataKey, config.org.productName),
    metrics,
    signatures: await createSignatureVerifier(config.trust, app.log),
    malware: createAttachmentScanning(config.malware, metrics, app.log),
    apiClients: createApiClientStore(store.db),
    apiCallLimiter: createApiCallLimiter(config.apiClients.callsPerMinute),
    migrations: createMigrations(
      { db: store.db, dataKey, audit, config, log: app.log },
      options.backgroundJobs !== false,
    ),
  };
  // The first admins come from the environment; the console names the others.
  for (const email of config.console.admins) await ctx.accounts.setProfile(email, { role: 'admin' });
  // Đ4.1: the configured unit tree goes into an empty store; afterwards the console owns it.
  await seedUnits(ctx.units, loadUnitList(config.console.unitsFile));
  const jobs =
    options.backgroundJobs === false ? { stop: async () => undefined } : startBackgroundJobs(ctx, app.log);
  app.addHook('onClose', async () => {
    await jobs.stop();
    await ctx.migrations.runner?.stop();
    await ctx.imap.closeAll();
    await store.close();
  });

  // Outside /api: for the service manager, nginx and Prometheus, not for the browser app.
  registerMetrics(app, ctx, metrics);
  await registerHealth(app, ctx);
  registerSourceArchive(app);

  await app.register(fastifyCookie);
  await registerApiDocs(app, config.org.productName);

  await app.register(
    async (api) => {
      api.decorateRequest('session', null);
      api.decorateRequest('account', null);
      api.decorateRequest('passwordChangeRequired', null);
      api.decorateRequest('consoleUser', null);
      api.addHook('onRequest', async (req, reply) => {
        reply.header('cache-control', 'no-store');
        checkOrigin(req, config.publicUrl.host);
      });
      // The provider no longer takes the session's password, or the mailbox was suspended: the
      // session ends here rather than retrying a dead login on every request.
      api.addHook('onError', async (req, _reply, err) => {
        const ended =
          err instanceof ApiError &&
          (err.code === 'not_authenticated' ||
            err.code === 'account_suspended' ||
            err.code === 'account_revoked');
        if (ended && req.session) {
          if (err.code === 'not_authenticated') await ctx.sessions.destroy(req.session.idHash);
          else await ctx.sessions.destroyAllFor(req.session.email);
          await ctx.imap.release(req.session.email);
        }
      });
      await api.register(publicConfigRoutes(ctx));
      await api.register(sessionRoutes(ctx));
      await api.register(mailboxRoutes(ctx));
      await api.register(mailImportRoutes(ctx));
      await api.register(messageRoutes(ctx));
      await api.register(invitationRoutes(ctx));
      await api.register(attachmentRoutes(ctx));
      await api.register(pdfSignatureRoutes(ctx));
      await api.register(attachmentPreviewRoutes(ctx));
      await api.register(attachmentVerdictRoutes(ctx));
      await api.register(quotaRoutes(ctx));
      await api.register(searchRoutes(ctx));
      await api.register(passwordRoutes(ctx));
      await api.register(settingsRoutes(ctx));
      await api.register(messageTemplateRoutes(ctx));
      await api.register(contactsRoutes(ctx));
      await api.register(migrationRoutes(ctx));
      await api.register(composeRoutes(ctx));
      await api.register(signingRoutes(ctx));
      await api.register(sieveRoutes(ctx));
      await api.register(liveRoutes(ctx));
      await api.register(noticeRoutes(ctx));
      await api.register(reportProblemRoutes(ctx));
      await api.register(consoleAuthRoutes(ctx));
      await api.register(consoleDirectoryRoutes(ctx));
      await api.register(consoleAuditRoutes(ctx));
      await api.register(consoleUnitRoutes(ctx));
      await api.register(consoleAccountRoutes(ctx));
      await api.register(consoleImportRoutes(ctx));
      await api.register(consoleMigrationRoutes(ctx));
      await api.register(lifecycleRoutes(ctx));
      await api.register(requestRoutes(ctx));
      await api.register(maintenanceRoutes(ctx));
      await api.register(problemReportRoutes(ctx));
      await api.register(consoleReportRoutes(ctx));
      await api.register(consoleApiClientRoutes(ctx));
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      api.setNotFoundHandler(() => {
        throw new ApiError('validation_failed', { route: 'unknown' });
      });
    },
    { prefix: '/api' },
  );

  // Đ14.2g: other government software with a bearer token — no session cookie, so no CSRF check.
  await app.register(serviceApiRoutes(ctx), { prefix: '/api' });

  await registerStaticApp(app, config.staticDir);

  return { app, ctx };
}
