import type ICAL from 'ical.js';
import type { InvitationTime } from '../../common/contract';

/**
 * Pure: an iCalendar DATE or DATE-TIME as the instant it names. The zone comes from the
 * calendar's own VTIMEZONE when it has one (Outlook's "SE Asia Standard Time"), else from the
 * TZID read as an IANA name or one of Windows' common names, else Viet Nam (a floating time is the
 * reader's local time, and the reader is in Viet Nam). Never the server's own zone.
 */

type Time = InstanceType<typeof ICAL.Time>;

const VIETNAM = 'Asia/Ho_Chi_Minh';
const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** Windows zone names Outlook writes without a VTIMEZONE (rare), mapped to IANA; the rest fall back. */
const WINDOWS_ZONES: Record<string, string> = {
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'India Standard Time': 'Asia/Kolkata',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Russian Standard Time': 'Europe/Moscow',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Pacific Standard Time': 'America/Los_Angeles',
  UTC: 'UTC',
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const wallClock = (t: Time) =>
  `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`;

export function ianaZone(name: string): string | null {
  const candidate = WINDOWS_ZONES[name] ?? name;
  try {
    new Intl.DateTimeFormat('en', { timeZone: candidate });
    return candidate;
  } catch {
    return null;
  }
}

/** Minutes east of UTC that `zone` is at `instant`. */
function offsetMinutes(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - instant) / 60_000);
}

/** The instant a wall-clock time in an IANA zone names (the earlier one in a DST overlap). */
export function instantInZone(
  t: Pick<Time, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>,
  zone: string,
) {
  const guess = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const first = guess - offsetMinutes(guess, zone) * 60_000;
  return guess - offsetMinutes(first, zone) * 60_000;
}

export function calendarTime(value: Time, tzidParam: string | null): InvitationTime {
  if (value.isDate) {
    return {
      iso: `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}`,
      allDay: true,
      original: null,
    };
  }
  const zone = value.zone;
  let instant: number;
  let zoneName: string | null;
  if (zone?.tzid === 'UTC') {
    instant = Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute, value.second);
    zoneName = null;
  } else if (zone?.component) {
    // The calendar's own VTIMEZONE (checked harmless before parsing, see safe-calendar.ts).
    instant = value.toUnixTime() * 1000;
    zoneName = zone.tzid;
  } else {
    const iana = tzidParam ? ianaZone(tzidParam) : null;
    instant = instantInZone(value, iana ?? VIETNAM);
    zoneName = iana ? tzidParam : null;
  }
  if (!Number.isFinite(instant)) throw new Error('invalid time');
  const offset = Math.round(
    (Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute) - instant) / 60_000,
  );
  const shifted = zoneName !== null && offset !== VIETNAM_OFFSET_MINUTES && Math.abs(offset) <= 18 * 60;
  return {
    iso: new Date(instant).toISOString(),
    allDay: false,
    original: shifted ? { local: wallClock(value), zone: zoneName! } : null,
  };
}

/** yyyy-MM-dd in Viet Nam of an RRULE's UNTIL (a date, or an instant). */
export function untilDate(value: Time, tzidParam: string | null): string {
  const t = calendarTime(value, tzidParam);
  if (t.allDay) return t.iso;
  return new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM }).format(new Date(t.iso));
}
