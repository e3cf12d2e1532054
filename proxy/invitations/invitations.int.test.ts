import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageDetail, MessagePage } from '../../common/contract';
import { deliverViaLmtp } from '../../scripts/seed/lmtp-delivery';
import { type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { invitationFixture, invitationMail } from '../test-support/invitation-mail';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';
import { messagesIn } from '../test-support/read-mailbox';

type Client = Awaited<ReturnType<typeof logIn>>;

const fixture = invitationFixture;

describe('meeting invitations against the real mail stack', () => {
  let proxy: ProxyHarness;
  let organizer: FreshMailbox;
  let attendee: FreshMailbox;
  let client: Client;

  const deliver = async (calendar: string, subject: string) => {
    const raw = invitationMail(organizer.email, attendee.email, calendar, subject);
    const [result] = await deliverViaLmtp([{ from: organizer.email, to: [attendee.email], raw }]);
    expect(result?.accepted).toEqual([attendee.email]);
    const page = (await client.get(`/api/mailboxes/INBOX/messages`)).json() as MessagePage;
    const row = page.messages.find((m) => m.subject === subject);
    if (!row) throw new Error(`${subject} not delivered`);
    return row.uid;
  };
  const detail = async (uid: number) => {
    const res = await client.get(`/api/mailboxes/INBOX/messages/${uid}`);
    expect(res.statusCode).toBe(200);
    return res.json() as MessageDetail;
  };

  beforeAll(async () => {
    organizer = freshMailbox('moi-hop-chutri');
    attendee = freshMailbox('moi-hop-du');
    proxy = await startProxy({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    client = await logIn(proxy, attendee.email, attendee.password);
  });
  afterAll(async () => {
    await proxy?.close();
    organizer?.remove();
    attendee?.remove();
  });

  it('shows the card, serves the .ics, and Accept sends a REPLY the organiser receives; Sent keeps it', async () => {
    const uid = await deliver(fixture('outlook-se-asia.ics'), 'Giấy mời họp chuyển đổi số');
    const message = await detail(uid);
    expect(message.invitation).toMatchObject({
      problem: null,
      answer: null,
      event: {
        method: 'REQUEST',
        sequence: 2,
        title: 'Họp triển khai Kế hoạch chuyển đổi số 2027',
        start: { iso: '2026-12-10T07:00:00.000Z', allDay: false, original: null },
        organizer: { name: 'Nguyễn Văn An', address: organizer.email },
        cancelled: false,
      },
    });
    expect(message.invitation?.event?.attendees[0]).toMatchObject({
      address: attendee.email,
      partstat: 'needs-action',
    });

    const file = await client.get(`/api/mailboxes/INBOX/messages/${uid}/invitation.ics`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename=.*\.ics/);
    expect(file.body).toContain('BEGIN:VEVENT');
    expect(file.body).not.toContain('X-ALT-DESC');

    const answer = await client.post(`/api/mailboxes/INBOX/messages/${uid}/invitation/reply`, {
      composeId: randomUUID(),
      answer: 'accepted',
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ answer: 'accepted', sentCopySaved: true });

    await expect
      .poll(async () => (await messagesIn(organizer, 'INBOX')).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    const [reply] = await messagesIn(organizer, 'INBOX');
    const calendar = reply!.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    const ics = calendar ? calendar.content.toString('utf8') : String(reply!.parsed.text);
    expect(reply!.parsed.subject).toBe('Chấp nhận: Họp triển khai Kế hoạch chuyển đổi số 2027');
    expect(ics).toMatch(/METHOD:REPLY/);
    expect(ics.replace(/\r\n[ \t]/g, '')).toMatch(
      new RegExp(`ATTENDEE;PARTSTAT=ACCEPTED[^:]*:mailto:${attendee.email}`),
    );
    expect(ics).toMatch(/SEQUENCE:2/);

    expect((await messagesIn(attendee, 'Sent')).map((m) => m.parsed.subject)).toContain(
      'Chấp nhận: Họp triển khai Kế hoạch chuyển đổi số 2027',
    );
    // The answer is remembered on the message: a reload shows it.
    expect((await detail(uid)).invitation?.answer).toBe('accepted');
  });

  it('refuses to answer a cancelled meeting; a locked sender sends nothing', async () => {
    const cancelled = fixture('cancel.ics').replace(
      'vanphong@binhphuoc.gov.vn',
      'annv.sttt@binhphuoc.gov.vn',
    );
    const uid = await deliver(cancelled, 'Hủy hội nghị tổng kết');
    expect((await detail(uid)).invitation?.event).toMatchObject({ method: 'CANCEL', cancelled: true });
    const refused = await client.post(`/api/mailboxes/INBOX/messages/${uid}/invitation/reply`, {
      composeId: randomUUID(),
      answer: 'accepted',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('invitation_not_answerable');

    const request = await deliver(
      fixture('all-day.ics').replace('vanphong@', 'annv.sttt@'),
      'Hội nghị tổng kết',
    );
    await proxy.ctx.accounts.setSendingLock(attendee.email, 'Nghỉ hưu');
    try {
      const locked = await client.post(`/api/mailboxes/INBOX/messages/${request}/invitation/reply`, {
        composeId: randomUUID(),
        answer: 'declined',
      });
      expect(locked.statusCode).toBe(403);
      expect(locked.json().error.code).toBe('sending_locked');
      expect((await detail(request)).invitation?.answer).toBeNull();
    } finally {
      await proxy.ctx.accounts.setSendingLock(attendee.email, null);
    }
  });

  it('a broken calendar gives the message without a card, never an error', async () => {
    const uid = await deliver(fixture('broken.ics'), 'Lịch hỏng');
    const message = await detail(uid);
    expect(message.invitation).toEqual({ event: null, problem: 'unreadable', answer: null });
    expect(message.text).toContain('Kính mời');
  });
});
