import { z } from 'zod';
import { errorCodes } from './errors';

/** Bulk import of a unit's staff list (issue 6, Đ5.3a): preview, then create the kept rows. */

export const ImportPreviewQuery = z.object({
  /** The unit of rows whose list has no unit column, or leaves it blank. */
  defaultUnit: z.string().trim().toLowerCase().max(64).optional(),
});

export const ImportRowStatus = z.enum(['ok', 'warn', 'bad']).meta({ id: 'ImportRowStatus' });
export type ImportRowStatus = z.infer<typeof ImportRowStatus>;

export const ImportPreviewRow = z
  .object({
    /** The line of the CSV or row of the sheet. */
    line: z.number().int(),
    fullName: z.string(),
    /** The unit as the list wrote it ('' when blank). */
    unitText: z.string(),
    unitCode: z.string().nullable(),
    unitName: z.string().nullable(),
    title: z.string(),
    note: z.string(),
    /** Đ4's address, clashes counted against existing accounts and earlier rows. */
    proposedLocal: z.string().nullable(),
    proposedAddress: z.string().nullable(),
    /** Why no account can be made from the row as it is (errors.<code>). */
    problems: z.array(z.enum(errorCodes)),
    /** People already in the directory with the same name in the same unit. */
    possibleDuplicates: z.array(z.string()),
    /** Earlier lines of the same file with the same name and unit. */
    sameInFile: z.array(z.number().int()),
    status: ImportRowStatus,
  })
  .meta({ id: 'ImportPreviewRow' });
export type ImportPreviewRow = z.infer<typeof ImportPreviewRow>;

export const ImportPreview = z
  .object({
    format: z.enum(['xlsx', 'csv']),
    sheet: z.string().nullable(),
    encoding: z.string().nullable(),
    rows: z.array(ImportPreviewRow),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportCreateRow = z.object({
  line: z.number().int(),
  fullName: z.string().trim().min(1).max(200),
  unitCode: z.string().trim().toLowerCase().min(1).max(64),
  title: z.string().trim().max(200).nullish(),
  /** The admin's own local part instead of the proposal, with the reason (Đ4 override). */
  local: z.string().trim().max(64).nullish(),
  overrideReason: z.string().trim().max(500).nullish(),
  /** Đ5.2: this row's own written request, when not the list's. */
  requestId: z.number().int().positive().nullish(),
});
export type ImportCreateRow = z.infer<typeof ImportCreateRow>;

export const ImportCreateRequest = z
  .object({
    rows: z.array(ImportCreateRow).min(1).max(2000),
    /** Đ5.2: the unit's written request the list came with. */
    requestId: z.number().int().positive().nullish(),
  })
  .meta({ id: 'ImportCreateRequest' });
export type ImportCreateRequest = z.infer<typeof ImportCreateRequest>;

export const ImportCreateResult = z
  .object({
    line: z.number().int(),
    fullName: z.string(),
    unitCode: z.string(),
    /** Set when created: the address and its temporary password, shown once, never stored. */
    address: z.string().nullable(),
    temporaryPassword: z.string().nullable(),
    /** Set when this row failed; the other rows went on. */
    error: z
      .object({
        code: z.enum(errorCodes),
        details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      })
      .nullable(),
  })
  .meta({ id: 'ImportCreateResult' });
export type ImportCreateResult = z.infer<typeof ImportCreateResult>;

export const ImportCreateResponse = z
  .object({ created: z.number().int(), failed: z.number().int(), results: z.array(ImportCreateResult) })
  .meta({ id: 'ImportCreateResponse' });
export type ImportCreateResponse = z.infer<typeof ImportCreateResponse>;
