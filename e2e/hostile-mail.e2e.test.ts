import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FreshMailbox, freshMailbox } from '../proxy/test-support/fresh-mailbox';
import { deliverViaLmtp } from '../scripts/seed/lmtp-delivery';
import { envelopeSenderOf, readMailFixture } from '../scripts/seed/mail-fixtures';
import { launchBrowser } from './support/browser';
import { type HostileRemote, startHostileRemote } from './support/hostile-remote';

/**
 * The public hostile corpus (e2e/fixtures/hostile), delivered over LMTP into a mailbox of this
 * test's own and opened one by one in Chromium. *.hostile.test resolves to a local HTTP/HTTPS
 * listener, so a request that escaped would be counted there, not lost in DNS. Nothing may run
 * (no dialog, no "pwned" on the console, no script even reaching the frame) and nothing may be
 * fetched from anywhere but the proxy, until the reader asks for remote images.
 */
const baseUrl = inject('baseUrl');
const CORPUS = new URL('./fixtures/hostile/', import.meta.url).pathname;
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.eml'))
  .sort();
const numberOf = (file: string) => Number(file.slice(0, 2));

let owner: FreshMailbox;
let remote: HostileRemote;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dialogs: string[] = [];
/** Dialogs raised outside the webmail's own page (the PDF viewer's tab). */
let otherDialogs: string[] = [];
let consoleLines: string[] = [];
/** CSP reports, with the document that made them. */
let cspReports: { text: string; url: string }[] = [];
let foreign: string[] = [];
let frameRequests: string[] = [];

beforeAll(async () => {
  owner = freshMailbox('docthu-hostile');
  // Fresh mailbox, one LMTP connection, corpus order: file NN becomes UID NN.
  const results = await deliverViaLmtp(
    files.map((file) => {
      const raw = readMailFixture(file, CORPUS);
      return { from: envelopeSenderOf(raw), to: [owner.email], raw };
    }),
  );
  expect(results.every((r) => r.accepted.length === 1)).toBe(true);
  remote = await startHostileRemote();
  browser = await launchBrowser([remote.resolverRule]);
  context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    ignoreHTTPSErrors: true, // the listener's certificate is self-signed
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  context.on('request', (req) => {
    const url = req.url();
    // chrome: and chrome-extension: are the browser's own PDF viewer, never the network.
    if (!url.startsWith(`${baseUrl}/`) && !/^(data|about|blob|chrome|chrome-extension):/.test(url)) {
      foreign.push(url);
      return;
    }
    let fromMainFrame = true;
    try {
      fromMainFrame = req.frame() === page?.mainFrame();
    } catch {
      // a navigation of a tab that is still opening (the PDF viewer): not the message frame
    }
    if (!fromMainFrame && url.startsWith(baseUrl)) frameRequests.push(url);
  });
  context.on('console', (msg) => {
    consoleLines.push(msg.text());
    if (/Refused to|violates the following Content Security Policy/.test(msg.text()))
      cspReports.push({ text: msg.text(), url: msg.location().url });
  });
  context.on('dialog', (dialog) => {
    (dialog.page() === page ? dialogs : otherDialogs).push(dialog.message());
    void dialog.dismiss();
  });
  page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByLabel('Địa chỉ thư điện tử').fill(owner.email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Thư mục' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await remote?.close();
  owner?.remove();
});

function resetObservers() {
  dialogs = [];
  otherDialogs = [];
  consoleLines = [];
  cspReports = [];
  foreign = [];
  frameRequests = [];
  remote.reset();
}

async function openMessage(n: number): Promise<Frame | null> {
  // In-app navigation, as a click in the list does (and no reload of the app between messages).
  await page.evaluate((path) => {
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/thu/INBOX/${n}`);
  const heading = page.getByRole('heading', {
    level: 2,
    name: new RegExp(`HOSTILE-${String(n).padStart(2, '0')}`),
  });
  try {
    await heading.waitFor({ timeout: 20_000 });
  } catch (err) {
    await page.screenshot({ path: `/tmp/hostile-open-${n}.png` });
    throw new Error(`message ${n} did not open; the page said: ${await page.locator('body').textContent()}`, {
      cause: err,
    });
  }
  const frameElement = await page.$('iframe.message-frame');
  if (!frameElement) return null;
  const frame = await frameElement.contentFrame();
  await frame?.waitForLoadState('load');
  // Long enough for a meta refresh of 0 s, an animation start or a lazy image to have fired.
  await page.waitForTimeout(800);
  return frame;
}

/** What the browser saw that it must not have: the observers' findings, as one object. */
async function leaks(frame: Frame | null) {
  return {
    dialogs,
    pwned: consoleLines.filter((l) => /pwned/i.test(l)),
    // The sandbox would stop a script, but the sanitiser should have removed it before that.
    scriptsReachingFrame: consoleLines.filter((l) => /Blocked script execution/i.test(l)),
    // The frame CSP would block a fetch, but the sanitiser should have removed it before that.
    // Left out: what Chrome reports while DOMPurify parses the mail in an inert document of the
    // app page (handlers and <base> it sees there, under the app's CSP); nothing runs or loads.
    cspViolations: cspReports
      .filter(
        (r) =>
          r.url === 'about:srcdoc' ||
          !/^(Executing inline event handler|Setting the document's base URI)/.test(r.text),
      )
      .map((r) => `${r.url}: ${r.text}`),
    foreignRequests: foreign,
    remoteHits: remote.hits,
    remoteConnections: remote.connections,
    frameStillOnSrcdoc: frame ? frame.url() === 'about:srcdoc' : true,
    pwnedOnPage: await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned ?? null),
  };
}

const clean = {
  dialogs: [],
  pwned: [],
  scriptsReachingFrame: [],
  cspViolations: [],
  foreignRequests: [],
  remoteHits: [],
  remoteConnections: 0,
  frameStillOnSrcdoc: true,
  pwnedOnPage: null,
};

describe('the hostile corpus in Chromium', () => {
  it.each(files)('%s: nothing runs, nothing leaves the browser', async (file) => {
    resetObservers();
    const n = numberOf(file);
    const frame = await openMessage(n);
    expect(await leaks(frame)).toEqual(clean);
    if (frame) {
      expect(await page.locator('iframe.message-frame').getAttribute('sandbox')).not.toContain(
        'allow-scripts',
      );
      expect(
        await frame
          .locator('script, iframe, object, embed, form, svg, math, base, meta[http-equiv="refresh" i]')
          .count(),
      ).toBe(0);
      // The frame's only requests are the message's own inline parts.
      for (const url of frameRequests)
        expect(url).toMatch(
          new RegExp(`^${baseUrl}/api/mailboxes/INBOX/messages/${n}/attachments/[\\d.]+\\?inline=1$`),
        );
    }
  });

  it('shows the cid: logo of a multipart/related message at once, remote picture beside it held back', async () => {
    resetObservers();
    const frame = (await openMessage(28))!;
    const logo = frame.locator('#mail-cid-logo');
    await expect
      .poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(48);
    expect(await frame.locator('#mail-remote-28').getAttribute('src')).toBeNull();
    expect(await page.getByRole('button', { name: 'Hiển thị hình ảnh từ bên ngoài' }).isVisible()).toBe(true);
    expect(remote.hits).toEqual([]);
  });

  it('shows plain-text markup as text, links only to the web and mail, quotes folded', async () => {
    resetObservers();
    await openMessage(30);
    const body = page.locator('.reader-plain');
    expect(await body.textContent()).toContain("<script>alert('pwned 30a')</script> phải hiện ra như chữ.");
    const hrefs = await body.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // A URL written in the text is a link (to click, not to load); script URLs are not.
    expect(hrefs).toEqual([
      'https://img.hostile.test/30/text-img.png',
      'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
      'mailto:hotro@binhphuoc.gov.vn',
    ]);
    await page.getByRole('button', { name: 'Hiện trích dẫn' }).click();
    expect(await body.locator('blockquote').textContent()).toContain('Đề nghị anh kiểm tra lại');
    expect(await leaks(null)).toEqual(clean);
  });
});

describe('remote images on request', () => {
  it('loads nothing until "Hiển thị hình ảnh từ bên ngoài", then the newsletter pictures', async () => {
    resetObservers();
    const frame = (await openMessage(21))!;
    expect(remote.hits).toEqual([]);
    await page.getByRole('button', { name: 'Hiển thị hình ảnh từ bên ngoài' }).click();
    const shown = page.frameLocator('iframe.message-frame');
    await expect
      .poll(() =>
        shown.locator('img[alt="Biểu trưng"]').evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(10);
    await expect.poll(() => remote.hits.length).toBeGreaterThanOrEqual(5);
    expect(remote.hits).toEqual(
      expect.arrayContaining([
        'https://img.hostile.test/21/logo.png',
        'https://img.hostile.test/21/photo.png',
        'https://img.hostile.test/21/open-pixel.png',
        'https://img.hostile.test/21/protocol-relative.png',
      ]),
    );
    expect(remote.hits.every((h) => h.startsWith('https://img.hostile.test/21/'))).toBe(true);
    expect(dialogs).toEqual([]);
    expect(consoleLines.filter((l) => /pwned|Blocked script/i.test(l))).toEqual([]);
    void frame;
  });

  it('"always" for a sender is kept: the next newsletter loads its pictures without asking', async () => {
    resetObservers();
    await openMessage(21);
    await page.getByRole('button', { name: 'Luôn hiển thị từ bantin@tin-tuc.hostile.test' }).click();
    await page.getByText('Hình ảnh từ bantin@tin-tuc.hostile.test luôn được hiển thị.').waitFor();
    resetObservers();
    const frame = (await openMessage(28))!;
    await expect.poll(() => remote.hits).toEqual(['https://img.hostile.test/28/remote-beside-cid.png']);
    expect(await frame.locator('#mail-cid-logo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(
      48,
    );
    expect(await page.getByRole('button', { name: 'Hiển thị hình ảnh từ bên ngoài' }).count()).toBe(0);
    const settings = await page.evaluate(async () => (await fetch('/api/settings')).json());
    expect(settings.alwaysAllowRemoteFrom).toEqual(['bantin@tin-tuc.hostile.test']);
    // Another sender is still asked.
    resetObservers();
    await openMessage(14);
    expect(remote.hits).toEqual([]);
  });
});

describe('attachments that want to be pages', () => {
  it('previews the photo, opens the PDF in the viewer, downloads SVG and HTML as bytes, and all as ZIP', async () => {
    resetObservers();
    await openMessage(33);
    const bar = page.getByRole('region', { name: '4 tệp đính kèm' });
    await bar.getByRole('button', { name: 'Xem trước Ảnh hội nghị.png' }).click();
    const preview = page.getByRole('dialog', { name: 'Xem trước: Ảnh hội nghị.png' });
    await expect
      .poll(() => preview.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(320);
    await page.keyboard.press('Escape');

    expect(await bar.getByRole('link', { name: 'Xem trước Biểu trưng.svg' }).count()).toBe(0);
    expect(await bar.getByRole('button', { name: 'Xem trước Hóa đơn.html' }).count()).toBe(0);
    for (const name of ['Biểu trưng.svg', 'Hóa đơn.html']) {
      const href = (await bar.getByRole('link', { name: `Tải về ${name}` }).getAttribute('href'))!;
      const res = await page.request.get(`${baseUrl}${href}?inline=1`);
      expect(res.headers()['content-type']).toBe('application/octet-stream');
      expect(res.headers()['content-disposition']).toMatch(/^attachment;/);
    }

    const [pdfTab] = await Promise.all([
      context.waitForEvent('page'),
      bar.getByRole('link', { name: 'Xem trước Công văn 33.pdf' }).click(),
    ]);
    await pdfTab.waitForLoadState();
    expect(pdfTab.url()).toMatch(/\/api\/mailboxes\/INBOX\/messages\/33\/attachments\/[\d.]+\?inline=1$/);
    const pdf = await page.request.get(pdfTab.url());
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(/^inline;/);
    expect(pdf.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
    await pdfTab.waitForTimeout(1000);
    // The PDF's own JavaScript (app.alert) may run inside Chrome's PDF viewer, which is not the
    // webmail's origin; the webmail page itself saw no dialog.
    await pdfTab.close();

    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      bar.getByRole('link', { name: 'Tải tất cả (.zip)' }).click(),
    ]);
    expect(zip.suggestedFilename()).toBe('[HOSTILE-33] tệp đính kèm nguy hiểm.zip');
    const bytes = await readFile((await zip.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(await leaks(null)).toEqual(clean);
  });

  it('prints without the sandbox refusing print()', async () => {
    resetObservers();
    await openMessage(32);
    await page.getByRole('button', { name: 'In thư' }).click();
    await page.waitForTimeout(1500);
    expect(consoleLines.filter((l) => /Ignored call to 'print\(\)'/.test(l))).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
