import { z } from 'zod';

/** Đ8.1c: planned outages, announced to users at least 3 working days ahead. */
export const MaintenanceNoticeStatus = z.enum(['upcoming', 'current', 'past', 'cancelled']);
export type MaintenanceNoticeStatus = z.infer<typeof MaintenanceNoticeStatus>;

/** What every user sees (also on the log-in page): no personal data, so no session is needed. */
export const PublicNotice = z
  .object({
    id: z.number().int(),
    /** ISO 8601 instants; the client shows them in Asia/Ho_Chi_Minh. */
    startsAt: z.string(),
    endsAt: z.string(),
    message: z.string(),
  })
  .meta({ id: 'PublicNotice' });
export type PublicNotice = z.infer<typeof PublicNotice>;

export const PublicNotices = z.object({ notices: z.array(PublicNotice) }).meta({ id: 'PublicNotices' });
export type PublicNotices = z.infer<typeof PublicNotices>;

export const MaintenanceNotice = PublicNotice.extend({
  status: MaintenanceNoticeStatus,
  createdBy: z.string(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  cancelledBy: z.string().nullable(),
}).meta({ id: 'MaintenanceNotice' });
export type MaintenanceNotice = z.infer<typeof MaintenanceNotice>;

export const MaintenanceNoticeList = z
  .object({ notices: z.array(MaintenanceNotice) })
  .meta({ id: 'MaintenanceNoticeList' });
export type MaintenanceNoticeList = z.infer<typeof MaintenanceNoticeList>;

export const NewMaintenanceNotice = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    message: z.string().trim().min(1).max(1000),
  })
  .meta({ id: 'NewMaintenanceNotice' });
export type NewMaintenanceNotice = z.infer<typeof NewMaintenanceNotice>;

export const MaintenanceEarliest = z
  .object({
    /** 00:00 in Viet Nam on the first day an outage announced now may start. */
    earliestStart: z.string(),
    /** The same day as 'YYYY-MM-DD' in Viet Nam. */
    earliestStartOn: z.string(),
  })
  .meta({ id: 'MaintenanceEarliest' });
export type MaintenanceEarliest = z.infer<typeof MaintenanceEarliest>;

export const MaintenanceNoticeIdParams = z.object({ id: z.coerce.number().int().positive() });
