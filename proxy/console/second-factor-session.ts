import type { RecoveryCodes, SecondFactorEnrolment } from '../../common/contract';
import type { AppContext } from '../app-context';
import type { AuditAction } from '../audit/audit-log';
import type { LoginThrottle } from '../auth/login-throttle-store';
import { ApiError } from '../errors';

/** The person at the console and the session they are passing the factor in. */
export interface FactorHolder {
  email: string;
  ip: string;
  sessionIdHash: string;
  /** When this session passed the factor; null = not yet. */
  secondFactorAt: number | null;
}

type Ctx = Pick<AppContext, 'secondFactors' | 'sessions' | 'loginThrottle' | 'audit'>;

/**
 * Replacing a factor in force needs that factor first, in the same session: a stolen password
 * alone cannot swap the phone.
 */
export function mayEnrolSecondFactor(enrolled: boolean, verifiedInSession: boolean): boolean {
  return !enrolled || verifiedInSession;
}

const audit = (ctx: Ctx, who: FactorHolder, action: AuditAction, outcome: string) =>
  ctx.audit.record({ actor: who.email, email: who.email, action, outcome, ip: who.ip });

/** Starts (or restarts) enrolment: the QR code and the key to type. */
export async function beginEnrolment(ctx: Ctx, who: FactorHolder): Promise<SecondFactorEnrolment> {
  const { enrolled } = await ctx.secondFactors.status(who.email);
  if (!mayEnrolSecondFactor(enrolled, who.secondFactorAt !== null)) {
    throw new ApiError('second_factor_already_enrolled');
  }
  await audit(ctx, who, 'second_factor_enrol', 'started');
  return ctx.secondFactors.begin(who.email);
}

/** Confirms enrolment with a first code: the session has passed the factor, the codes are shown once. */
export async function confirmEnrolment(ctx: Ctx, who: FactorHolder, code: string): Promise<RecoveryCodes> {
  const codes = await throttledAttempt(ctx.loginThrottle, who.email, who.ip, () =>
    ctx.secondFactors.confirm(who.email, code),
  );
  if (codes === 'not_enrolled') throw new ApiError('second_factor_not_enrolled');
  if (codes === 'invalid') {
    await audit(ctx, who, 'second_factor_enrol', 'second_factor_invalid');
    throw new ApiError('second_factor_invalid');
  }
  await ctx.sessions.markSecondFactor(who.sessionIdHash);
  await audit(ctx, who, 'second_factor_enrol', 'ok');
  return { codes };
}

/** Passes the factor in this session with a code from the app or a recovery code. */
export async function verifySecondFactor(ctx: Ctx, who: FactorHolder, code: string): Promise<void> {
  const result = await throttledAttempt(ctx.loginThrottle, who.email, who.ip, () =>
    ctx.secondFactors.verify(who.email, code),
  );
  await audit(ctx, who, 'second_factor', result === 'ok' ? 'ok' : `second_factor_${result}`);
  if (result === 'not_enrolled') throw new ApiError('second_factor_not_enrolled');
  if (result === 'invalid') throw new ApiError('second_factor_invalid');
  await ctx.sessions.markSecondFactor(who.sessionIdHash);
}

type Throttle = Pick<
  LoginThrottle,
  'check' | 'checkAndRecordAttempt' | 'recordFailure' | 'forget' | 'recordSuccess'
>;

/**
 * The log-in throttle under its own key, so six digits cannot be guessed: wrong codes count, a
 * right one clears the count, and asking without a factor enrolled is not a guess.
 */
export async function throttledAttempt<T extends string[] | 'ok' | 'invalid' | 'not_enrolled'>(
  throttle: Throttle,
  email: string,
  ip: string,
  attempt: () => T | Promise<T>,
): Promise<T> {
  const who = `second-factor:${email}`;
  const gate = await throttle.checkAndRecordAttempt(who, ip);
  if (!gate.allowed) {
    throw new ApiError('too_many_attempts', {
      retryAfterSeconds: gate.retryAfterSeconds,
      minutes: Math.ceil(gate.retryAfterSeconds / 60),
    });
  }
  const result = await attempt();
  if (Array.isArray(result) || result === 'ok') {
    await throttle.forget(gate.attempt);
    await throttle.recordSuccess(who, ip);
  } else if (result === 'not_enrolled') {
    await throttle.forget(gate.attempt);
  } else {
    // A wrong code charges the address too, as a wrong password does.
    await throttle.recordFailure(gate.attempt);
  }
  return result;
}
