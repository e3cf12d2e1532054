import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { VIETNAM_HOLIDAYS } from '../../common/policy/vietnam-holidays';
import type { HolidayList } from '../../common/policy/working-days';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const HolidayFile = z.object({
  years: z.array(z.number().int().min(2000).max(2100)).min(1),
  periods: z.array(
    z.object({
      from: day,
      to: day,
      name: z.string().min(1),
      provisional: z.boolean().optional(),
      source: z.string().optional(),
    }),
  ),
  makeUpDays: z
    .array(z.object({ on: day, name: z.string().min(1), source: z.string().optional() }))
    .default([]),
});

/**
 * The public holidays (Tết included) as configured: HOLIDAYS_FILE, a JSON file in the shape of
 * VIETNAM_HOLIDAYS, replaces the built-in list when the Ministry announces a new year.
 */
export function loadHolidayList(file: string | undefined): HolidayList {
  if (!file) return VIETNAM_HOLIDAYS;
  const parsed = HolidayFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
