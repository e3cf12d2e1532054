import { OutgoingMessage, SendResult } from '../contract/compose';
import { errorAnswers, route } from '../contract/route';
import { SignedSend, SigningPrepared } from '../contract/signing';

const errors = errorAnswers(400, 401, 403, 404, 503);

/** Sending signed (Đ14.2h): prepare, sign in the browser, then send what was signed. */
export const signingRoutes = {
  /** Builds the entity to sign from the message, keeps it in the store and returns its digest. */
  prepareSigned: route({
    method: 'POST',
    path: '/send/signed/prepare',
    tags: ['compose'],
    body: OutgoingMessage,
    responses: { 200: SigningPrepared, ...errorAnswers(413), ...errors },
  }),
  /** Keyed by composeId as the plain send is: a repeated send returns the first one's result. */
  sendSigned: route({
    method: 'POST',
    path: '/send/signed',
    tags: ['compose'],
    idempotent: true,
    body: SignedSend,
    responses: { 200: SendResult, ...errorAnswers(409, 413, 422, 502), ...errors },
  }),
};
