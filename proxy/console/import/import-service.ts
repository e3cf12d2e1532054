import type {
  ImportCreateRequest,
  ImportCreateResponse,
  ImportCreateResult,
  ImportPreview,
} from '../../../common/contract';
import type { Actor } from '../../accounts/admin-actions';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import { DriverError } from '../../password/drivers/password-driver';
import { createAccount, existingAddresses } from '../accounts/create-account';
import { previewImport } from './preview-import';
import { readStaffList } from './read-staff-list';

/** Reads the list and shows what importing it would do; creates nothing. */
export async function previewStaffList(
  ctx: AppContext,
  bytes: Uint8Array,
  defaultUnitCode: string | null,
): Promise<ImportPreview> {
  const list = await readStaffList(bytes);
  if (defaultUnitCode && !(await ctx.units.get(defaultUnitCode))) throw new ApiError('unit_not_found');
  let existing: Set<string>;
  let provider: Awaited<ReturnType<AppContext['passwordDriver']['listAccounts']>>;
  try {
    [existing, provider] = await Promise.all([existingAddresses(ctx), ctx.passwordDriver.listAccounts()]);
  } catch (cause) {
    // Without the provider's list the clashes would be guessed: no preview rather than a wrong one.
    if (cause instanceof DriverError) throw new ApiError('provider_unavailable', undefined, { cause });
    throw cause;
  }
  const people = [
    ...(await ctx.accounts.list())
      .filter((a) => a.state !== 'revoked')
      .map((a) => ({ email: a.email, fullName: a.fullName, unitCode: a.unitCode, unitName: null })),
    ...provider.map((p) => ({
      email: p.email.toLowerCase(),
      fullName: p.name,
      unitCode: null,
      unitName: p.unit,
    })),
  ];
  const rows = previewImport({
    rows: list.rows,
    defaultUnitCode,
    units: await ctx.units.list(),
    existing,
    people,
    domain: ctx.config.org.mailDomain,
  });
  return { format: list.format, sheet: list.sheet, encoding: list.encoding, rows };
}

/**
 * Creates the rows the admin kept, one after another (each proposal sees the ones made before
 * it), through the same createAccount as the single form. A row's failure is its own: the others
 * go on. The temporary passwords go back once in the answer and are kept nowhere.
 */
export async function createFromImport(
  ctx: AppContext,
  request: ImportCreateRequest,
  actor: Actor,
  log: { error: (obj: object, msg: string) => void },
): Promise<ImportCreateResponse> {
  for (const id of new Set([request.requestId, ...request.rows.map((r) => r.requestId)])) {
    if (id && !(await ctx.requests.get(id))) throw new ApiError('request_not_found', { id });
  }
  const results: ImportCreateResult[] = [];
  for (const row of request.rows) {
    const base = { line: row.line, fullName: row.fullName, unitCode: row.unitCode };
    try {
      const created = await createAccount(
        ctx,
        {
          fullName: row.fullName,
          unitCode: row.unitCode,
          kind: 'personal',
          title: row.title ?? null,
          local: row.local ?? null,
          overrideReason: row.overrideReason ?? null,
          // A row's own request is completed by its account; the list's request below, once for all.
          requestId: row.requestId ?? null,
        },
        actor,
      );
      results.push({
        ...base,
        address: created.address,
        temporaryPassword: created.temporaryPassword,
        error: null,
      });
    } catch (err) {
      if (!(err instanceof ApiError)) log.error({ err, line: row.line }, 'import row failed');
      const error =
        err instanceof ApiError
          ? { code: err.code, ...(err.details ? { details: err.details } : {}) }
          : { code: 'internal_error' as const };
      results.push({ ...base, address: null, temporaryPassword: null, error });
    }
  }
  const made = results.flatMap((r) => (r.address ? [r.address] : []));
  const failed = results.length - made.length;
  await ctx.audit.record({
    actor: actor.name,
    email: actor.name,
    action: 'account_import',
    outcome: failed === 0 ? 'ok' : made.length === 0 ? 'failed' : 'partial',
    ip: actor.ip ?? null,
    details: {
      rows: results.length,
      created: made.length,
      failed,
      ...(request.requestId ? { requestId: request.requestId } : {}),
      ...(made.length > 0 ? { addresses: made.join(', ') } : {}),
    },
  });
  // Đ5.2: the list's request records what it led to. The store completes a request once: a long
  // list sent in parts completes it with its first part; the audit entries name every address.
  if (request.requestId && made.length > 0) {
    await ctx.requests.complete(request.requestId, `account_import ${made.join(', ')}`, actor.name);
  }
  return { created: made.length, failed, results };
}
