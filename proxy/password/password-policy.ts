import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../../common/policy/password-rules';
import type { Config } from '../config';

/** Đ9 with the deployment's minimum length. */
export function passwordPolicyOf(config: Config): PasswordPolicy {
  return { ...DEFAULT_PASSWORD_POLICY, minLength: config.limits.passwordMinLength };
}
