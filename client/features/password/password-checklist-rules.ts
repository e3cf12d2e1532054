import {
  DEFAULT_PASSWORD_POLICY,
  evaluatePassword,
  type RuleResult,
} from '../../../common/policy/password-rules';

export type ChecklistItem = RuleResult & { state: 'met' | 'unmet' | 'pending' };

/**
 * The proxy's own Đ9 rules, run as the user types. The upper length limit shows only when it
 * is broken; "not common" and "not personal" wait for a full-length password, since every short
 * prefix would look fine and then flip.
 */
export function checklist(password: string, email: string, minLength: number): ChecklistItem[] {
  const results = evaluatePassword(password, { email }, { ...DEFAULT_PASSWORD_POLICY, minLength });
  return results
    .filter((r) => r.code !== 'password_too_long' || !r.ok)
    .map((r) => {
      const waits = r.code === 'password_common' || r.code === 'password_contains_personal';
      const pending = password === '' || (waits && [...password].length < minLength);
      return { ...r, state: pending ? 'pending' : r.ok ? 'met' : 'unmet' };
    });
}
