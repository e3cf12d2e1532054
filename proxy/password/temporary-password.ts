import { randomInt } from 'node:crypto';
import { checkPassword, type PasswordContext, type PasswordPolicy } from '../../common/policy/password-rules';

// No 0/O, 1/l/I: the temporary password is read aloud on the phone or copied from a paper slip.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';

/**
 * A temporary password for an admin reset (Đ6.3c) that itself satisfies Đ9: 14 characters
 * from a cryptographic source, with every required class, checked by the same rules as a user's.
 */
export function temporaryPassword(context: PasswordContext, policy: PasswordPolicy): string {
  const specials = policy.specials;
  const all = UPPER + LOWER + DIGITS + specials;
  const length = Math.max(14, policy.minLength);
  // A policy no random password can meet must fail loudly, not spin the event loop forever.
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(specials)];
    while (chars.length < length) chars.push(pick(all));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
    }
    const candidate = chars.join('');
    if (checkPassword(candidate, context, policy).length === 0) return candidate;
  }
  throw new Error(`no temporary password meets the password policy for ${context.email}`);
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)] as string;
}
