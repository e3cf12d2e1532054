import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageStructureObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { calendarForImport } from './calendar-file';
import { answerFromFlags, findCalendarPart } from './calendar-part';

const leaf = (part: string, type: string, extra: Partial<MessageStructureObject> = {}) =>
  ({ part, type, size: 1200, encoding: '7bit', ...extra }) as MessageStructureObject;
const multipart = (type: string, childNodes: MessageStructureObject[], part?: string) =>
  ({ type, childNodes, ...(part ? { part } : {}) }) as MessageStructureObject;

describe('findCalendarPart', () => {
  it.each([
    [
      'Outlook: text/calendar as the last alternative',
      multipart('multipart/alternative', [
        leaf('1', 'text/plain'),
        leaf('2', 'text/html'),
        leaf('3', 'text/calendar', { parameters: { method: 'REQUEST', charset: 'utf-8' } }),
      ]),
      { part: '3', size: 1200, method: 'REQUEST' },
    ],
    [
      'Google: alternative inside mixed, with an application/ics copy',
      multipart('multipart/mixed', [
        multipart('multipart/alternative', [leaf('1.1', 'text/plain'), leaf('1.2', 'text/calendar')], '1'),
        leaf('2', 'application/ics', { disposition: 'attachment' }),
      ]),
      { part: '1.2', size: 1200, method: null },
    ],
    [
      'only an .ics attachment sent as octet-stream',
      multipart('multipart/mixed', [
        leaf('1', 'text/plain'),
        leaf('2', 'application/octet-stream', { dispositionParameters: { filename: 'giay-moi.ICS' } }),
      ]),
      { part: '2', size: 1200, method: null },
    ],
    [
      'no calendar',
      multipart('multipart/mixed', [leaf('1', 'text/plain'), leaf('2', 'application/pdf')]),
      null,
    ],
    [
      'a single-part calendar',
      leaf(undefined as unknown as string, 'text/calendar'),
      { part: '1', size: 1200, method: null },
    ],
  ])('%s', (_name, structure, expected) => {
    expect(findCalendarPart(structure)).toEqual(expected);
  });

  it("leaves a forwarded message's invitation to that message", () => {
    const forwarded = leaf('2', 'message/rfc822', {
      childNodes: [leaf('2.1', 'text/calendar')],
    });
    expect(findCalendarPart(multipart('multipart/mixed', [leaf('1', 'text/plain'), forwarded]))).toBeNull();
  });
});

describe('answerFromFlags', () => {
  it.each([
    [new Set(['\\Seen', '$InviteAccepted']), 'accepted'],
    [new Set(['$InviteDeclined']), 'declined'],
    [new Set(['$InviteTentative']), 'tentative'],
    [new Set(['\\Seen']), null],
    [undefined, null],
  ])('%o → %s', (flags, answer) => {
    expect(answerFromFlags(flags)).toBe(answer);
  });
});

describe('calendarForImport', () => {
  const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

  it('keeps the events and zones, drops METHOD and the HTML description', () => {
    const file = calendarForImport(fixture('outlook-se-asia.ics'))!;
    expect(file).toContain('BEGIN:VTIMEZONE');
    expect(file).toContain('TZID:SE Asia Standard Time');
    expect(file).toContain('UID:040000008200E00074C5B7101A82E008');
    expect(file).not.toMatch(/^METHOD:/m);
    expect(file).not.toContain('X-ALT-DESC');
    expect(file).not.toContain('<script>');
  });

  it('refuses what is not a calendar with an event', () => {
    expect(calendarForImport(fixture('broken.ics'))).toBeNull();
    expect(calendarForImport('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toBeNull();
  });
});
