import path from 'node:path';
import type { ImapFlow } from 'imapflow';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendMessages, type FreshMailbox, freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { removeMailUser } from '../scripts/mailstack/mail-users';
import { resolveMailDomain } from '../scripts/mailstack/paths';
import { launchBrowser } from './support/browser';
import { createConsoleAdmin, logIn, type Mailbox } from './support/console';
import { screenshot } from './support/console-e2e';
import { clippedSelects } from './support/select-fit';

/**
 * The mail screen's frame on a 360×740 phone and at 1366×768, in Chromium against the real proxy
 * and Dovecot, on a mailbox of this test's own: the folder drawer, a search started from an open
 * message, where the body starts, the floating compose button, the account menu and log-out, the
 * storage meter, the admin's header and toasts beside compose. What a stray tap could have done
 * is checked on the server over IMAP.
 */
const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 768 };
const COUNT = 24;
const subjectOf = (n: number) => `Công văn số ${String(n).padStart(2, '0')} về chuyển đổi số`;
const INVITATION = 'Giấy mời họp giao ban tháng 12';
const HEAVY =
  'Kế hoạch triển khai chuyển đổi số trong các cơ quan nhà nước tỉnh Bình Phước giai đoạn 2026–2030, tầm nhìn đến năm 2035';
const HEAVY_BODY = 'Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về chuyển đổi số';

let owner: FreshMailbox;
let admin: Mailbox;
let browser: Browser;
let page: Page;

const row = (subject: string) => page.locator('.message-row', { hasText: subject });
const menuToggle = () => page.getByRole('button', { name: 'Thư mục', exact: true });
const folderNav = () => page.getByRole('navigation', { name: 'Thư mục' });
const accountButton = (p: Page = page) => p.getByRole('button', { name: /^Tài khoản / });

async function seenIn(imap: ImapFlow, folder: string): Promise<Record<string, boolean>> {
  const lock = await imap.getMailboxLock(folder);
  try {
    const all = await imap.fetchAll('1:*', { envelope: true, flags: true });
    return Object.fromEntries(all.map((m) => [m.envelope?.subject ?? '', m.flags?.has('\\Seen') ?? false]));
  } finally {
    lock.release();
  }
}

/** Do two boxes share any pixel? */
function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
type Box = { x: number; y: number; width: number; height: number };
async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`no box for ${locator}`);
  return box;
}

/** A picture of the top of `locator` down to just below `end`, only when the screenshots are refreshed. */
async function partShot(locator: Locator, end: Locator, name: string) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  const top = await boxOf(locator);
  const bottom = await boxOf(end);
  const clip = { x: top.x, y: top.y, width: top.width, height: bottom.y + bottom.height + 16 - top.y };
  await locator.page().screenshot({ path: path.join(dir, name), clip });
}

async function goToInbox(viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  await page.goto(`${baseUrl}/thu/INBOX`);
  await row(subjectOf(COUNT)).waitFor();
}

beforeAll(async () => {
  owner = freshMailbox('ds-e2e-shell');
  const body = (n: number) =>
    `Kính gửi các đơn vị trực thuộc. Đây là nội dung công văn số ${n}.\n\n${'Đề nghị các đơn vị triển khai thực hiện. '.repeat(20)}`;
  await owner.imap(async (imap) => {
    // An official letter as it arrives: a two-line subject, a dozen recipients and copies.
    const many = (who: string) =>
      Array.from({ length: 6 }, (_, i) => `${who} ${i + 1} <${who.toLowerCase()}${i + 1}@binhphuoc.gov.vn>`);
    // The oldest arrival of the folder: the last row of the list.
    const arrived = new Date(Date.now() - 50 * 3_600_000);
    const heavy = [
      'From: =?UTF-8?B?' +
        Buffer.from('Ủy ban nhân dân tỉnh Bình Phước').toString('base64') +
        '?= <ubnd@binhphuoc.gov.vn>',
      `To: ${many('Phong').join(', ')}`,
      `Cc: ${many('Lanhdao').join(', ')}`,
      `Subject: =?UTF-8?B?${Buffer.from(HEAVY).toString('base64')}?=`,
      `Date: ${arrived.toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
    ];
    await imap.append('INBOX', Buffer.from(`${heavy.join('\r\n')}\r\n\r\n${HEAVY_BODY}.\r\n`), [], arrived);
    await appendMessages(imap, 'INBOX', [
      {
        subject: INVITATION,
        from: 'Văn phòng Sở <vanphong.stttt@binhphuoc.gov.vn>',
        date: new Date(Date.now() - 40 * 3_600_000),
        body: 'Kính mời đồng chí dự họp giao ban lúc 8 giờ ngày thứ Hai.',
      },
      ...Array.from({ length: COUNT }, (_, i) => ({
        subject: subjectOf(i + 1),
        from: 'Văn phòng UBND tỉnh <vanthu.vpubnd@binhphuoc.gov.vn>',
        date: new Date(Date.now() - (COUNT - i) * 3_600_000),
        body: body(i + 1),
      })),
    ]);
  });
  admin = {
    email: `ds-e2e-shell-admin-${Date.now().toString(16)}@${resolveMailDomain()}`,
    password: 'Lua#Hong2026',
  };
  createConsoleAdmin(dataDir, admin);
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: PHONE });
  await logIn(page, baseUrl, owner.email, owner.password);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  owner?.remove();
  if (admin) removeMailUser(admin.email);
});

describe('at 360×740', () => {
  it('a tap beside the open folder drawer closes it and opens nothing underneath', async () => {
    await goToInbox(PHONE);
    expect(await clippedSelects(page)).toEqual([]);
    await menuToggle().click();
    await expect.poll(() => menuToggle().getAttribute('aria-expanded')).toBe('true');
    const drawer = await boxOf(page.locator('.folders-pane'));
    // The drawer is in view (not still sliding in) before the picture and the tap.
    await expect.poll(async () => (await boxOf(page.locator('.folders-pane'))).x).toBe(0);
    await expect.poll(() => page.locator('.folders-pane .storage-text').textContent()).toMatch(/ \/ 2 GB$/);
    // The top bar keeps to one line on a phone; "Danh bạ" is in the drawer instead.
    expect(await page.locator('.folders-pane').getByRole('link', { name: 'Danh bạ' }).isVisible()).toBe(true);
    expect((await boxOf(page.locator('header.topbar'))).height).toBeLessThan(60);
    await screenshot(page, 'phone-drawer.png');
    // A point right of the drawer with a message row beneath it.
    const target = row(subjectOf(COUNT - 2));
    const under = await boxOf(target);
    const x = Math.round((drawer.x + drawer.width + PHONE.width) / 2);
    const y = Math.round(under.y + under.height / 2);
    expect(x).toBeGreaterThan(drawer.x + drawer.width);
    expect(x).toBeLessThan(under.x + under.width);
    await page.mouse.click(x, y);
    await expect.poll(() => menuToggle().getAttribute('aria-expanded')).toBe('false');
    expect(new URL(page.url()).pathname).toBe('/thu/INBOX');
    expect(await page.locator('.reader-text').count()).toBe(0);
    const seen = await owner.imap((imap) => seenIn(imap, 'INBOX'));
    expect(seen[subjectOf(COUNT - 2)]).toBe(false);
    expect(Object.values(seen).filter(Boolean)).toEqual([]);
  });

  it('an opened message’s body starts on the first screen', async () => {
    await goToInbox(PHONE);
    await page.locator('.list-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await row(HEAVY).locator('.message-row-button').click();
    await page.waitForURL(/\/thu\/INBOX\/\d+$/);
    const text = page.locator('.reader-text').first();
    await text.waitFor();
    expect(await text.textContent()).toContain(HEAVY_BODY);
    expect((await boxOf(text)).y).toBeLessThan(PHONE.height - 40);
  });

  it('a search typed while a message is open shows its hits, and a hit opens', async () => {
    await goToInbox(PHONE);
    await row(subjectOf(COUNT - 1))
      .locator('.message-row-button')
      .click();
    await page.locator('.reader-text').first().waitFor();
    const box = page.locator('#search-input');
    await box.fill('giay moi hop');
    await box.press('Enter');
    const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
    await results.waitFor();
    const hit = page.locator('.search-hit', { hasText: INVITATION });
    await hit.waitFor();
    // What is on screen is the list of hits, not the message that was open.
    const hitBox = await boxOf(hit);
    expect(hitBox.y).toBeLessThan(PHONE.height);
    expect(hitBox.x).toBeGreaterThanOrEqual(0);
    expect(await page.locator('.reader-text').filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('.reader-pane').isVisible()).toBe(false);
    await hit.getByRole('button').click();
    await page.waitForURL(/\/thu\/INBOX\/\d+/);
    await expect
      .poll(() => page.locator('.reader-text').first().textContent())
      .toContain('Kính mời đồng chí');
    expect((await boxOf(page.locator('.reader-text').first())).y).toBeLessThan(PHONE.height);
  });

  it('the floating "Soạn thư" button leaves the last row readable at the end of the list', async () => {
    await goToInbox(PHONE);
    // The list draws only the rows in view: scroll until the oldest message, the last row, is drawn.
    const scroller = page.locator('.list-scroller');
    const last = row(INVITATION);
    await expect
      .poll(async () => {
        await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
        return last.count();
      })
      .toBe(1);
    await expect
      .poll(() => scroller.evaluate((el) => Math.ceil(el.scrollTop + el.clientHeight) >= el.scrollHeight))
      .toBe(true);
    const compose = page.getByRole('button', { name: 'Soạn thư' }).filter({ visible: true });
    const button = await boxOf(compose);
    for (const part of ['.row-from', '.row-subject', '.row-date']) {
      const text = last.locator(part).first();
      if ((await text.count()) === 0) continue;
      expect(overlaps(await boxOf(text), button), part).toBe(false);
    }
  });

  it('the account menu: address, language, password, fault report and log-out in one panel', async () => {
    await goToInbox(PHONE);
    await expectAccountMenu('phone-account-menu.png');
  });
});

/** The top bar's one account button, its panel, and Escape giving focus back to the button. */
async function expectAccountMenu(picture: string) {
  const topbar = page.locator('header.topbar');
  for (const name of ['Báo lỗi', 'Đổi mật khẩu', 'Đăng xuất'])
    expect(await topbar.getByRole('button', { name }).filter({ visible: true }).count(), name).toBe(0);
  await accountButton().click();
  const panel = page.getByRole('group', { name: `Tài khoản ${owner.email}` });
  await panel.waitFor();
  await expect.poll(() => panel.getByText(owner.email).isVisible()).toBe(true);
  await panel.getByRole('button', { name: 'Tiếng Việt' }).waitFor();
  await panel.getByRole('button', { name: 'English' }).waitFor();
  for (const name of ['Đổi mật khẩu', 'Báo lỗi', 'Đăng xuất'])
    expect(await panel.getByRole('button', { name, exact: true }).isVisible(), name).toBe(true);
  // Where the reader goes after an action is a setting of the account, not a list control.
  const afterAction = panel.getByRole('combobox', { name: 'Sau khi lưu trữ, chuyển hoặc xóa thư đang mở' });
  expect(await afterAction.isVisible()).toBe(true);
  expect(await clippedSelects(page)).toEqual([]);
  // Nothing of it is cut off the screen.
  const panelBox = await boxOf(panel);
  const viewport = page.viewportSize()!;
  expect(panelBox.x).toBeGreaterThanOrEqual(0);
  expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(viewport.width);
  expect(panelBox.y + panelBox.height).toBeLessThanOrEqual(viewport.height);
  await screenshot(page, picture);
  await page.keyboard.press('Escape');
  await expect.poll(() => panel.isVisible()).toBe(false);
  expect(await accountButton().evaluate((el) => el === document.activeElement)).toBe(true);
}

describe('at 1366×768', () => {
  it('the storage meter under the folders shows used / limit', async () => {
    await goToInbox(DESKTOP);
    expect(await clippedSelects(page)).toEqual([]);
    const meter = page.locator('.folders-pane .storage-meter');
    await expect
      .poll(() => meter.locator('.storage-text').textContent())
      .toMatch(/^\d+(,\d+)? (B|KB|MB) \/ 2 GB$/);
    const folders = await boxOf(folderNav());
    const meterBox = await boxOf(meter);
    expect(meterBox.y).toBeGreaterThanOrEqual(folders.y + folders.height - 1);
    expect(meterBox.y + meterBox.height).toBeLessThanOrEqual(DESKTOP.height);
    expect(await page.getByRole('meter', { name: 'Dung lượng hộp thư' }).isVisible()).toBe(true);
    await partShot(page.locator('.folders-pane'), meter, 'storage-meter.png');
  });

  it('the account menu takes the place of the top bar’s buttons', async () => {
    await expectAccountMenu('account-menu.png');
  });

  it('an admin’s header is one line high, as a user’s', async () => {
    const userHeader = await boxOf(page.locator('header.topbar'));
    const adminPage = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: DESKTOP,
    });
    try {
      await logIn(adminPage, baseUrl, admin.email, admin.password);
      const adminHeader = await boxOf(adminPage.locator('header.topbar'));
      expect(adminHeader.height).toBe(userHeader.height);
      expect(adminHeader.height).toBeLessThan(64);
      // The admin's way to the console is in the menu, not a button that widens the bar.
      await accountButton(adminPage).click();
      await adminPage.getByRole('link', { name: 'Quản trị' }).waitFor();
    } finally {
      await adminPage.close();
    }
  });

  it('a toast shown while compose is open leaves its "Gửi" button free', async () => {
    await page.getByRole('button', { name: 'Soạn thư' }).filter({ visible: true }).click();
    const send = page.locator('.compose-window').getByRole('button', { name: 'Gửi', exact: true });
    await send.waitFor();
    const doomed = row(subjectOf(COUNT - 4));
    await doomed.hover();
    await doomed.getByRole('button', { name: `Xóa — ${subjectOf(COUNT - 4)}` }).click();
    const toast = page.locator('.toast').first();
    await toast.waitFor();
    expect(overlaps(await boxOf(toast), await boxOf(send))).toBe(false);
    expect(overlaps(await boxOf(page.locator('.toaster')), await boxOf(send))).toBe(false);
    await page
      .locator('.compose-window')
      .getByRole('button', { name: /Đóng|Bỏ thư nháp/ })
      .first()
      .click();
  });

  it('after "Đăng xuất" the login page keeps the deployment’s settings, without a reload', async () => {
    const config = (await (await fetch(`${baseUrl}/api/config`)).json()) as {
      mailDomain: string;
      supportAddress: string;
    };
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    await accountButton().click();
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    const email = page.getByLabel('Địa chỉ thư điện tử');
    await email.waitFor();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await email.getAttribute('placeholder')).toBe(`ten.donvi@${config.mailDomain}`);
    await expect
      .poll(() => page.getByText(/Quên mật khẩu\?/).textContent())
      .toBe(`Quên mật khẩu? Liên hệ Sở Thông tin và Truyền thông qua ${config.supportAddress}.`);
  });
});
