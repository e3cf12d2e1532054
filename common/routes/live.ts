import { errorAnswers, route } from '../contract/route';

/**
 * Server-Sent Events with the changes of the user's mailbox (see contract/live.ts): a
 * text/event-stream of LiveEvent objects, so no JSON answer schema.
 */
export const liveRoutes = {
  events: route({
    method: 'GET',
    path: '/events',
    tags: ['live'],
    responses: { 200: null, ...errorAnswers(401, 403, 423) },
  }),
};
