import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorBody,
  MaintenanceEarliest,
  MaintenanceNotice,
  MaintenanceNoticeList,
  NewMaintenanceNotice,
} from '../../common/contract';
import type { AppContext } from '../app-context';
import { actorOf, requireConsole } from '../console/console-guard';
import { createNoticeStore } from '../console/maintenance/notice-store';
import {
  checkMaintenanceNotice,
  consoleNotice,
  earliestMaintenanceStart,
} from '../console/maintenance/schedule-notice';
import { ApiError } from '../errors';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

/**
 * R-8.1c planned outages: the console schedules and cancels them (admins only); notices.ts tells
 * everyone.
 */
export function maintenanceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const notices = createNoticeStore(ctx.db);

    app.get(
      '/console/maintenance',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: { tags: ['console'], response: { 200: MaintenanceNoticeList, 403: ApiErrorBody } },
      },
      async () => {
        const now = new Date();
        return { notices: notices.recent(now).map((n) => consoleNotice(n, now)) };
      },
    );

    app.get(
      '/console/maintenance/earliest',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: { tags: ['console'], response: { 200: MaintenanceEarliest, 403: ApiErrorBody } },
      },
      async () => {
        const e = earliestMaintenanceStart(new Date(), ctx.config.holidays);
        return { earliestStart: e.earliestStart.toISOString(), earliestStartOn: e.earliestStartOn };
      },
    );

    app.post(
      '/console/maintenance',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: {
          tags: ['console'],
          body: NewMaintenanceNotice,
          response: { 200: MaintenanceNotice, 400: ApiErrorBody, 403: ApiErrorBody },
        },
      },
      async (req) => {
        const now = new Date();
        const startsAt = new Date(req.body.startsAt);
        const endsAt = new Date(req.body.endsAt);
        const actor = actorOf(req);
        const audit = (outcome: string, details: Record<string, string | number>) =>
          ctx.audit.record({
            actor: actor.name,
            email: actor.name,
            action: 'maintenance_notice',
            outcome,
            ip: actor.ip,
            details,
          });
        try {
          checkMaintenanceNotice(now, startsAt, endsAt, ctx.config.holidays);
        } catch (err) {
          if (err instanceof ApiError) audit(err.code, { op: 'create', startsAt: startsAt.toISOString() });
          throw err;
        }
        const created = notices.create({ startsAt, endsAt, message: req.body.message }, actor.name, now);
        audit('ok', {
          op: 'create',
          id: created.id,
          startsAt: created.startsAt.toISOString(),
          endsAt: created.endsAt.toISOString(),
        });
        return consoleNotice(created, now);
      },
    );

    app.post(
      '/console/maintenance/:id/cancel',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: {
          tags: ['console'],
          params: IdParams,
          response: { 200: MaintenanceNotice, 403: ApiErrorBody, 404: ApiErrorBody },
        },
      },
      async (req) => {
        const now = new Date();
        const actor = actorOf(req);
        if (!notices.cancel(req.params.id, actor.name, now)) throw new ApiError('notice_not_found');
        ctx.audit.record({
          actor: actor.name,
          email: actor.name,
          action: 'maintenance_notice',
          outcome: 'ok',
          ip: actor.ip,
          details: { op: 'cancel', id: req.params.id },
        });
        return consoleNotice(notices.get(req.params.id)!, now);
      },
    );
  };
}
