import { createReadStream } from 'node:fs';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorBody,
  DepartureInput,
  InactivityExemptionInput,
  LifecycleAccountStatus,
  LifecycleRunRequest,
  LifecycleRun as LifecycleRunSchema,
  LifecycleRuns,
  LifecycleToday,
  LifecycleUpcoming,
  LifecycleUpcomingQuery,
  MailboxExportResult,
  RestoreInput,
  RestoreRequestInput,
  RestoreRequestResult,
  RestoreResult,
  RevokeInput,
  RevokeResult,
  SuspendInput,
} from '../../common/contract';
import { parseVietnameseDay, startOfVietnamDay, vietnamDateOf } from '../../common/policy/vietnam-date';
import type { AccountRecord } from '../accounts/account-store';
import type { AppContext } from '../app-context';
import { actorOf, assertUnitVisible, requireConsole } from '../console/console-guard';
import { eventView, lifecyclePolicyOf } from '../console/lifecycle/lifecycle-account';
import {
  cancelDeparture,
  exportAccountMailbox,
  exportFileOf,
  lifecycleStatus,
  recordDeparture,
  recordRestoreRequest,
  revokeAccount,
  setInactivityExemption,
  suspendAccount,
  verifyAndRestore,
} from '../console/lifecycle/lifecycle-actions';
import {
  type LifecycleRun,
  listLifecycleRuns,
  planLifecycle,
  runLifecycleJob,
  upcomingLifecycle,
} from '../console/lifecycle/lifecycle-job';
import { ApiError } from '../errors';

const EmailParams = z.object({ email: z.string().min(3).max(320) });
const TodayQuery = z.object({ on: z.string().max(20).optional() });
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const errors = {
  400: ApiErrorBody,
  403: ApiErrorBody,
  404: ApiErrorBody,
  409: ApiErrorBody,
  502: ApiErrorBody,
};

/** A unit manager sees only their units' accounts. */
const visible = (req: FastifyRequest) => (r: { unitCode: string | null }) => {
  const units = req.consoleUser?.units;
  return !units || (r.unitCode !== null && units.has(r.unitCode));
};

const runView = (run: LifecycleRun) => ({ ...run, ranAt: run.ranAt.toISOString() });

/**
 * /api/console/lifecycle: the daily job's dry run ("what happens today"), the coming schedule,
 * the runs, and the admin actions on one account (departure, exemption, suspension, restore,
 * export, revocation). Reads are open to unit managers for their units; actions to admins.
 */
export function lifecycleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const policy = () => lifecyclePolicyOf(ctx.config);

    app.get(
      '/console/lifecycle/today',
      {
        preHandler: requireConsole(ctx, 'read'),
        schema: { tags: ['console'], querystring: TodayQuery, response: { 200: LifecycleToday, ...errors } },
      },
      async (req) => {
        // `on`: the job as it would run at 00:00 of a later day (a preview; nothing is done).
        const day = req.query.on ? parseVietnameseDay(req.query.on, { iso: true }) : null;
        if (req.query.on && !day) throw new ApiError('validation_failed');
        const now = day ? startOfVietnamDay(day) : new Date();
        const actions = planLifecycle(ctx.accounts.list().filter(visible(req)), now, policy());
        return {
          now: now.toISOString(),
          day: vietnamDateOf(now),
          jobHour: ctx.config.console.lifecycleJobHour,
          actions,
        };
      },
    );

    app.get(
      '/console/lifecycle/upcoming',
      {
        preHandler: requireConsole(ctx, 'read'),
        schema: {
          tags: ['console'],
          querystring: LifecycleUpcomingQuery,
          response: { 200: LifecycleUpcoming, ...errors },
        },
      },
      async (req) => ({
        days: req.query.days,
        actions: upcomingLifecycle(
          ctx.accounts.list().filter(visible(req)),
          new Date(),
          req.query.days,
          policy(),
        ),
      }),
    );

    app.get(
      '/console/lifecycle/runs',
      {
        preHandler: requireConsole(ctx, 'read'),
        schema: { tags: ['console'], response: { 200: LifecycleRuns } },
      },
      async (req) => ({
        runs: listLifecycleRuns(ctx.db).map((run) =>
          runView({ ...run, actions: run.actions.filter(visible(req)) }),
        ),
      }),
    );

    app.post(
      '/console/lifecycle/run',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: {
          tags: ['console'],
          body: LifecycleRunRequest,
          response: { 200: LifecycleRunSchema, ...errors },
        },
      },
      async (req) =>
        runView(
          await runLifecycleJob(ctx, { now: new Date(), dryRun: req.body.dryRun, actor: actorOf(req) }),
        ),
    );

    app.get(
      '/console/lifecycle/accounts/:email',
      {
        preHandler: requireConsole(ctx, 'read'),
        schema: {
          tags: ['console'],
          params: EmailParams,
          response: { 200: LifecycleAccountStatus, ...errors },
        },
      },
      async (req) => {
        const { record, schedule, restoreDeadlineOn } = lifecycleStatus(ctx, req.params.email);
        if (req.consoleUser?.units) assertVisibleOr404(req, record);
        return {
          email: record.email,
          fullName: record.fullName,
          unitCode: record.unitCode,
          kind: record.kind,
          state: record.state,
          stateReason: record.stateReason,
          sendingLockedReason: record.sendingLockedReason,
          createdAt: record.createdAt.toISOString(),
          lastLoginAt: iso(record.lastLoginAt),
          lastSentAt: iso(record.lastSentAt),
          departure: record.departure,
          inactivityExemption: record.inactivityExemption
            ? { reason: record.inactivityExemption.reason, until: iso(record.inactivityExemption.until) }
            : null,
          exportedAt: iso(record.exportedAt),
          exportFile: record.exportFile,
          restoreRequestedAt: iso(record.restoreRequestedAt),
          restoreDeadlineOn,
          schedule: schedule.map(eventView),
        };
      },
    );

    const write = requireConsole(ctx, 'write');
    const ok = z.object({ ok: z.literal(true) });

    app.post(
      '/console/lifecycle/accounts/:email/departure',
      {
        preHandler: write,
        schema: {
          tags: ['console'],
          params: EmailParams,
          body: DepartureInput,
          response: { 200: ok, ...errors },
        },
      },
      async (req) => {
        recordDeparture(ctx, req.params.email, req.body, actorOf(req));
        return { ok: true as const };
      },
    );

    app.delete(
      '/console/lifecycle/accounts/:email/departure',
      {
        preHandler: write,
        schema: { tags: ['console'], params: EmailParams, response: { 200: ok, ...errors } },
      },
      async (req) => {
        cancelDeparture(ctx, req.params.email, actorOf(req));
        return { ok: true as const };
      },
    );

    app.post(
      '/console/lifecycle/accounts/:email/exemption',
      {
        preHandler: write,
        schema: {
          tags: ['console'],
          params: EmailParams,
          body: InactivityExemptionInput,
          response: { 200: ok, ...errors },
        },
      },
      async (req) => {
        setInactivityExemption(ctx, req.params.email, req.body, actorOf(req));
        return { ok: true as const };
      },
    );

    app.delete(
      '/console/lifecycle/accounts/:email/exemption',
      {
        preHandler: write,
        schema: { tags: ['console'], params: EmailParams, response: { 200: ok, ...errors } },
      },
      async (req) => {
        setInactivityExemption(ctx, req.params.email, null, actorOf(req));
        return { ok: true as const };
      },
    );

    app.post(
      '/console/lifecycle/accounts/:email/suspend',
      {
        preHandler: write,
        schema: {
          tags: ['console'],
          params: EmailParams,
          body: SuspendInput,
          response: { 200: ok, ...errors },
        },
      },
      async (req) => {
        await suspendAccount(ctx, req.params.email, req.body, actorOf(req));
        return { ok: true as const };
      },
    );

    app.post(
      '/console/lifecycle/accounts/:email/restore-request',
      {
        preHandler: write,
        schema: {
          tags: ['console'],
          params: EmailParams,
          body: RestoreRequestInput,
          response: { 200: RestoreRequestResult, ...errors },
        },
      },
      async (req) => recordRestoreRequest(ctx, req.params.email, req.body, actorOf(req)),
    );

    app.post(
      '/console/lifecycle/accounts/:email/restore',
      {
        preHandler: write,
        schema: {
          tags: ['console'],
          params: EmailParams,
          body: RestoreInput,
          response: { 200: RestoreResult, ...errors },
        },
      },
      async (req, reply) => {
        // The temporary password must not sit in any cache.
        reply.header('cache-control', 'no-store');
        return verifyAndRestore(ctx, req.params.email, req.body, actorOf(req));
      },
    );

    app.post(
      '/console/lifecycle/accounts/:email/export',
      {
        preHandler: write,
        schema: { tags: ['console'], params: EmailParams, response: { 200: MailboxExportResult, ...errors } },
      },
      async (req) => exportAccountMailbox(ctx, req.params.email, actorOf(req)),
    );

    app.get(
      '/console/lifecycle/accounts/:email/export',
      { preHandler: write, schema: { tags: ['console'], params: EmailParams } },
      async (req, reply) => {
        const file = exportFileOf(ctx, req.params.email);
        reply.header('content-type', 'application/gzip');
        reply.header('content-disposition', contentDisposition(file.name, { type: 'attachment' }));
        reply.header('cache-control', 'no-store');
        return reply.send(createReadStream(file.path));
      },
    );

    app.post(
      '/console/lifecycle/accounts/:email/revoke',
      {
        preHandler: write,
        schema: {
          tags: ['console'],
          params: EmailParams,
          body: RevokeInput,
          response: { 200: RevokeResult, ...errors },
        },
      },
      async (req) => revokeAccount(ctx, req.params.email, req.body, actorOf(req)),
    );
  };
}

function assertVisibleOr404(req: FastifyRequest, record: AccountRecord) {
  try {
    assertUnitVisible(req, record.unitCode);
  } catch {
    throw new ApiError('account_not_found');
  }
}
