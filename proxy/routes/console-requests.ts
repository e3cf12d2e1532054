import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorBody,
  NewUnitRequestInput,
  UnitRequestList,
  UnitRequestOutcomeInput,
  UnitRequestQuery,
  UnitRequestRejectInput,
  UnitRequestView,
} from '../../common/contract';
import type { AppContext } from '../app-context';
import { actorOf, assertUnitVisible, requireConsole } from '../console/console-guard';
import type { UnitRequest } from '../console/requests/request-store';
import { finishUnitRequest, recordUnitRequest } from '../console/requests/unit-requests';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody };

const view = (r: UnitRequest): UnitRequestView => ({
  ...r,
  receivedAt: r.receivedAt.toISOString(),
  doneAt: r.doneAt?.toISOString() ?? null,
});

/** /api/console/requests: units' written requests; unit managers read their own units'. */
export function requestRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/console/requests',
      {
        preHandler: requireConsole(ctx, 'read'),
        schema: {
          tags: ['console'],
          querystring: UnitRequestQuery,
          response: { 200: UnitRequestList, ...errors },
        },
      },
      async (req) => {
        if (req.query.unit) assertUnitVisible(req, req.query.unit);
        const units = req.query.unit ? new Set([req.query.unit]) : req.consoleUser?.units;
        const requests = ctx.requests.list({ status: req.query.status, units, email: req.query.email });
        return { requests: requests.map(view) };
      },
    );

    app.post(
      '/console/requests',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: {
          tags: ['console'],
          body: NewUnitRequestInput,
          response: { 200: UnitRequestView, ...errors },
        },
      },
      async (req) => view(recordUnitRequest(ctx, req.body, actorOf(req))),
    );

    app.post(
      '/console/requests/:id/complete',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: {
          tags: ['console'],
          params: IdParams,
          body: UnitRequestOutcomeInput,
          response: { 200: UnitRequestView, ...errors },
        },
      },
      async (req) => view(finishUnitRequest(ctx, req.params.id, 'done', req.body.outcome, actorOf(req))),
    );

    app.post(
      '/console/requests/:id/reject',
      {
        preHandler: requireConsole(ctx, 'write'),
        schema: {
          tags: ['console'],
          params: IdParams,
          body: UnitRequestRejectInput,
          response: { 200: UnitRequestView, ...errors },
        },
      },
      async (req) => view(finishUnitRequest(ctx, req.params.id, 'rejected', req.body.reason, actorOf(req))),
    );
  };
}
