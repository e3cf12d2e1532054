import ICAL from 'ical.js';
import { dropUnsafeTimezones } from './parse-invitation';

/**
 * Pure: the calendar "Thêm vào lịch" hands to the user's calendar program: the sender's events
 * and zones as ical.js read them, without METHOD (a file to import, not a request that program
 * would answer a second time) and without X-ALT-DESC (the sender's HTML). Null when unreadable.
 */
export function calendarForImport(text: string): string | null {
  try {
    const jcal = ICAL.parse(text);
    const first = Array.isArray(jcal[0]) ? jcal[0] : jcal;
    const calendar = new ICAL.Component(first as unknown[]);
    if (calendar.name !== 'vcalendar' || !calendar.getFirstSubcomponent('vevent')) return null;
    dropUnsafeTimezones(calendar);
    calendar.removeAllProperties('method');
    for (const event of calendar.getAllSubcomponents('vevent')) event.removeAllProperties('x-alt-desc');
    return `${calendar.toString()}\r\n`;
  } catch {
    return null;
  }
}
