import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { makeSmimeIdentity, opensslVerify, type SmimeIdentity } from '../proxy/test-support/smime-identity';
import { removeMailUser, upsertMailUser } from '../scripts/mailstack/mail-users';
import { resolveMailDomain } from '../scripts/mailstack/paths';
import { withImapSession } from '../scripts/seed/imap-append';
import { resetMailbox } from '../scripts/seed/mailbox-reset';
import { launchBrowser } from './support/browser';
import { logIn, openAccountMenu } from './support/console';
import { screenshot } from './support/console-e2e';

/**
 * Đ14.2h in Chromium: the user loads a PKCS#12 made at run time (a wrong password first), writes
 * a message with "Ký số" on and sends it; the delivered message is checked by openssl against the
 * test CA. Nothing the browser sends carries the file or its password.
 */
const baseUrl = inject('baseUrl');
const tag = randomBytes(3).toString('hex');
const domain = resolveMailDomain();
const sender = { email: `kyso${tag}.sttt@${domain}`, password: 'Ky#So2026Hue', displayName: 'Trần Văn Ký' };
const receiver = {
  email: `nhanky${tag}.sttt@${domain}`,
  password: 'Nhan#Ky2026Hue',
  displayName: 'Đỗ Thị Nhận',
};
let browser: Browser;
let page: Page;
let id: SmimeIdentity;
const bodiesSent: Buffer[] = [];

async function rawInbox(): Promise<Buffer[]> {
  return withImapSession(receiver, async (client) => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      if (client.mailbox && client.mailbox.exists === 0) return [];
      const out: Buffer[] = [];
      for await (const m of client.fetch('1:*', { source: true })) if (m.source) out.push(m.source);
      return out;
    } finally {
      lock.release();
    }
  });
}

beforeAll(async () => {
  for (const a of [sender, receiver]) {
    upsertMailUser({
      ...a,
      quotaBytes: 1024 ** 3,
      suspendReason: null,
      unitName: 'Sở Thông tin và Truyền thông',
    });
    resetMailbox(a.email);
  }
  id = makeSmimeIdentity(sender.email, { password: 'Chứng#Thư2026' });
  browser = await launchBrowser();
  page = await browser.newPage({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 860 },
  });
  page.on('request', (r) => {
    const body = r.postDataBuffer();
    if (body) bodiesSent.push(body);
  });
  await logIn(page, baseUrl, sender.email, sender.password);
});

afterAll(async () => {
  await browser?.close();
  for (const a of [sender, receiver]) {
    removeMailUser(a.email);
    resetMailbox(a.email);
  }
  id?.remove();
});

it('loads the certificate in the browser, sends signed, and openssl verifies what was delivered', async () => {
  await openAccountMenu(page);
  await page.getByRole('button', { name: 'Chữ ký số' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chứng thư số để ký thư' });
  await dialog.getByLabel('Tệp chứng thư số (.p12, .pfx)').setInputFiles(id.p12File);
  await dialog.getByLabel('Mật khẩu của tệp').fill('Sai#MatKhau1');
  await dialog.getByRole('button', { name: 'Nạp chứng thư số' }).click();
  await dialog.getByText('Mật khẩu của tệp không đúng.').waitFor();
  await screenshot(page, 'smime-sign-import.png');

  await dialog.getByLabel('Mật khẩu của tệp').fill(id.password);
  await dialog.getByLabel('Ghi nhớ trên máy tính này (chỉ chọn trên máy cá nhân)').check();
  await dialog.getByRole('button', { name: 'Nạp chứng thư số' }).click();
  const loaded = page
    .getByRole('status')
    .filter({ hasText: 'Đã nạp chứng thư số. Thư gửi đi sẽ được ký số.' });
  await loaded.waitFor();
  await dialog.waitFor({ state: 'detached' });
  await loaded.getByRole('button', { name: 'Đóng thông báo' }).click();

  // Kept on this computer: after a reload the certificate is still there, still non-extractable.
  await page.reload();
  await openAccountMenu(page);
  await page.getByRole('button', { name: 'Chữ ký số' }).click();
  await dialog.getByText('Ghi nhớ trên máy tính này', { exact: true }).waitFor();
  await dialog.getByText(sender.email).waitFor();
  await dialog.getByRole('button', { name: 'Đóng' }).click();

  await page.getByRole('button', { name: 'Soạn thư' }).click();
  const win = page.getByRole('dialog', { name: /^Soạn thư:/ });
  const to = win.getByRole('combobox', { name: 'Đến' });
  await to.fill(`${receiver.displayName} <${receiver.email}>`);
  await to.press('Enter');
  await win.getByRole('textbox', { name: 'Tiêu đề' }).fill('Công văn 125 – ký số');
  await win.getByRole('textbox', { name: 'Nội dung thư' }).click();
  await page.keyboard.type('Kính gửi chị Nhận, đề nghị xem công văn này.');
  const sign = win.getByRole('checkbox', { name: 'Ký số' });
  expect(await sign.isChecked()).toBe(true);
  await screenshot(page, 'compose-signed.png');

  await win.getByRole('button', { name: 'Gửi', exact: true }).click();
  await page.getByText('Đã gửi thư.').waitFor({ timeout: 30_000 });
  await expect.poll(async () => (await rawInbox()).length, { timeout: 15_000 }).toBe(1);
  const [delivered] = await rawInbox();
  expect(delivered!.toString('latin1')).toMatch(
    /^Content-Type: multipart\/signed; protocol="application\/pkcs7-signature"; micalg=sha-256;/m,
  );
  const verified = opensslVerify(delivered!, id.caFile);
  expect(verified.ok, verified.ok ? '' : verified.error).toBe(true);
  expect(verified.ok && verified.content).toContain('Content-Type: multipart/alternative');
  const tampered = Buffer.from(
    delivered!.toString('latin1').replace('ngh=E1=BB=8B', 'ngH=E1=BB=8B'),
    'latin1',
  );
  expect(tampered.equals(delivered!)).toBe(false);
  expect(opensslVerify(tampered, id.caFile).ok).toBe(false);

  // The key never left the browser: neither the file nor its password went to the proxy.
  const secrets = [
    Buffer.from(id.password),
    id.p12.subarray(0, 64),
    Buffer.from(id.p12.toString('base64').slice(0, 64)),
  ];
  expect(bodiesSent.filter((b) => secrets.some((s) => b.includes(s)))).toEqual([]);
  expect(bodiesSent.some((b) => b.includes('"preparedId"') && b.includes('"signature"'))).toBe(true);
});
