import {
  NewUnitRequestInput,
  UnitRequestIdParams,
  UnitRequestList,
  UnitRequestOutcomeInput,
  UnitRequestQuery,
  UnitRequestRejectInput,
  UnitRequestView,
} from '../contract/console-requests';
import { errorAnswers, route } from '../contract/route';

const errors = errorAnswers(400, 403, 404);

/** Đ5.2: units' written requests, recorded and then completed or rejected. */
export const consoleRequestRoutes = {
  list: route({
    method: 'GET',
    path: '/console/requests',
    tags: ['console'],
    query: UnitRequestQuery,
    responses: { 200: UnitRequestList, ...errors },
  }),
  record: route({
    method: 'POST',
    path: '/console/requests',
    tags: ['console'],
    body: NewUnitRequestInput,
    responses: { 200: UnitRequestView, ...errors },
  }),
  complete: route({
    method: 'POST',
    path: '/console/requests/:id/complete',
    tags: ['console'],
    params: UnitRequestIdParams,
    body: UnitRequestOutcomeInput,
    responses: { 200: UnitRequestView, ...errors },
  }),
  reject: route({
    method: 'POST',
    path: '/console/requests/:id/reject',
    tags: ['console'],
    params: UnitRequestIdParams,
    body: UnitRequestRejectInput,
    responses: { 200: UnitRequestView, ...errors },
  }),
};
