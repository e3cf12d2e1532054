import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The calendars of proxy/invitations/fixtures (Outlook, Google, all-day, hostile …). */
export const invitationFixture = (name: string) =>
  readFileSync(join(__dirname, '..', 'invitations', 'fixtures', name), 'utf8');

/** An Outlook-shaped invitation: text, HTML and the calendar as alternatives of one another. */
export function invitationMail(
  organizer: string,
  attendee: string,
  calendar: string,
  subject: string,
): Buffer {
  const ics = calendar
    .replaceAll('annv.sttt@binhphuoc.gov.vn', organizer)
    .replaceAll('AnNV.sttt@binhphuoc.gov.vn', organizer)
    .replaceAll('thanhtv.sttt@binhphuoc.gov.vn', attendee)
    .replace(/\r?\n/g, '\r\n');
  const boundary = `alt-${randomUUID()}`;
  return Buffer.from(
    [
      `From: Nguyễn Văn An <${organizer}>`,
      `To: <${attendee}>`,
      `Subject: ${subject}`,
      `Message-ID: <${randomUUID()}@binhphuoc.gov.vn>`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Kính mời đồng chí dự họp.',
      `--${boundary}`,
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      '<p>Kính mời đồng chí dự họp.</p>',
      `--${boundary}`,
      'Content-Type: text/calendar; charset=utf-8; method=REQUEST',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(ics).toString('base64').replace(/.{76}/g, '$&\r\n'),
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}
