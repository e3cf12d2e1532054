import { z } from 'zod';

/** The province directory as the console keeps it (Đ5.1, Đ12.5): active addresses by unit. */
export const DirectoryQuery = z.object({
  /** A unit code: that unit and every unit below it. */
  unit: z.string().trim().min(1).max(64).optional(),
  /** Name, title, unit or address; tones and case ignored. */
  q: z.string().trim().max(200).optional(),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

export const DirectoryEntry = z
  .object({
    email: z.string(),
    fullName: z.string().nullable(),
    title: z.string().nullable(),
    kind: z.enum(['personal', 'unit']),
  })
  .meta({ id: 'DirectoryEntry' });
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const DirectoryGroup = z
  .object({
    /** null: addresses the provider lists that the console has not placed in a unit yet. */
    unitCode: z.string().nullable(),
    unitName: z.string().nullable(),
    entries: z.array(DirectoryEntry),
  })
  .meta({ id: 'DirectoryGroup' });
export type DirectoryGroup = z.infer<typeof DirectoryGroup>;

export const DirectoryUnit = z
  .object({
    code: z.string(),
    name: z.string(),
    parentCode: z.string().nullable(),
    /** 0 for the top of the viewer's tree; for indenting the unit picker. */
    depth: z.number().int().min(0),
  })
  .meta({ id: 'DirectoryUnit' });
export type DirectoryUnit = z.infer<typeof DirectoryUnit>;

export const DirectoryListing = z
  .object({
    /** The units the viewer may pick, in tree order. */
    units: z.array(DirectoryUnit),
    groups: z.array(DirectoryGroup),
    total: z.number().int().min(0),
  })
  .meta({ id: 'DirectoryListing' });
export type DirectoryListing = z.infer<typeof DirectoryListing>;

export const DirectoryExportFormat = z.enum(['csv', 'xlsx', 'html']);
export type DirectoryExportFormat = z.infer<typeof DirectoryExportFormat>;

/** A unit's list to publish: that unit and every unit below it, or the whole province. */
export const DirectoryExportQuery = z.object({ unit: DirectoryQuery.shape.unit });
