import {
  ApiClientCreate,
  ApiClientIdParams,
  ApiClientList,
  ApiClientWithToken,
} from '../contract/api-clients';
import { errorAnswers, route } from '../contract/route';

const errors = errorAnswers(400, 401, 403, 404, 409);

/** Đ14.2g: API clients of unit mailboxes, listed by everyone at the console and managed by admins. */
export const consoleApiClientRoutes = {
  list: route({
    method: 'GET',
    path: '/console/api-clients',
    tags: ['console'],
    responses: { 200: ApiClientList, ...errors },
  }),
  create: route({
    method: 'POST',
    path: '/console/api-clients',
    tags: ['console'],
    body: ApiClientCreate,
    responses: { 200: ApiClientWithToken, ...errors },
  }),
  rotate: route({
    method: 'POST',
    path: '/console/api-clients/:id/rotate',
    tags: ['console'],
    params: ApiClientIdParams,
    responses: { 200: ApiClientWithToken, ...errors },
  }),
  revoke: route({
    method: 'POST',
    path: '/console/api-clients/:id/revoke',
    tags: ['console'],
    params: ApiClientIdParams,
    responses: { 204: null, ...errors },
  }),
};
