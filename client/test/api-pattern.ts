import type { RouteSpec } from '../../common/contract/route';

/**
 * The msw path of an operation of the route table (msw reads `:name` as Fastify does), so a
 * component test answers the same operation the app calls without writing its path again. For
 * one particular resource, use routeUrl(spec, params) instead.
 */
export const apiPattern = (spec: RouteSpec): string => `/api${spec.path}`;
