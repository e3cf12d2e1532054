import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorBody,
  ConsoleMe,
  RecoveryCodes,
  SecondFactorCode,
  SecondFactorEnrolment,
} from '../../common/contract';
import type { AppContext } from '../app-context';
import type { AuditAction } from '../audit/audit-log';
import { consoleRole } from '../console/roles';
import { ApiError } from '../errors';
import { requireSession } from '../http/session-guard';

/**
 * /api/console/me and the second factor (TOTP with recovery codes). Every console route checks
 * the factor was passed in the same session (console-guard.ts); passing it is throttled like a
 * log-in, so six digits cannot be guessed.
 */
export function consoleAuthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', requireSession(ctx));
    app.addHook('preHandler', async (req) => {
      if (!consoleRole(req.account!.role)) throw new ApiError('forbidden');
    });

    const audit = (email: string, ip: string, action: AuditAction, outcome: string) =>
      ctx.audit.record({ actor: email, email, action, outcome, ip });

    app.get(
      '/console/me',
      { schema: { tags: ['console'], response: { 200: ConsoleMe, 401: ApiErrorBody, 403: ApiErrorBody } } },
      async (req) => {
        const account = req.account!;
        const status = ctx.secondFactors.status(account.email);
        return {
          email: account.email,
          role: account.role,
          unitCode: account.unitCode,
          secondFactor: { ...status, verified: req.session!.secondFactorAt !== null },
        };
      },
    );

    app.post(
      '/console/second-factor/enrol',
      {
        schema: {
          tags: ['console'],
          response: { 200: SecondFactorEnrolment, 403: ApiErrorBody, 409: ApiErrorBody },
        },
      },
      async (req) => {
        const email = req.account!.email;
        // Replacing a factor in force needs that factor first: a stolen password alone cannot.
        if (ctx.secondFactors.status(email).enrolled && req.session!.secondFactorAt === null) {
          throw new ApiError('second_factor_already_enrolled');
        }
        audit(email, req.ip, 'second_factor_enrol', 'started');
        return ctx.secondFactors.begin(email);
      },
    );

    app.post(
      '/console/second-factor/confirm',
      {
        schema: {
          tags: ['console'],
          body: SecondFactorCode,
          response: { 200: RecoveryCodes, 400: ApiErrorBody, 409: ApiErrorBody, 429: ApiErrorBody },
        },
      },
      async (req) => {
        const email = req.account!.email;
        const codes = throttled(ctx, email, req.ip, () => ctx.secondFactors.confirm(email, req.body.code));
        if (codes === 'not_enrolled') throw new ApiError('second_factor_not_enrolled');
        if (codes === 'invalid') {
          audit(email, req.ip, 'second_factor_enrol', 'second_factor_invalid');
          throw new ApiError('second_factor_invalid');
        }
        ctx.sessions.markSecondFactor(req.session!.idHash);
        audit(email, req.ip, 'second_factor_enrol', 'ok');
        return { codes };
      },
    );

    app.post(
      '/console/second-factor/verify',
      {
        schema: {
          tags: ['console'],
          body: SecondFactorCode,
          response: { 204: z.null(), 400: ApiErrorBody, 409: ApiErrorBody, 429: ApiErrorBody },
        },
      },
      async (req, reply) => {
        const email = req.account!.email;
        const result = throttled(ctx, email, req.ip, () => ctx.secondFactors.verify(email, req.body.code));
        audit(email, req.ip, 'second_factor', result === 'ok' ? 'ok' : `second_factor_${result}`);
        if (result === 'not_enrolled') throw new ApiError('second_factor_not_enrolled');
        if (result === 'invalid') throw new ApiError('second_factor_invalid');
        ctx.sessions.markSecondFactor(req.session!.idHash);
        return reply.status(204).send(null);
      },
    );
  };
}

/** The log-in throttle under its own key: wrong codes count, a right one clears the count. */
function throttled<T>(ctx: AppContext, email: string, ip: string, attempt: () => T): T {
  const who = `second-factor:${email}`;
  const gate = ctx.loginThrottle.check(who, ip);
  if (!gate.allowed) {
    throw new ApiError('too_many_attempts', {
      retryAfterSeconds: gate.retryAfterSeconds,
      minutes: Math.ceil(gate.retryAfterSeconds / 60),
    });
  }
  const recorded = ctx.loginThrottle.recordAttempt(who, ip);
  const result = attempt();
  const ok = Array.isArray(result) || result === 'ok';
  if (ok) {
    ctx.loginThrottle.forget(recorded);
    ctx.loginThrottle.recordSuccess(who, ip);
  } else if (result === 'not_enrolled') {
    ctx.loginThrottle.forget(recorded);
  } else {
    ctx.loginThrottle.recordFailure(recorded);
  }
  return result;
}
