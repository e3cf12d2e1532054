import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FreshMailbox, freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { resolveMailDomain } from '../scripts/mailstack/paths';
import { deliverViaLmtp } from '../scripts/seed/lmtp-delivery';
import { launchBrowser } from './support/browser';
import { logIn } from './support/console';
import { screenshot } from './support/console-e2e';

/**
 * What a user sees of who really sent a message: the outside-mail banner, a look-alike warning,
 * the province server's SPF/DKIM/DMARC line, and a reply that says where it will really go.
 */
const baseUrl = inject('baseUrl');
// The e2e proxy keeps the default authserv-id: the mail domain.
const authservId = resolveMailDomain();
const b64 = (s: string) => `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`;

function message(headers: string[], subject: string, body: string): Buffer {
  return Buffer.from(
    [
      ...headers,
      `Subject: ${b64(subject)}`,
      'Date: Mon, 07 Dec 2026 08:30:00 +0700',
      `Message-ID: <${randomUUID()}@e2e.test>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '',
    ].join('\r\n'),
  );
}

let owner: FreshMailbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  owner = freshMailbox('docthu-sender');
  const raws = [
    message(
      [
        `Authentication-Results: ${authservId}; spf=pass smtp.mailfrom=baobinhphuoc.com.vn; dkim=pass header.d=baobinhphuoc.com.vn; dmarc=pass header.from=baobinhphuoc.com.vn`,
        `From: ${b64('Báo Bình Phước')} <toasoan@baobinhphuoc.com.vn>`,
        `To: ${owner.email}`,
      ],
      'Mời tham dự họp báo cuối năm',
      'Tòa soạn trân trọng kính mời đại diện Sở tham dự họp báo cuối năm.',
    ),
    message(
      [
        `Authentication-Results: ${authservId}; spf=pass smtp.mailfrom=binhphuoc-gov.vn; dkim=none; dmarc=none`,
        `From: ${b64('Chủ tịch UBND tỉnh')} <chutich@binhphuoc-gov.vn>`,
        'Reply-To: chutich.ubnd.binhphuoc@gmail.com',
        `To: ${owner.email}`,
      ],
      'Yêu cầu chuyển khoản gấp',
      'Đồng chí chuyển ngay khoản kinh phí theo danh sách đính kèm, trả lời thư này khi xong.',
    ),
  ];
  const results = await deliverViaLmtp(
    raws.map((raw) => ({ from: 'x@example.com', to: [owner.email], raw })),
  );
  expect(results.every((r) => r.accepted.length === 1)).toBe(true);
  browser = await launchBrowser();
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
  await logIn(page, baseUrl, owner.email, owner.password);
});

afterAll(async () => {
  await browser?.close();
  owner?.remove();
});

async function open(subject: string) {
  await page.locator('.message-row', { hasText: subject }).click();
  await page.getByRole('heading', { level: 2, name: subject }).waitFor();
}

const shoot = (name: string) => screenshot(page, name);

describe('who really sent a message', () => {
  it('marks mail from outside the government domains, with the server’s verdicts', async () => {
    await open('Mời tham dự họp báo cuối năm');
    const banner = page.getByRole('region', { name: 'Cảnh báo về người gửi' });
    await banner.getByText('Thư từ bên ngoài hệ thống thư công vụ.').waitFor();
    expect(await banner.getByRole('listitem').count()).toBe(0);
    await page.getByText('SPF: đạt · DKIM: đạt · DMARC: đạt').waitFor();
    await shoot('sender-outside.png');
  });

  it('warns of a look-alike domain and a title from outside', async () => {
    await open('Yêu cầu chuyển khoản gấp');
    const banner = page.getByRole('region', { name: 'Cảnh báo về người gửi' });
    await banner
      .getByText('Địa chỉ người gửi (binhphuoc-gov.vn) giống tên miền binhphuoc.gov.vn nhưng không phải.', {
        exact: false,
      })
      .waitFor();
    await banner
      .getByText('Tên người gửi có chức danh “Chủ tịch” nhưng thư gửi từ địa chỉ bên ngoài')
      .waitFor();
    await banner
      .getByText('Thư trả lời sẽ không gửi về người gửi mà tới chutich.ubnd.binhphuoc@gmail.com')
      .waitFor();
    await page.getByText('SPF: đạt · DKIM: không có · DMARC: không có').waitFor();
    await shoot('sender-lookalike.png');
  });

  it('shows where a reply to it will really go', async () => {
    await page.getByRole('button', { name: 'Trả lời', exact: true }).click();
    const win = page.getByRole('dialog', { name: 'Soạn thư: Re: Yêu cầu chuyển khoản gấp' });
    await win.getByRole('textbox', { name: 'Nội dung thư' }).waitFor();
    await win.getByText('Thư trả lời sẽ được gửi tới: chutich.ubnd.binhphuoc@gmail.com').waitFor();
    await shoot('sender-reply-destination.png');
  });
});
