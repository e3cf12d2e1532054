import type { OutgoingMessage, SendResult } from '../../../common/contract';
import { ApiClientError } from '../../api/http';
import { prepareSigned, sendSigned } from '../../api/signing';
import type { LoadedIdentity } from './signing-store';

/**
 * Đ14.2h: the proxy prepares the message exactly as it will go and returns its digest; the key
 * signs that digest here, in the browser; the proxy sends the message with the signature. The
 * message itself never comes back to be signed, and the key never goes anywhere.
 */
export async function sendSignedMessage(
  message: OutgoingMessage,
  identity: LoadedIdentity,
): Promise<SendResult> {
  const prepared = await prepareSigned(message);
  let signature: string;
  try {
    const { signDigest } = await import('./sign-digest');
    signature = await signDigest(identity, prepared.digest);
  } catch {
    // The key may have been removed from this computer's store, or the chunk failed to load.
    throw new ApiClientError('signing_failed', 0);
  }
  return sendSigned({ composeId: message.composeId, preparedId: prepared.preparedId, signature });
}
