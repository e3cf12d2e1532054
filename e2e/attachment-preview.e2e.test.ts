import MailComposer from 'nodemailer/lib/mail-composer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDocx, buildXlsx, handZip, paragraph } from '../proxy/attachment-preview/office-fixtures';
import { type FreshMailbox, freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { deliverViaLmtp } from '../scripts/seed/lmtp-delivery';
import { launchBrowser } from './support/browser';
import { logIn } from './support/console';
import { screenshot } from './support/console-e2e';

/**
 * What a civil servant does with the letters they receive: opens a Word letter, an Excel list and
 * a forwarded message in the page with "Xem", without downloading; a hostile file says why it is
 * not shown. At 1366×768, then on a 360×740 phone.
 */
const baseUrl = inject('baseUrl');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SUBJECT = 'Công văn số 125/STTTT-BCVT về triển khai hộp thư công vụ';

const cell = (text: string, bold = false) =>
  `<w:tc><w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
const row = (cells: string[], bold = false) => `<w:tr>${cells.map((c) => cell(c, bold)).join('')}</w:tr>`;

function letter(): Promise<Buffer> {
  return buildDocx(
    paragraph('ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC') +
      paragraph('SỞ THÔNG TIN VÀ TRUYỀN THÔNG') +
      paragraph('Về việc triển khai hộp thư công vụ cho cán bộ, công chức', 'Heading1') +
      paragraph('Kính gửi: Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, thị xã, thành phố.') +
      paragraph(
        'Thực hiện Quyết định số 1956/QĐ-UBND của UBND tỉnh, Sở Thông tin và Truyền thông đề nghị các đơn vị rà soát danh sách cán bộ, công chức và gửi về Sở trước ngày 15/12/2026.',
      ) +
      `<w:tbl>${row(['STT', 'Đơn vị', 'Số hộp thư'], true)}${row(['1', 'Sở Nội vụ', '48'])}${row(['2', 'Sở Tài chính', '52'])}${row(['3', 'UBND thành phố Đồng Xoài', '131'])}</w:tbl>` +
      paragraph('Nơi nhận: như trên; lưu VT, BCVT.'),
  );
}

let owner: FreshMailbox;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  owner = freshMailbox('xemtruoc-e2e');
  const forwarded = await new MailComposer({
    from: 'Văn phòng Sở <vanphong.sttt@binhphuoc.gov.vn>',
    to: owner.email,
    subject: 'Giấy mời họp giao ban tháng 12',
    date: new Date('2026-12-07T01:30:00Z'),
    html: '<p>Kính mời đồng chí dự <b>họp giao ban</b> lúc 08:00 ngày 10/12/2026.</p>',
  })
    .compile()
    .build();
  const raw = await new MailComposer({
    from: 'Văn thư Sở TT&TT <vanthu.sttt@binhphuoc.gov.vn>',
    to: owner.email,
    subject: SUBJECT,
    text: 'Kính gửi các đơn vị công văn và danh sách đính kèm.',
    attachments: [
      { filename: 'Công văn 125-STTTT.docx', contentType: DOCX, content: await letter() },
      { filename: 'Danh sách hộp thư.xlsx', contentType: XLSX, content: await buildXlsx(1500) },
      { filename: 'Giấy mời.eml', contentType: 'message/rfc822', content: forwarded },
      {
        filename: 'Báo cáo.docx',
        contentType: DOCX,
        content: handZip([
          { name: 'word/document.xml', data: Buffer.alloc(80 * 1024 * 1024), declaredSize: 900 },
        ]),
      },
    ],
  })
    .compile()
    .build();
  const [result] = await deliverViaLmtp([{ from: 'vanthu.sttt@binhphuoc.gov.vn', to: [owner.email], raw }]);
  expect(result?.accepted).toHaveLength(1);
  browser = await launchBrowser();
  page = await browser.newPage({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 768 },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  owner?.remove();
});

const bar = () => page.getByRole('region', { name: '4 tệp đính kèm' });
const dialog = () => page.getByRole('dialog');

describe('previewing the attachments people receive', { timeout: 60_000 }, () => {
  it('opens the Word letter in the sandboxed frame, and Escape returns to its chip', async () => {
    await logIn(page, baseUrl, owner.email, owner.password);
    await page.getByText(SUBJECT).first().click();
    const view = bar().getByRole('button', { name: 'Xem Công văn 125-STTTT.docx' });
    await view.click();
    await page.getByRole('dialog', { name: 'Xem trước: Công văn 125-STTTT.docx' }).waitFor();
    const frame = page.frameLocator('iframe[title="Nội dung tệp Công văn 125-STTTT.docx"]');
    await frame
      .getByRole('heading', { name: 'Về việc triển khai hộp thư công vụ cho cán bộ, công chức' })
      .waitFor();
    expect(await frame.getByRole('cell', { name: 'UBND thành phố Đồng Xoài' }).count()).toBe(1);
    expect(await page.locator('iframe.message-frame').last().getAttribute('sandbox')).not.toContain(
      'allow-scripts',
    );
    await screenshot(page, 'docx-preview.png');
    await page.keyboard.press('Escape');
    expect(await dialog().count()).toBe(0);
    expect(await view.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('shows the workbook as sheets, says the row cap, and switches sheet', async () => {
    await bar().getByRole('button', { name: 'Xem Danh sách hộp thư.xlsx' }).click();
    await dialog().getByText('Chỉ hiển thị 1000 dòng đầu tiên trên tổng số 1500 dòng.').waitFor();
    const frame = page.frameLocator('iframe[title="Nội dung tệp Danh sách hộp thư.xlsx › Danh sách"]');
    await frame.getByRole('cell', { name: 'Nguyễn Văn 1', exact: true }).waitFor();
    await screenshot(page, 'xlsx-preview.png');
    await dialog().getByRole('tab', { name: 'Tổng hợp' }).click();
    await page
      .frameLocator('iframe[title="Nội dung tệp Danh sách hộp thư.xlsx › Tổng hợp"]')
      .getByText('Tổng số')
      .waitFor();
    await dialog().getByRole('button', { name: 'Đóng' }).click();
  });

  it('opens a forwarded message with its headers and body', async () => {
    await bar().getByRole('button', { name: 'Xem Giấy mời.eml' }).click();
    await dialog()
      .getByText(/vanphong\.sttt@binhphuoc\.gov\.vn/)
      .first()
      .waitFor();
    expect(await dialog().getByText('Giấy mời họp giao ban tháng 12').count()).toBeGreaterThan(0);
    await page.frameLocator('.attachment-preview-body iframe').getByText('họp giao ban').first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('says in Vietnamese, with a code, why a zip bomb is not shown', async () => {
    await bar().getByRole('button', { name: 'Xem Báo cáo.docx' }).click();
    const alert = dialog().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tệp quá lớn để xem trước');
    expect(await alert.textContent()).toContain('Mã lỗi: preview_too_large');
    await page.keyboard.press('Escape');
  });

  it('fits a 360×740 phone, the close button in reach', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    // The open message fills the phone's screen; the list behind it is hidden.
    await page.locator('.reader-subject', { hasText: SUBJECT }).waitFor();
    await bar().getByRole('button', { name: 'Xem Công văn 125-STTTT.docx' }).click();
    const box = await dialog().boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    const close = dialog().getByRole('button', { name: 'Đóng' });
    const closeBox = await close.boundingBox();
    expect(closeBox!.y + closeBox!.height).toBeLessThanOrEqual(740);
    await page
      .frameLocator('iframe[title="Nội dung tệp Công văn 125-STTTT.docx"]')
      .getByRole('heading', { name: 'Về việc triển khai hộp thư công vụ cho cán bộ, công chức' })
      .waitFor();
    await screenshot(page, 'docx-preview-phone.png');
    await close.click();
  });
});
