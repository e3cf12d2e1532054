import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { InvitationAnswer } from '../../common/contract';
import { parseInvitation } from './parse-invitation';
import { replyCalendar } from './reply-calendar';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const now = new Date('2026-12-07T03:04:05Z');

function reply(name: string, answer: InvitationAnswer, text = fixture(name)) {
  const invitation = parseInvitation(text)!;
  const ics = replyCalendar({
    invitation,
    attendee: { address: 'thanhtv.sttt@binhphuoc.gov.vn', name: 'Trần Văn Thanh' },
    answer,
    now,
    prodId: '-//Hop thu cong vu//VI',
  });
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { ics, calendar, vevent: calendar.getFirstSubcomponent('vevent')! };
}

describe('replyCalendar', () => {
  it.each([
    ['accepted', 'ACCEPTED'],
    ['declined', 'DECLINED'],
    ['tentative', 'TENTATIVE'],
  ] as const)('%s: a REPLY ical.js reads back with PARTSTAT=%s', (answer, partstat) => {
    const { calendar, vevent } = reply('outlook-se-asia.ics', answer);
    expect(calendar.getFirstPropertyValue('method')).toBe('REPLY');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(vevent.getFirstPropertyValue('uid')).toMatch(/^040000008200E00074C5B7101A82E008/);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2026-12-07T03:04:05Z');
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:annv.sttt@binhphuoc.gov.vn');
    expect(organizer.getParameter('cn')).toBe('Nguyễn Văn An');
    const attendees = vevent.getAllProperties('attendee');
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.getFirstValue()).toBe('mailto:thanhtv.sttt@binhphuoc.gov.vn');
    expect(attendees[0]!.getParameter('partstat')).toBe(partstat);
    expect(attendees[0]!.getParameter('cn')).toBe('Trần Văn Thanh');
    expect(String(vevent.getFirstPropertyValue('dtstart'))).toBe('2026-12-10T07:00:00Z');
    expect(vevent.getFirstPropertyValue('summary')).toBe('Họp triển khai Kế hoạch chuyển đổi số 2027');
  });

  it('keeps an all-day event as dates', () => {
    const { vevent } = reply('all-day.ics', 'accepted');
    const start = vevent.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe('2026-12-28');
  });

  it('answers one occurrence with its RECURRENCE-ID', () => {
    const text = fixture('weekly-rrule.ics')
      .replace(/^RRULE:.*\r?\n/m, '')
      .replace('UID:', 'RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20261214T073000\nUID:');
    const { vevent } = reply('weekly-rrule.ics', 'declined', text);
    expect(String(vevent.getFirstPropertyValue('recurrence-id'))).toBe('2026-12-14T00:30:00Z');
  });

  it('copies no description, no other attendee, no HTML', () => {
    const { ics } = reply('hostile-html.ics', 'accepted');
    expect(ics).not.toMatch(/DESCRIPTION|X-ALT-DESC|javascript:|<script/);
    // Lines are CRLF and folded at 75 octets (RFC 5545 §3.1).
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
