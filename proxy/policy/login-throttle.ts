/**
 * Brute-force protection at the door (issue 5). PURE: failures and the clock come in as values.
 * Failures count per account and address together, so an attacker elsewhere cannot lock a civil
 * servant out of their own office; a looser per-address limit stops one host trying many accounts.
 */

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

export interface ThrottlePolicy {
  perAccountAndIp: ThrottleRule;
  perIp: ThrottleRule;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  perAccountAndIp: { maxFailures: 5, windowMs: 15 * 60_000 },
  perIp: { maxFailures: 30, windowMs: 15 * 60_000 },
};

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Failure times (ms) already filtered to the key; allowed while fewer than max lie in the window. */
export function throttleDecision(failures: number[], now: number, rule: ThrottleRule): ThrottleDecision {
  const recent = failures.filter((at) => at > now - rule.windowMs).sort((a, b) => a - b);
  if (recent.length < rule.maxFailures) return { allowed: true };
  // Allowed again when enough of the oldest failures have left the window.
  const freeAt = recent[recent.length - rule.maxFailures]! + rule.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
}

/** The stricter of the two rules wins. */
export function combineDecisions(...decisions: ThrottleDecision[]): ThrottleDecision {
  const blocked = decisions.filter((d): d is { allowed: false; retryAfterSeconds: number } => !d.allowed);
  if (blocked.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(...blocked.map((d) => d.retryAfterSeconds)) };
}
