import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { removeMailUser } from '../../scripts/mailstack/mail-users';
import { resetMailbox } from '../../scripts/seed/mailbox-reset';
import { launchBrowser } from './browser';
import {
  createConsoleAdmin,
  createMailboxes,
  enrolInConsole,
  logIn,
  type Mailbox,
  runAdmin,
} from './console';

/**
 * Shared bits of the console's flow tests (e2e/console-*.e2e.test.ts): a Vietnamese browser page,
 * the fresh mailboxes and the admin's way in, the console's menu, screenshots.
 */
export const newVietnamesePage = (browser: Browser) =>
  browser.newPage({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1440, height: 900 },
  });

/** `E2E_SCREENSHOT_DIR=docs/screenshots` refreshes the pictures; a normal run writes nothing. */
export async function screenshot(page: Page, name: string, fullPage = false) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, name), fullPage });
}

/** Logs in, enrols the (fresh) admin's authenticator and lands in the console. */
export async function adminInConsole(
  browser: Browser,
  baseUrl: string,
  account: { email: string; password: string },
): Promise<Page> {
  const page = await newVietnamesePage(browser);
  await logIn(page, baseUrl, account.email, account.password);
  await enrolInConsole(page);
  return page;
}

/**
 * A console flow test's start: fresh mailboxes for the admin and the file's other people (`empty`:
 * their mail from an earlier run gone too), the admin's role and any other `grants` (arguments of
 * `npm run admin -- grant-role`), a browser, and the admin's page in the console.
 */
export async function setUpConsole(o: {
  baseUrl: string;
  dataDir: string;
  admin: Mailbox;
  users?: Mailbox[];
  grants?: string[][];
  empty?: boolean;
}): Promise<{ browser: Browser; page: Page }> {
  createConsoleAdmin(o.dataDir, o.admin);
  createMailboxes(o.users ?? []);
  if (o.empty) for (const a of [o.admin, ...(o.users ?? [])]) resetMailbox(a.email);
  for (const grant of o.grants ?? []) runAdmin(o.dataDir, 'grant-role', ...grant);
  const browser = await launchBrowser();
  return { browser, page: await adminInConsole(browser, o.baseUrl, o.admin) };
}

/** The end of it: the browser closed, the file's mailboxes removed. */
export async function tearDownConsole(browser: Browser | undefined, emails: string[]): Promise<void> {
  await browser?.close();
  for (const email of emails) removeMailUser(email);
}

/** A section of the console by its menu entry. */
export async function openSection(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Các mục quản trị' })
    .getByRole('link', { name, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
