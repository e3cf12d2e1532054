import { UnitCodeParams, UnitCreate, UnitNode, UnitTree, UnitUpdate } from '../contract/console-units';
import { errorAnswers, route } from '../contract/route';

const errors = errorAnswers(400, 401, 403, 404, 409);

/** Đ4.1: the unit tree, read by everyone at the console and changed by admins. */
export const consoleUnitRoutes = {
  tree: route({
    method: 'GET',
    path: '/console/units',
    tags: ['console'],
    responses: { 200: UnitTree, ...errors },
  }),
  create: route({
    method: 'POST',
    path: '/console/units',
    tags: ['console'],
    body: UnitCreate,
    responses: { 200: UnitNode, ...errors },
  }),
  update: route({
    method: 'POST',
    path: '/console/units/:code',
    tags: ['console'],
    params: UnitCodeParams,
    body: UnitUpdate,
    responses: { 200: UnitNode, ...errors },
  }),
  remove: route({
    method: 'DELETE',
    path: '/console/units/:code',
    tags: ['console'],
    params: UnitCodeParams,
    responses: { 204: null, ...errors },
  }),
};
