import { Secret, TOTP } from 'otpauth';
import type { SecondFactorEnrolment } from '../../common/contract';
import type { Role } from '../accounts/account-store';
import { type FreshMailbox, freshMailbox } from './fresh-mailbox';
import { logIn, type ProxyHarness } from './proxy-harness';

/** The six digits an authenticator app would show for `secret`, `stepsAhead` periods from now. */
export function totpCode(secret: string, stepsAhead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: Date.now() + stepsAhead * 30_000,
  });
}

/**
 * A console user of the test's own: a fresh mailbox given `role` (and `unitCode`), logged in,
 * with its second factor enrolled and passed in that session — ready for the console's APIs.
 */
export async function consoleUser(
  proxy: ProxyHarness,
  options: { role?: Role; unitCode?: string; prefix?: string } = {},
) {
  const mailbox: FreshMailbox = freshMailbox(options.prefix ?? 'quantri');
  await proxy.ctx.accounts.setProfile(mailbox.email, {
    role: options.role ?? 'admin',
    ...(options.unitCode ? { unitCode: options.unitCode } : {}),
  });
  const client = await logIn(proxy, mailbox.email, mailbox.password);
  const enrolment = (
    await client.post('/api/console/second-factor/enrol', {})
  ).json() as SecondFactorEnrolment;
  const confirmed = await client.post('/api/console/second-factor/confirm', {
    code: totpCode(enrolment.secret),
  });
  if (confirmed.statusCode !== 200)
    throw new Error(`second factor: ${confirmed.statusCode} ${confirmed.body}`);
  const { codes } = confirmed.json() as { codes: string[] };
  return { ...mailbox, client, secret: enrolment.secret, recoveryCodes: codes };
}
