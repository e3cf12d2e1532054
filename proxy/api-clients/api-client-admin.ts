import { randomUUID } from 'node:crypto';
import type { ApiClientCreate, ApiClientView, ApiClientWithToken } from '../../common/contract';
import { ApiClientCreate as CreateSchema } from '../../common/contract';
import { tokenExpiry, tokenState } from '../../common/policy/api-client-access';
import type { AppContext } from '../app-context';
import { unitInScope } from '../console/roles';
import { ApiError } from '../errors';
import type { ApiClientRecord } from './api-client-store';
import { newToken } from './api-tokens';

type Ctx = Pick<AppContext, 'apiClients' | 'units' | 'audit'>;
type Actor = { name: string; ip: string };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toView(r: ApiClientRecord, unitName: string | null, now: number): ApiClientView {
  return {
    id: r.id,
    unitCode: r.unitCode,
    unitName,
    mailbox: r.mailbox,
    name: r.name,
    scopes: r.scopes,
    tokenHint: r.tokenHint,
    expiresAt: new Date(r.expiresAt).toISOString(),
    createdAt: new Date(r.createdAt).toISOString(),
    createdBy: r.createdBy,
    rotatedAt: iso(r.rotatedAt),
    revokedAt: iso(r.revokedAt),
    lastUsedAt: iso(r.lastUsedAt),
    state: tokenState(r, now),
  };
}

async function unitNames(ctx: Ctx): Promise<Map<string, string>> {
  return new Map((await ctx.units.list()).map((u) => [u.code, u.name]));
}

/** The clients of the units a viewer sees (a unit manager: their own tree; admins: all). */
export async function listApiClients(
  ctx: Ctx,
  visible: ReadonlySet<string> | null,
  now = Date.now(),
): Promise<ApiClientView[]> {
  const names = await unitNames(ctx);
  return (await ctx.apiClients.list())
    .filter((c) => unitInScope(visible, c.unitCode))
    .map((c) => toView(c, names.get(c.unitCode) ?? null, now));
}

/** A new client for a unit's mailbox; the token is in the answer and nowhere else. */
export async function createApiClient(
  ctx: Ctx,
  input: ApiClientCreate,
  actor: Actor,
  now = new Date(),
): Promise<ApiClientWithToken> {
  const parsed = CreateSchema.parse(input);
  const unit = await ctx.units.get(parsed.unitCode);
  if (!unit) throw new ApiError('unit_not_found');
  if (!unit.mailbox) throw new ApiError('unit_mailbox_missing');
  const expiresAt = tokenExpiry(parsed.expiresOn, now);
  if (expiresAt === null) throw new ApiError('api_client_expiry_invalid');
  const token = newToken();
  const record = {
    id: randomUUID(),
    unitCode: unit.code,
    mailbox: unit.mailbox.toLowerCase(),
    name: parsed.name,
    scopes: [...new Set(parsed.scopes)],
    tokenHash: token.hash,
    tokenHint: token.hint,
    expiresAt,
    createdAt: now.getTime(),
    createdBy: actor.name,
  };
  await ctx.apiClients.insert(record);
  await audit(ctx, actor, record, 'create', {
    scope: record.scopes.join(' '),
    expiresOn: parsed.expiresOn,
  });
  const full = { ...record, rotatedAt: null, revokedAt: null, lastUsedAt: null };
  return { client: toView(full, unit.name, now.getTime()), token: token.token };
}

/** A new token; the old one is refused from this moment. A revoked client stays revoked. */
export async function rotateApiClient(
  ctx: Ctx,
  id: string,
  actor: Actor,
  visible: ReadonlySet<string> | null,
  now = new Date(),
): Promise<ApiClientWithToken> {
  const client = await visibleClient(ctx, id, visible);
  const token = newToken();
  if (!(await ctx.apiClients.rotate(id, { hash: token.hash, hint: token.hint }, now.getTime())))
    throw new ApiError('api_token_revoked');
  await audit(ctx, actor, client, 'rotate');
  const rotated = (await ctx.apiClients.get(id)) as ApiClientRecord;
  const names = await unitNames(ctx);
  return { client: toView(rotated, names.get(rotated.unitCode) ?? null, now.getTime()), token: token.token };
}

export async function revokeApiClient(
  ctx: Ctx,
  id: string,
  actor: Actor,
  visible: ReadonlySet<string> | null,
  now = new Date(),
): Promise<void> {
  const client = await visibleClient(ctx, id, visible);
  await ctx.apiClients.revoke(id, now.getTime());
  await audit(ctx, actor, client, 'revoke');
}

async function visibleClient(ctx: Ctx, id: string, visible: ReadonlySet<string> | null) {
  const client = await ctx.apiClients.get(id);
  if (!client || !unitInScope(visible, client.unitCode)) throw new ApiError('api_client_not_found');
  return client;
}

async function audit(
  ctx: Ctx,
  actor: Actor,
  client: Pick<ApiClientRecord, 'id' | 'name' | 'unitCode' | 'mailbox'>,
  op: 'create' | 'rotate' | 'revoke',
  extra: Record<string, string> = {},
) {
  await ctx.audit.record({
    actor: actor.name,
    email: client.mailbox,
    action: 'api_client',
    outcome: 'ok',
    ip: actor.ip,
    details: { op, client: client.name, id: client.id, unit: client.unitCode, ...extra },
  });
}
