import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../accounts/account-store';
import type { AppContext } from '../app-context';
import { ApiError } from '../errors';
import { requireSession } from '../http/session-guard';
import { type ConsoleAccess, mayUseConsole, unitInScope, visibleUnits } from './roles';

export interface ConsoleUser {
  email: string;
  role: Role;
  unitCode: string | null;
  /** Units this user may see; null = all (admins). */
  units: Set<string> | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleUser: ConsoleUser | null;
  }
}

/**
 * preHandler for every console route: a live session (requireSession's checks), a console role
 * allowing `access`, and the second factor passed in this very session. The role is read from the
 * store on every request, so taking it away takes effect at once.
 */
export function requireConsole(ctx: AppContext, access: ConsoleAccess) {
  const session = requireSession(ctx);
  return async (req: FastifyRequest, reply: FastifyReply) => {
    await session(req, reply);
    const account = req.account!;
    if (!mayUseConsole(account.role, access)) throw new ApiError('forbidden');
    if (req.session!.secondFactorAt === null) throw new ApiError('second_factor_required');
    req.consoleUser = {
      email: account.email,
      role: account.role,
      unitCode: account.unitCode,
      units: visibleUnits(account, await ctx.units.list()),
    };
  };
}

/** Who did it, for the audit log (Đ7.1: every admin action with its actor). */
export function actorOf(req: FastifyRequest): { name: string; ip: string } {
  return { name: req.consoleUser?.email ?? req.session?.email ?? 'unknown', ip: req.ip };
}

/**
 * A download of the Sở's records (directory, audit log, report) is itself audited: who took it,
 * from where, and what it held. `email` is the entry's account ('*': many people's).
 */
export async function auditExport(
  ctx: Pick<AppContext, 'audit'>,
  req: FastifyRequest,
  details: Record<string, string | number | boolean>,
  email = '*',
): Promise<void> {
  const actor = actorOf(req);
  await ctx.audit.record({
    actor: actor.name,
    email,
    action: 'report_export',
    outcome: 'ok',
    ip: actor.ip,
    details,
  });
}

/** A unit manager asking about a unit outside their tree gets 404, not a hint it exists. */
export function assertUnitVisible(req: FastifyRequest, unitCode: string | null): void {
  if (!unitInScope(req.consoleUser?.units, unitCode)) throw new ApiError('unit_not_found');
}

/** Likewise an account outside their units: 404 account_not_found, as if it did not exist. */
export function assertAccountVisible(units: ReadonlySet<string> | null, unitCode: string | null): void {
  if (!unitInScope(units, unitCode)) throw new ApiError('account_not_found');
}
