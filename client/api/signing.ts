import type { OutgoingMessage, SignedSend } from '../../common/contract';
import { signingRoutes } from '../../common/routes/signing';
import { callApi } from './http';

/** Đ14.2h: the proxy builds the message as it will go and returns the digest to sign. */
export function prepareSigned(message: OutgoingMessage) {
  return callApi(signingRoutes.prepareSigned, { body: message });
}

/** Sends what was prepared with its signature; once per composeId, as a plain send. */
export function sendSigned(request: SignedSend) {
  return callApi(signingRoutes.sendSigned, { body: request });
}
