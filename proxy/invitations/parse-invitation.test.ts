import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVITATION_MAX_BYTES, MAX_ATTENDEES, parseInvitation, readInvitation } from './parse-invitation';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const eventOf = (name: string) => {
  const parsed = parseInvitation(fixture(name));
  if (!parsed) throw new Error(`${name} did not parse`);
  return parsed.event;
};

describe('parseInvitation', () => {
  it.each([
    // Outlook's own zone, +07 all year: the instant is 07:00Z and no "original zone" is shown.
    ['outlook-se-asia.ics', '2026-12-10T07:00:00.000Z', '2026-12-10T09:30:00.000Z', null],
    // Google writes UTC: shown in Viet Nam (09:00), UTC is only the encoding.
    ['google-utc.ics', '2026-12-15T02:00:00.000Z', '2026-12-15T03:00:00.000Z', null],
    // A zone with summer time, from its VTIMEZONE: 09:00 in Paris in December is 08:00Z.
    [
      'paris-dst.ics',
      '2026-12-10T08:00:00.000Z',
      '2026-12-10T09:00:00.000Z',
      { local: '2026-12-10T09:00', zone: 'Romance Standard Time' },
    ],
    // An IANA TZID without VTIMEZONE: read with the platform's zone data.
    ['weekly-rrule.ics', '2026-12-07T00:30:00.000Z', '2026-12-07T01:30:00.000Z', null],
  ])('%s: start and end instants', (name, start, end, original) => {
    const event = eventOf(name);
    expect(event.start).toEqual({ iso: start, allDay: false, original });
    expect(event.end?.iso).toBe(end);
  });

  it("reads Outlook's invitation: method, UID, SEQUENCE, people, texts", () => {
    const event = eventOf('outlook-se-asia.ics');
    expect(event).toMatchObject({
      method: 'REQUEST',
      sequence: 2,
      title: 'Họp triển khai Kế hoạch chuyển đổi số 2027',
      location: 'Phòng họp tầng 3, Sở TT&TT',
      description:
        'Kính mời đồng chí dự họp triển khai Kế hoạch chuyển đổi số năm 2027.\nĐề nghị chuẩn bị báo cáo.',
      organizer: { name: 'Nguyễn Văn An', address: 'annv.sttt@binhphuoc.gov.vn' },
      attendees: [
        {
          name: 'Trần Văn Thanh',
          address: 'thanhtv.sttt@binhphuoc.gov.vn',
          partstat: 'needs-action',
          optional: false,
        },
        { name: 'Lê Thị Hoa', address: 'hoalt.sttt@binhphuoc.gov.vn', partstat: 'accepted', optional: true },
      ],
      attendeeCount: 2,
      cancelled: false,
      recurrence: null,
    });
    expect(event.uid).toMatch(/^040000008200E00074C5B7101A82E008/);
    // X-ALT-DESC (HTML) is never read.
    expect(JSON.stringify(event)).not.toContain('<script>');
  });

  it('reads an all-day event as dates', () => {
    const event = eventOf('all-day.ics');
    expect(event.start).toEqual({ iso: '2026-12-28', allDay: true, original: null });
    expect(event.end).toEqual({ iso: '2026-12-30', allDay: true, original: null });
  });

  it('summarises an RRULE without expanding it', () => {
    expect(eventOf('weekly-rrule.ics').recurrence).toEqual({
      freq: 'weekly',
      interval: 1,
      count: null,
      until: '2026-12-28',
      byDay: ['MO'],
    });
  });

  it('marks a CANCEL as cancelled', () => {
    expect(eventOf('cancel.ics')).toMatchObject({ method: 'CANCEL', cancelled: true, sequence: 1 });
  });

  it('keeps hostile HTML as the plain characters it is made of, drops bidi overrides and non-mail addresses', () => {
    const event = eventOf('hostile-html.ics');
    expect(event.title).toBe('<img src=x onerror=alert(1)>Họp <b>gấp</b>');
    expect(event.description).toBe(`<script>alert('x')</script><a href="javascript:alert(1)">bấm</a>`);
    expect(event.organizer).toEqual({ name: '<svg onload=alert(1)>', address: 'evil@example.com' });
    expect(event.attendees[0]?.name).toBe('gnp.exe');
    expect(event.attendees[1]?.address).toBe('');
    expect(JSON.stringify(event)).not.toContain('tracker.example');
  });

  it.each([
    ['broken ICS', fixture('broken.ics')],
    ['not a calendar at all', 'Hello, world'],
    ['a VCARD', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:An\r\nEND:VCARD\r\n'],
    ['a calendar without event', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'],
    ['an event without UID', fixture('all-day.ics').replace(/^UID:.*$/m, '')],
  ])('%s: no card', (_name, text) => {
    expect(parseInvitation(text)).toBeNull();
    expect(readInvitation(text)).toEqual({ event: null, problem: 'unreadable', answer: null });
  });

  it('does not parse a calendar above the size cap', () => {
    const padding = `X-PAD:${'a'.repeat(70)}\r\n`.repeat(Math.ceil(INVITATION_MAX_BYTES / 70));
    const huge = fixture('google-utc.ics').replace('BEGIN:VEVENT', `${padding}BEGIN:VEVENT`);
    expect(readInvitation(huge)).toEqual({ event: null, problem: 'too_large', answer: null });
  });

  it('lists at most MAX_ATTENDEES attendees and counts them all', () => {
    const many = Array.from(
      { length: 300 },
      (_, i) => `ATTENDEE;CN=Người ${i}:mailto:nguoi${i}@binhphuoc.gov.vn\r\n`,
    ).join('');
    const text = fixture('all-day.ics').replace('END:VEVENT', `${many}END:VEVENT`);
    const event = parseInvitation(text)!.event;
    expect(event.attendees).toHaveLength(MAX_ATTENDEES);
    expect(event.attendeeCount).toBe(301);
  });

  it('drops a VTIMEZONE whose rules would expand without end, and still reads the event', () => {
    const text = fixture('paris-dst.ics').replace(
      'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
      'RRULE:FREQ=SECONDLY',
    );
    const started = Date.now();
    const event = parseInvitation(text)!.event;
    expect(Date.now() - started).toBeLessThan(2000);
    // Unknown zone then: read by its Windows name (Europe/Paris).
    expect(event.start?.iso).toBe('2026-12-10T08:00:00.000Z');
  });

  it('cuts a very long title', () => {
    const text = fixture('all-day.ics').replace(/^SUMMARY:.*$/m, `SUMMARY:${'Họp '.repeat(400)}`);
    expect(parseInvitation(text)!.event.title.length).toBe(500);
  });
});
