/**
 * Which run of a periodic job a moment belongs to. Every instance computes the same slot for the
 * same moment, so the first to claim it runs the job and the others skip it (job-runs.ts).
 */
export function periodSlot(at: number, periodMs: number): string {
  return `p${periodMs}:${Math.floor(at / periodMs)}`;
}

/** A daily job's slot: the calendar day in the given time zone (yyyy-mm-dd). */
export function daySlot(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
