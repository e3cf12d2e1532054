import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FreshMailbox, freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { invitationFixture, invitationMail } from '../proxy/test-support/invitation-mail';
import { messagesIn } from '../proxy/test-support/read-mailbox';
import { deliverViaLmtp } from '../scripts/seed/lmtp-delivery';
import { launchBrowser } from './support/browser';
import { logIn } from './support/console';
import { screenshot } from './support/console-e2e';

/**
 * A meeting invitation as a civil servant meets it: the card above the body, its facts as plain
 * text in Viet Nam's time, "Chấp nhận" answering the organiser, and the same card on a phone.
 */
const baseUrl = inject('baseUrl');

let organizer: FreshMailbox;
let attendee: FreshMailbox;
let browser: Browser;
let page: Page;

const OUTLOOK = 'Giấy mời họp triển khai chuyển đổi số';
const HOSTILE = 'Lịch họp có mã HTML';

beforeAll(async () => {
  organizer = freshMailbox('moi-hop-e2e-chutri');
  attendee = freshMailbox('moi-hop-e2e-du');
  const raws = [
    invitationMail(organizer.email, attendee.email, invitationFixture('hostile-html.ics'), HOSTILE),
    invitationMail(organizer.email, attendee.email, invitationFixture('outlook-se-asia.ics'), OUTLOOK),
  ];
  const results = await deliverViaLmtp(
    raws.map((raw) => ({ from: organizer.email, to: [attendee.email], raw })),
  );
  expect(results.every((r) => r.accepted.length === 1)).toBe(true);
  browser = await launchBrowser();
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 768 },
  });
  page = await context.newPage();
  await logIn(page, baseUrl, attendee.email, attendee.password);
});

afterAll(async () => {
  await browser?.close();
  organizer?.remove();
  attendee?.remove();
});

async function open(subject: string) {
  await page.locator('.message-row', { hasText: subject }).first().click();
  await page.getByRole('heading', { level: 2, name: subject }).waitFor();
}

describe('meeting invitations', () => {
  it('shows the card above the body at 1366×768, in Viet Nam time, and answers the organiser', async () => {
    await open(OUTLOOK);
    const card = page.getByTestId('invitation-card');
    await card.waitFor();
    await expect
      .poll(() => card.getByRole('heading', { level: 3 }).textContent())
      .toBe('Họp triển khai Kế hoạch chuyển đổi số 2027');
    expect(await card.getByTestId('invitation-time').textContent()).toBe('10/12/2026 14:00 – 16:30');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Phòng họp tầng 3, Sở TT&TT');
    expect(text).toContain(`Nguyễn Văn An <${organizer.email}>`);
    expect(text).toContain('Lê Thị Hoa (không bắt buộc, đồng ý)');
    const download = card.getByRole('link', { name: 'Thêm vào lịch' });
    expect(await download.getAttribute('href')).toMatch(/\/invitation\.ics$/);
    await screenshot(page, 'invitation-card.png');

    await card.getByRole('button', { name: 'Chấp nhận' }).click();
    await card.getByText('Bạn đã chấp nhận lời mời này.').waitFor();
    expect(await card.getByRole('button', { name: 'Chấp nhận' }).getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(async () => (await messagesIn(organizer, 'INBOX')).map((m) => m.parsed.subject), {
        timeout: 15_000,
      })
      .toContain('Chấp nhận: Họp triển khai Kế hoạch chuyển đổi số 2027');
  });

  it('shows HTML from the calendar as text, never as markup', async () => {
    await open(HOSTILE);
    const card = page.getByTestId('invitation-card');
    await card.waitFor();
    expect(await card.getByRole('heading', { level: 3 }).textContent()).toBe(
      '<img src=x onerror=alert(1)>Họp <b>gấp</b>',
    );
    expect(await card.locator('img, b, script, iframe, svg, a[href^="javascript"]').count()).toBe(0);
  });

  it('keeps the answer on a fresh load, and fits a 360×740 phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    // A fresh load of the inbox on the phone; the answer comes back from the server.
    await page.goto(`${baseUrl}/thu/INBOX`);
    await page.locator('.message-row', { hasText: OUTLOOK }).first().click();
    await page.getByRole('heading', { level: 2, name: OUTLOOK }).waitFor();
    const card = page.getByTestId('invitation-card');
    await card.getByText('Bạn đã chấp nhận lời mời này.').waitFor();
    const box = await card.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'invitation-card-phone.png');
  });
});
