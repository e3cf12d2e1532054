import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type ApiScope,
  hasScope,
  looksLikeApiToken,
  tokenState,
} from '../../common/policy/api-client-access';
import type { AppContext } from '../app-context';
import { ApiError } from '../errors';
import { accountStateError } from '../http/session-guard';
import type { ApiClientRecord } from './api-client-store';
import { hashToken } from './api-tokens';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API client whose token opened this call (service API only). */
    apiClient: ApiClientRecord | null;
    /** Facts the call's audit entry carries besides who, what and the outcome. */
    apiCallDetails: Record<string, string | number | boolean> | null;
    /** The error code the call was answered with, for its audit entry. */
    apiCallOutcome: string | null;
  }
}

/** `Authorization: Bearer <token>`; anything else is no token. */
export function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? (match[1] as string) : null;
}

/**
 * onRequest of every service call, before its body is even read: the token (only its SHA-256 is
 * looked up), its dates, the client's calls per minute, and the unit mailbox's own state (Đ6.1: a
 * suspended mailbox is refused to software as it is to people).
 */
export function authenticateApiClient(ctx: AppContext) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const token = bearerToken(req);
    if (!token || !looksLikeApiToken(token)) throw new ApiError('api_token_invalid');
    const client = await ctx.apiClients.byTokenHash(hashToken(token));
    if (!client) throw new ApiError('api_token_invalid');
    req.apiClient = client;
    const now = Date.now();
    const state = tokenState(client, now);
    if (state === 'revoked') throw new ApiError('api_token_revoked');
    if (state === 'expired') throw new ApiError('api_token_expired');
    const wait = ctx.apiCallLimiter.take(client.id);
    if (wait !== null) throw new ApiError('api_rate_limited', { retryAfterSeconds: wait });
    const account = await ctx.accounts.ensure(client.mailbox);
    if (account.state !== 'active') throw accountStateError(account);
    await ctx.apiClients.touch(client.id, now);
  };
}

/** preHandler of one operation, once its parameters are parsed: the scope it needs. */
export function requireScope(needed: (req: FastifyRequest) => ApiScope) {
  return async (req: FastifyRequest) => {
    const scope = needed(req);
    req.apiCallDetails = { ...req.apiCallDetails, scope };
    if (!hasScope(req.apiClient?.scopes ?? [], scope)) throw new ApiError('api_scope_missing', { scope });
  };
}

/** Adds facts to the call's audit entry. */
export function noteApiCall(req: FastifyRequest, details: Record<string, string | number | boolean>): void {
  req.apiCallDetails = { ...req.apiCallDetails, ...details };
}

/**
 * Every call leaves one audit entry (Đ7.1, Đ14.2g): the client's name as the actor, the unit
 * mailbox as the account, the operation and the outcome (ok or the error code answered). A call
 * with no valid token names no client: it is recorded against no account.
 */
export async function auditApiCall(ctx: AppContext, req: FastifyRequest, status: number): Promise<void> {
  const client = req.apiClient;
  const outcome = status < 400 ? 'ok' : (req.apiCallOutcome ?? `http_${status}`);
  await ctx.audit
    .record({
      actor: client ? `api:${client.name}` : 'api',
      email: client?.mailbox ?? '',
      action: 'api_call',
      outcome,
      ip: req.ip,
      details: {
        op: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`,
        ...(client ? { client: client.id } : {}),
        ...req.apiCallDetails,
      },
    })
    .catch((err: unknown) => req.log.error({ err }, 'audit of an API call failed'));
}
