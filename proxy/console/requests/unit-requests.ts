import type { NewUnitRequestInput } from '../../../common/contract';
import { parseVietnameseDay } from '../../../common/policy/vietnam-date';
import type { Actor } from '../../accounts/admin-actions';
import type { AppContext } from '../../app-context';
import { ApiError } from '../../errors';
import { unitInScope } from '../roles';
import type { RequestStatus, UnitRequest } from './request-store';

type Deps = Pick<AppContext, 'requests' | 'units' | 'audit'>;

/**
 * The requests a viewer may read: one unit's (404 outside a unit manager's units, as if unknown),
 * or every unit they see.
 */
export async function listUnitRequests(
  deps: Pick<Deps, 'requests'>,
  query: { status?: RequestStatus | undefined; unit?: string | undefined; email?: string | undefined },
  viewer: ReadonlySet<string> | null,
): Promise<UnitRequest[]> {
  if (query.unit && !unitInScope(viewer, query.unit)) throw new ApiError('unit_not_found');
  const units = query.unit ? new Set([query.unit]) : viewer;
  return deps.requests.list({ status: query.status, units, email: query.email });
}

/** Đ5.2: a request counts only in writing, so its document number is required. */
export async function recordUnitRequest(
  deps: Deps,
  input: NewUnitRequestInput,
  actor: Actor,
): Promise<UnitRequest> {
  const documentNumber = input.documentNumber.normalize('NFC').trim();
  if (!documentNumber) throw new ApiError('document_number_required');
  if (!(await deps.units.get(input.unitCode))) throw new ApiError('unit_not_found');
  const documentDate = input.documentDate?.trim()
    ? parseVietnameseDay(input.documentDate, { iso: true })
    : null;
  if (input.documentDate?.trim() && !documentDate) throw new ApiError('validation_failed');
  const subjectEmail = input.subjectEmail?.trim().normalize('NFC').toLowerCase() || null;
  const request = await deps.requests.create(
    {
      unitCode: input.unitCode,
      kind: input.kind,
      documentNumber,
      documentDate,
      subjectEmail,
      fullName: input.fullName?.trim() || null,
      note: input.note?.trim() || null,
    },
    actor.name,
  );
  await deps.audit.record({
    actor: actor.name,
    email: subjectEmail ?? '*',
    action: 'unit_request',
    outcome: 'ok',
    ip: actor.ip,
    details: { id: request.id, kind: request.kind, unit: request.unitCode, document: documentNumber },
  });
  return request;
}

export async function finishUnitRequest(
  deps: Deps,
  id: number,
  status: 'done' | 'rejected',
  text: string,
  actor: Actor,
): Promise<UnitRequest> {
  const request = await deps.requests.get(id);
  if (request?.status !== 'open') throw new ApiError('request_not_found');
  if (status === 'done') await deps.requests.complete(id, text.normalize('NFC').trim(), actor.name);
  else await deps.requests.reject(id, text, actor.name);
  await deps.audit.record({
    actor: actor.name,
    email: request.subjectEmail ?? '*',
    action: 'unit_request',
    outcome: status,
    ip: actor.ip,
    details: { id, kind: request.kind, unit: request.unitCode },
  });
  return (await deps.requests.get(id)) as UnitRequest;
}
