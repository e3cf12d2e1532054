import type { FastifyReply } from 'fastify';

/**
 * A 204 answer. The route table declares it as `null` (no JSON), so it is not among the reply's
 * typed statuses; the reply is any route's reply, typed by its schemas.
 */
export function sendNoContent(reply: unknown): FastifyReply {
  return (reply as FastifyReply).status(204).send(null);
}
