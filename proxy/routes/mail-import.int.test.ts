import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailImportEvent, MailImportReport } from '../../common/contract';
import { removeMailUser, upsertMailUser } from '../../scripts/mailstack/mail-users';
import { freshMailbox } from '../test-support/fresh-mailbox';
import { emlMessage, mboxOf, multipartFiles, zipOf } from '../test-support/mail-files';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';
import { messagesIn } from '../test-support/read-mailbox';

type Client = Awaited<ReturnType<typeof logIn>>;
const FOLDER = 'Thư cũ';

async function importFiles(
  proxy: ProxyHarness,
  client: Client,
  folder: string,
  files: { name: string; bytes: Buffer }[],
  query = '',
) {
  const { body, type } = multipartFiles(files);
  return proxy.app.inject({
    method: 'POST',
    url: `/api/mailboxes/${encodeURIComponent(folder)}/import${query}`,
    headers: {
      host: '127.0.0.1:8080',
      cookie: client.cookie,
      'x-csrf-token': client.csrfToken,
      'content-type': type,
    },
    payload: body,
  });
}

const day = (i: number) => new Date(Date.UTC(2025, 2, 1 + (i % 28), 8, i % 60, 0));

describe('importing mail from files into a folder (Đ8.2d) on the real Dovecot', () => {
  let proxy: ProxyHarness;
  const box = freshMailbox('nhapthu');
  let client: Client;

  beforeAll(async () => {
    proxy = await startProxy();
    await box.imap(async (c) => {
      await c.mailboxCreate(FOLDER);
      await c.mailboxCreate('Mbox o');
    });
    client = await logIn(proxy, box.email, box.password);
  });
  afterAll(async () => {
    await proxy.close();
    box.remove();
  });

  it('imports one .eml with its Date as INTERNALDATE and \\Seen', async () => {
    const date = new Date('2024-05-06T07:08:09Z');
    const res = await importFiles(proxy, client, FOLDER, [
      { name: 'cong-van.eml', bytes: emlMessage('Công văn số 12', date, { eol: '\n' }) },
    ]);
    expect(res.statusCode).toBe(200);
    const report = res.json() as MailImportReport;
    expect(report).toMatchObject({ imported: 1, duplicates: 0, failedCount: 0, stopped: null });
    expect(report.files).toEqual([
      { name: 'cong-van.eml', kind: 'eml', imported: 1, duplicates: 0, failed: 0 },
    ]);
    const dates = await box.imap(async (c) => {
      const lock = await c.getMailboxLock(FOLDER);
      try {
        const out = [];
        for await (const m of c.fetch('1:*', { internalDate: true, flags: true })) out.push(m);
        return out;
      } finally {
        lock.release();
      }
    });
    expect(dates).toHaveLength(1);
    expect(new Date(dates[0]!.internalDate!).toISOString()).toBe(date.toISOString());
    expect(dates[0]!.flags?.has('\\Seen')).toBe(true);
  });

  it('imports a zip of three .eml with Vietnamese subjects, and a rerun skips them all', async () => {
    const subjects = ['Giấy mời họp Sở', 'Báo cáo quý IV', 'Kế hoạch chuyển đổi số'];
    const zip = await zipOf(
      Object.fromEntries(subjects.map((s, i) => [`thư ${i + 1}.eml`, emlMessage(s, day(i))])),
    );
    const first = (
      await importFiles(proxy, client, FOLDER, [{ name: 'luu-tru.zip', bytes: zip }])
    ).json() as MailImportReport;
    expect(first).toMatchObject({ imported: 3, duplicates: 0, failedCount: 0 });
    expect(first.files[0]?.kind).toBe('zip');
    const again = (
      await importFiles(proxy, client, FOLDER, [{ name: 'luu-tru.zip', bytes: zip }])
    ).json() as MailImportReport;
    expect(again).toMatchObject({ imported: 0, duplicates: 3, failedCount: 0 });
    const inFolder = (await messagesIn(box, FOLDER)).map((m) => m.parsed.subject);
    for (const s of subjects) expect(inFolder).toContain(s);
  });

  it('imports an mbox of 50 (mboxrd) and another (mboxo) with envelope dates; reruns add nothing', async () => {
    const messages = Array.from({ length: 50 }, (_, i) =>
      emlMessage(`Thư lưu trữ ${i + 1}`, day(i), {
        body: `Dòng một\n\nFrom the archive ${i}\n>From quoted\nhết`,
      }),
    );
    const envelopes = messages.map((_, i) => new Date(Date.UTC(2024, 0, 1 + i, 1, 2, 3)));
    const rd = mboxOf(messages, 'mboxrd', envelopes);
    const o = mboxOf(messages, 'mboxo', envelopes);
    const a = (
      await importFiles(proxy, client, FOLDER, [{ name: 'gmail.mbox', bytes: rd }])
    ).json() as MailImportReport;
    expect(a).toMatchObject({ imported: 50, duplicates: 0, failedCount: 0 });
    const b = (
      await importFiles(proxy, client, 'Mbox o', [{ name: 'cu.mbox', bytes: o }], '?mbox=mboxo')
    ).json() as MailImportReport;
    expect(b).toMatchObject({ imported: 50, failedCount: 0 });

    for (const folder of [FOLDER, 'Mbox o']) {
      const read = await messagesIn(box, folder);
      const archived = read.filter((m) => m.parsed.subject?.startsWith('Thư lưu trữ'));
      expect(archived).toHaveLength(50);
      const first = archived.find((m) => m.parsed.subject === 'Thư lưu trữ 1')!;
      expect(first.flags?.has('\\Seen')).toBe(true);
      // Quoting undone as each dialect wrote it. mboxrd gives the body back exactly; mboxo cannot
      // tell a quoted "From " from a ">From " that was sent, and reads both as "From ".
      expect(first.parsed.text).toContain(
        folder === FOLDER ? 'From the archive 0\n>From quoted' : 'From the archive 0\nFrom quoted',
      );
    }
    const dates = await box.imap(async (c) => {
      const lock = await c.getMailboxLock('Mbox o');
      try {
        const out: string[] = [];
        for await (const m of c.fetch('1:3', { internalDate: true }))
          out.push(new Date(m.internalDate!).toISOString());
        return out;
      } finally {
        lock.release();
      }
    });
    expect(dates).toEqual(envelopes.slice(0, 3).map((d) => d.toISOString()));

    const rerun = (
      await importFiles(proxy, client, FOLDER, [{ name: 'gmail.mbox', bytes: rd }])
    ).json() as MailImportReport;
    expect(rerun).toMatchObject({ imported: 0, duplicates: 50, failedCount: 0 });
  });

  it('refuses a PDF as not_mail and appends nothing; goes on with the next file', async () => {
    const before = (await messagesIn(box, FOLDER)).length;
    const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1');
    const res = await importFiles(proxy, client, FOLDER, [
      { name: 'cong-van.pdf', bytes: pdf },
      { name: 'anh.eml', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) },
    ]);
    const report = res.json() as MailImportReport;
    expect(report).toMatchObject({ imported: 0, failedCount: 2 });
    expect(report.failures.map((f) => [f.file, f.code, f.index])).toEqual([
      ['cong-van.pdf', 'not_mail', null],
      ['anh.eml', 'not_mail', null],
    ]);
    expect((await messagesIn(box, FOLDER)).length).toBe(before);
  });

  it('imports what a damaged mbox holds before the damage and says where it stopped', async () => {
    const good = Array.from({ length: 5 }, (_, i) => emlMessage(`Trước chỗ hỏng ${i + 1}`, day(i)));
    const mbox = Buffer.concat([
      mboxOf(good, 'mboxrd'),
      Buffer.from('From vanthu@binhphuoc.gov.vn Mon Jan  6 01:00:00 2025\n'),
      Buffer.from([0, 0, 0xff, 0xfe, 0x10, 0x0a, 0x41, 0x42]),
      Buffer.from('\n\n'),
      mboxOf([emlMessage('Sau chỗ hỏng', day(9))], 'mboxrd'),
    ]);
    const report = (
      await importFiles(proxy, client, FOLDER, [{ name: 'hong.mbox', bytes: mbox }])
    ).json() as MailImportReport;
    expect(report.imported).toBe(5);
    expect(report.failures).toEqual([
      { file: 'hong.mbox', index: 6, line: expect.any(Number), subject: null, code: 'malformed_mbox' },
    ]);
    const subjects = (await messagesIn(box, FOLDER)).map((m) => m.parsed.subject);
    expect(subjects).toContain('Trước chỗ hỏng 5');
    expect(subjects).not.toContain('Sau chỗ hỏng');
  });

  it('skips a 21 MB message of an mbox with message_too_large and imports the others', async () => {
    const huge = emlMessage('Thư quá lớn', day(1), {
      body: 'A'
        .repeat(76)
        .concat('\n')
        .repeat(21 * 1024 * 14),
    });
    const mbox = mboxOf([emlMessage('Nhỏ trước', day(2)), huge, emlMessage('Nhỏ sau', day(3))], 'mboxrd');
    const report = (
      await importFiles(proxy, client, FOLDER, [{ name: 'lon.mbox', bytes: mbox }])
    ).json() as MailImportReport;
    expect(report).toMatchObject({ imported: 2, failedCount: 1 });
    expect(report.failures[0]).toMatchObject({ index: 2, code: 'message_too_large', subject: 'Thư quá lớn' });
  });

  it('streams NDJSON progress lines and the report last with stream=1', async () => {
    const messages = Array.from({ length: 60 }, (_, i) => emlMessage(`Luồng ${i}`, day(i)));
    const res = await importFiles(
      proxy,
      client,
      FOLDER,
      [{ name: 'luong.mbox', bytes: mboxOf(messages, 'mboxrd') }],
      '?stream=1',
    );
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const events = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as MailImportEvent);
    expect(events.filter((e) => e.type === 'progress').length).toBeGreaterThan(1);
    const last = events.at(-1);
    expect(last?.type === 'report' && last.report.imported).toBe(60);
  });

  it('refuses a folder that does not exist before reading the files', async () => {
    const res = await importFiles(proxy, client, 'Không có', [
      { name: 'a.eml', bytes: emlMessage('x', day(1)) },
    ]);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('mailbox_not_found');
  });
});

describe('importing into a mailbox whose quota runs out', () => {
  let proxy: ProxyHarness;
  const email = `nhapday-${Date.now().toString(36)}@binhphuoc.gov.vn`;
  const password = 'Lua#Hong2026';

  beforeAll(async () => {
    upsertMailUser({ email, password, quotaBytes: 200 * 1024, suspendReason: null });
    proxy = await startProxy();
  });
  afterAll(async () => {
    await proxy.close();
    removeMailUser(email);
  });

  it('stops before the mailbox is full with quota_full, saying how many went in', async () => {
    const client = await logIn(proxy, email, password);
    const messages = Array.from({ length: 60 }, (_, i) =>
      emlMessage(`Thư nặng ${i}`, day(i), { body: 'Nội dung dài. '.repeat(400) }),
    );
    const res = await importFiles(proxy, client, 'INBOX', [
      { name: 'nang.mbox', bytes: mboxOf(messages, 'mboxrd') },
      { name: 'sau.eml', bytes: emlMessage('Sau khi đầy', day(1)) },
    ]);
    expect(res.statusCode).toBe(200);
    const report = res.json() as MailImportReport;
    expect(report.stopped).toMatchObject({ code: 'quota_full', file: 'nang.mbox', limitBytes: 200 * 1024 });
    expect(report.imported).toBeGreaterThan(10);
    expect(report.imported).toBeLessThan(60);
    expect(report.stopped!.index).toBe(report.imported + 1);
    expect(report.files.map((f) => f.name)).toEqual(['nang.mbox']);
    const quota = (await client.get('/api/quota')).json() as { usedBytes: number; limitBytes: number };
    expect(quota.usedBytes).toBeLessThanOrEqual(quota.limitBytes);
  });
});
