import { z } from 'zod';

/** Đ4.1: the unit tree with official names and the short codes used in addresses. */
export const UnitLevel = z
  .enum(['province', 'department', 'district', 'division', 'commune'])
  .meta({ id: 'UnitLevel' });
export type UnitLevel = z.infer<typeof UnitLevel>;

export const UnitNode = z
  .object({
    code: z.string(),
    name: z.string(),
    parentCode: z.string().nullable(),
    level: UnitLevel,
    mailbox: z.string().nullable(),
    website: z.string().nullable(),
    /** Distance from the top of the list shown (0 = a root of what the viewer sees). */
    depth: z.number().int().min(0),
    /** Accounts recorded in this unit, and in it with every unit below. */
    accounts: z.number().int().min(0),
    accountsWithSubUnits: z.number().int().min(0),
    subUnits: z.number().int().min(0),
  })
  .meta({ id: 'UnitNode' });
export type UnitNode = z.infer<typeof UnitNode>;

/** Depth-first: every unit right after its parent, siblings by name. */
export const UnitTree = z.object({ units: z.array(UnitNode) }).meta({ id: 'UnitTree' });
export type UnitTree = z.infer<typeof UnitTree>;

const optionalText = z
  .string()
  .trim()
  .max(300)
  .nullish()
  .transform((v) => v || null);

/** A unit in a path: its short code. */
export const UnitCodeParams = z.object({ code: z.string().trim().toLowerCase().min(1).max(30) });

export const UnitUpdate = z
  .object({
    /** Official Vietnamese name, stored in NFC. */
    name: z.string().trim().min(1).max(300),
    parentCode: z.string().trim().toLowerCase().nullable(),
    level: UnitLevel,
    mailbox: optionalText,
    website: optionalText,
  })
  .meta({ id: 'UnitUpdate' });
export type UnitUpdate = z.input<typeof UnitUpdate>;

export const UnitCreate = UnitUpdate.extend({
  /** The short code of Đ4 (sttt, dongxoai, xmh): lower-case ASCII letters and digits. */
  code: z.string().trim().max(30),
}).meta({ id: 'UnitCreate' });
export type UnitCreate = z.input<typeof UnitCreate>;
