import { z } from 'zod';

/** Đ5.2: units' written requests (new, change, revoke, restore) and what was done about them. */
export const UnitRequestKind = z
  .enum(['create', 'change', 'revoke', 'restore'])
  .meta({ id: 'UnitRequestKind' });
export const UnitRequestStatus = z.enum(['open', 'done', 'rejected']).meta({ id: 'UnitRequestStatus' });

export const UnitRequestView = z
  .object({
    id: z.number().int(),
    unitCode: z.string(),
    kind: UnitRequestKind,
    documentNumber: z.string(),
    documentDate: z.string().nullable(),
    subjectEmail: z.string().nullable(),
    fullName: z.string().nullable(),
    note: z.string().nullable(),
    status: UnitRequestStatus,
    receivedAt: z.string(),
    recordedBy: z.string(),
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable(),
    outcome: z.string().nullable(),
  })
  .meta({ id: 'UnitRequest' });
export type UnitRequestView = z.infer<typeof UnitRequestView>;

export const UnitRequestList = z
  .object({ requests: z.array(UnitRequestView) })
  .meta({ id: 'UnitRequestList' });
export type UnitRequestList = z.infer<typeof UnitRequestList>;

export const UnitRequestIdParams = z.object({ id: z.coerce.number().int().positive() });

export const UnitRequestQuery = z.object({
  status: UnitRequestStatus.optional(),
  unit: z.string().max(40).optional(),
  email: z.string().max(320).optional(),
});

export const NewUnitRequestInput = z
  .object({
    unitCode: z.string().min(1).max(40),
    kind: UnitRequestKind,
    /** Số văn bản; empty → document_number_required. */
    documentNumber: z.string().max(100),
    /** dd/MM/yyyy or yyyy-mm-dd. */
    documentDate: z.string().max(20).nullable().optional(),
    subjectEmail: z.string().max(320).nullable().optional(),
    fullName: z.string().max(200).nullable().optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .meta({ id: 'NewUnitRequest' });
export type NewUnitRequestInput = z.infer<typeof NewUnitRequestInput>;

export const UnitRequestOutcomeInput = z
  .object({ outcome: z.string().trim().min(1).max(1000) })
  .meta({ id: 'UnitRequestOutcome' });
export const UnitRequestRejectInput = z
  .object({ reason: z.string().trim().min(1).max(1000) })
  .meta({ id: 'UnitRequestReject' });
