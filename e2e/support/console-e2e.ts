import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { enrolInConsole, logIn } from './console';

/**
 * Shared bits of the console's flow tests (e2e/console-*.e2e.test.ts): a Vietnamese browser page,
 * the admin's way in, the console's menu, today's date as documents write it, screenshots.
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

/** A section of the console by its menu entry. */
export async function openSection(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Các mục quản trị' })
    .getByRole('link', { name, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** yyyy-mm-dd of `at` in Viet Nam. */
export function vietnamDay(at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(at);
}

/** yyyy-mm-dd → dd/MM/yyyy, as Vietnamese documents and the console write dates. */
export const ddmmyyyy = (day: string) => day.split('-').reverse().join('/');

/** Calendar arithmetic on yyyy-mm-dd (months clamp to the month's last day). */
export function addToDay(day: string, { months = 0, days = 0 }: { months?: number; days?: number }): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastOfTarget = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  const base = new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastOfTarget)));
  base.setUTCDate(base.getUTCDate() + days);
  return base.toISOString().slice(0, 10);
}
