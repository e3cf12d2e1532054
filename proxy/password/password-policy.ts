import type { Config } from '../config';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../policy/password-rules';

/** Điều 9 with the deployment's minimum length. */
export function passwordPolicyOf(config: Config): PasswordPolicy {
  return { ...DEFAULT_PASSWORD_POLICY, minLength: config.limits.passwordMinLength };
}
