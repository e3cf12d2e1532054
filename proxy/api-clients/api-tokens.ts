import { createHash, randomBytes } from 'node:crypto';
import { API_TOKEN_PREFIX } from '../../common/policy/api-client-access';

/** How much of a token the console shows later, to tell one from another. */
const HINT_LENGTH = API_TOKEN_PREFIX.length + 6;

/** SHA-256 of the token: 256 random bits need no slow hash, and a lookup by it is one index read. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new bearer token: the prefix and 256 random bits in base64url. Shown once, then only its hash. */
export function newToken(): { token: string; hash: string; hint: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), hint: token.slice(0, HINT_LENGTH) };
}
