import type { PasswordStatus } from '../../common/contract';
import type { AccountRecord } from '../accounts/account-store';
import { type PasswordAgePolicy, passwordAgeState, passwordChangeRequirement } from '../policy/password-age';

/** What the client shows about the password: the reminder banner, or the forced change screen. */
export function passwordStatus(account: AccountRecord, now: Date, policy: PasswordAgePolicy): PasswordStatus {
  const age = passwordAgeState(account.passwordChangedAt, now, policy);
  return {
    changeRequired: passwordChangeRequirement(account, now, policy),
    ageDays: age.ageDays,
    daysLeft: age.state === 'remind' ? age.daysLeft : null,
    graceDaysLeft: age.state === 'grace' ? age.graceDaysLeft : null,
  };
}
