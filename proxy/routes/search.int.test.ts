import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit, SearchPage } from '../../common/contract';
import { removeMailUser, upsertMailUser } from '../../scripts/mailstack/mail-users';
import { maildirOf, resolveMailDomain } from '../../scripts/mailstack/paths';
import { appendMessage, withImapSession } from '../../scripts/seed/imap-append';
import { buildSearchMail, seedSearchMailbox } from '../../scripts/seed/search-mail';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

const DAY = 86_400_000;
const localDay = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short' }).format(ms);

/**
 * Search against the real Dovecot, in a mailbox of this test's own: Vietnamese mail in NFC, NFD,
 * windows-1258 and HTML entities (scripts/seed/search-mail.ts), found with and without tones.
 */
describe('GET /api/search', () => {
  const email = `search-int-${randomBytes(4).toString('hex')}@${resolveMailDomain()}`;
  const password = 'Tim#Kiem2026';
  const now = new Date();
  let proxy: ProxyHarness;
  let client: Awaited<ReturnType<typeof logIn>>;

  beforeAll(async () => {
    upsertMailUser({ email, password, quotaBytes: 1024 ** 3, suspendReason: null });
    await seedSearchMailbox({ email, password }, now);
    // Old mail imported after newer mail: UID order is not date order in this folder.
    await withImapSession({ email, password }, async (imap) => {
      await imap.mailboxCreate('Thư nhập về');
      for (const [i, daysAgo] of [10, 30, 2, 20].entries()) {
        const date = new Date(now.getTime() - daysAgo * DAY);
        const raw = buildSearchMail({
          key: `import-${i}`,
          subject: `Công văn nhập về ${daysAgo} ngày trước`,
          body: 'Thư cũ chuyển từ hệ thống trước.\n',
          fromName: 'Văn thư',
          fromEmail: 'vanthu@binhphuoc.gov.vn',
          to: email,
          date,
        });
        await appendMessage(imap, 'Thư nhập về', raw, ['\\Seen'], date);
      }
    });
    proxy = await startProxy();
    client = await logIn(proxy, email, password);
  });
  afterAll(async () => {
    await proxy?.close();
    removeMailUser(email);
    rmSync(dirname(maildirOf(email)), { recursive: true, force: true });
  });

  const search = async (params: Record<string, string>) => {
    const res = await client.get(`/api/search?${new URLSearchParams(params)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SearchPage;
  };
  /** Every hit over all pages, in order. */
  const searchAll = async (params: Record<string, string>) => {
    const hits: SearchHit[] = [];
    let cursor: string | null = null;
    do {
      const page: SearchPage = await search(cursor ? { ...params, cursor } : params);
      hits.push(...page.hits);
      cursor = page.nextCursor;
    } while (cursor);
    return hits;
  };
  const subjects = (hits: SearchHit[]) => hits.map((h) => h.subject).sort();

  it('finds "Công văn" typed without tones, in every encoding, in subject or body', async () => {
    const hits = await searchAll({ q: 'cong van', mailbox: 'INBOX' });
    expect(subjects(hits)).toEqual(
      [
        'CÔNG VĂN KHẨN: ĐIỆN TỬ HÓA HỒ SƠ', // subject, upper case, base64 body
        'Công văn số 125 về chuyển đổi số', // subject, NFC
        'Giấy mời họp giao ban', // body only, NFD, quoted-printable
        'Thông báo lịch trực', // body only, HTML with &#7897; entities
        'cong van khong dau tu dien thoai', // written without tones itself
      ].sort(),
    );
    // "Lịch công tác tuần 48" has "công" and, in the sender, "Văn" — but not "công văn".
    expect(subjects(hits)).not.toContain('Lịch công tác tuần 48');
  });

  it('finds the same with tones typed, and NFD typed', async () => {
    const plain = subjects(await searchAll({ q: 'cong van', mailbox: 'INBOX' }));
    expect(subjects(await searchAll({ q: 'Công văn', mailbox: 'INBOX' }))).toEqual(plain);
    expect(subjects(await searchAll({ q: 'công văn'.normalize('NFD'), mailbox: 'INBOX' }))).toEqual(plain);
  });

  it('subject: "dien tu" finds "điện tử" (windows-1258 and upper case), đ → d included', async () => {
    const hits = await searchAll({ subject: 'dien tu', mailbox: 'INBOX' });
    expect(subjects(hits)).toEqual(['Báo cáo điện tử tháng 11', 'CÔNG VĂN KHẨN: ĐIỆN TỬ HÓA HỒ SƠ']);
    expect(subjects(await searchAll({ subject: 'điện tử', mailbox: 'INBOX' }))).toEqual(subjects(hits));
  });

  it('body: only the body counts, with a preview around the match', async () => {
    const hits = await searchAll({ body: 'uy ban nhan dan', mailbox: 'INBOX' });
    expect(subjects(hits)).toEqual(['Báo cáo điện tử tháng 11', 'Giấy mời họp giao ban']);
    const cp1258 = hits.find((h) => h.subject.startsWith('Báo cáo'));
    expect(cp1258?.preview).toContain('Ủy ban nhân dân huyện');
    // "Công văn" is in the subject of this one, not in its body.
    expect(subjects(await searchAll({ body: 'cong van so 125', mailbox: 'INBOX' }))).toEqual([]);
  });

  it('from: by name without tones, or by address', async () => {
    expect(subjects(await searchAll({ from: 'dang van duc' }))).toEqual(['CÔNG VĂN KHẨN: ĐIỆN TỬ HÓA HỒ SƠ']);
    expect(subjects(await searchAll({ from: 'tuanlm' }))).toEqual(['Báo cáo điện tử tháng 11']);
    expect(subjects(await searchAll({ from: 'le minh tuan' }))).toEqual(['Báo cáo điện tử tháng 11']);
  });

  it('to: looks at To and Cc', async () => {
    const hits = await searchAll({ to: 'pham thi hong' });
    expect(hits.map((h) => [h.mailbox, h.subject])).toEqual([['Hồ sơ cũ/2025', 'Công văn lưu trữ số 7']]);
    expect(subjects(await searchAll({ to: 'hongpt.snv' }))).toEqual(['Công văn lưu trữ số 7']);
  });

  it('date range: since is included, before is not, in Vietnam time', async () => {
    const hits = await searchAll({
      since: localDay(now.getTime() - 12 * DAY),
      before: localDay(now.getTime() - 4 * DAY),
    });
    // 10 and 5 days ago; 15 days ago (Trash) and 2 days ago are outside the range.
    expect(subjects(hits)).toEqual([
      'Báo cáo điện tử tháng 11',
      'Công văn nhập về 10 ngày trước',
      'Thông báo lịch trực',
    ]);
  });

  it('has attachment, and q finds the attachment by its file name', async () => {
    expect(subjects(await searchAll({ hasAttachment: 'true' }))).toEqual(['Quyết định bổ nhiệm']);
    expect(subjects(await searchAll({ q: 'quyet dinh 45' }))).toEqual(['Quyết định bổ nhiệm']);
    const combined = await searchAll({ hasAttachment: 'true', q: 'cong van' });
    expect(combined).toEqual([]);
  });

  it('unread: only what is not read yet', async () => {
    const hits = await searchAll({ unread: 'true' });
    expect(subjects(hits)).toEqual(['Báo cáo điện tử tháng 11', 'CÔNG VĂN KHẨN: ĐIỆN TỬ HÓA HỒ SƠ']);
    expect(hits.every((h) => !h.flags.seen)).toBe(true);
    expect(subjects(await searchAll({ unread: 'true', q: 'cong van' }))).toEqual([
      'CÔNG VĂN KHẨN: ĐIỆN TỬ HÓA HỒ SƠ',
    ]);
  });

  it('all folders: Trash and a nested Vietnamese folder too, each hit names its folder, newest first', async () => {
    const hits = await searchAll({ q: 'cong van' });
    const where = hits.map((h) => `${h.mailbox}: ${h.subject}`);
    expect(where).toContain('Trash: Công văn đã xóa');
    expect(where).toContain('Hồ sơ cũ/2025: Công văn lưu trữ số 7');
    expect(hits).toHaveLength(7 + 4);
    const dates = hits.map((h) => Date.parse(h.date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // One folder only:
    const inbox = await searchAll({ q: 'cong van', mailbox: 'Hồ sơ cũ/2025' });
    expect(inbox.map((h) => h.mailbox)).toEqual(['Hồ sơ cũ/2025']);
  });

  it('orders by date, not by arrival, also page by page (old mail imported later)', async () => {
    const expected = [2, 10, 20, 30].map((d) => `Công văn nhập về ${d} ngày trước`);
    const whole = await searchAll({ q: 'cong van nhap', mailbox: 'Thư nhập về' });
    expect(whole.map((h) => h.subject)).toEqual(expected);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: SearchPage = await search({
        q: 'cong van nhap',
        mailbox: 'Thư nhập về',
        limit: '1',
        ...(cursor ? { cursor } : {}),
      });
      paged.push(...page.hits.map((h) => h.subject));
      cursor = page.nextCursor;
    } while (cursor && paged.length < 10);
    expect(paged).toEqual(expected);
  });

  it('pages: small pages, each hit once, in the same order as one big page', async () => {
    const whole = (await search({ q: 'cong van', limit: '100' })).hits.map((h) => `${h.mailbox}/${h.uid}`);
    const pages: string[] = [];
    let cursor: string | null = null;
    let rounds = 0;
    do {
      const page: SearchPage = await search({ q: 'cong van', limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.hits.length).toBeLessThanOrEqual(2);
      pages.push(...page.hits.map((h) => `${h.mailbox}/${h.uid}`));
      cursor = page.nextCursor;
      rounds++;
    } while (cursor && rounds < 20);
    expect(pages).toEqual(whole);
    expect(rounds).toBe(6); // 11 hits, 2 a page
  });

  it('reports progress: what was looked at and what is left', async () => {
    const first = await search({ q: 'cong van', limit: '1' });
    expect(first.scanned).toBeGreaterThan(0);
    expect(first.remaining).toBeGreaterThan(0);
    const rest = await searchAll({ q: 'khong co thu nao nhu the' });
    expect(rest).toEqual([]);
  });

  it.each([
    [{ q: 'x', since: '2026-02-31' }, 'since'],
    [{ q: 'x', since: '31/12/2026' }, 'since'],
    [{ q: 'x', before: '2026-13-01' }, 'before'],
    [{ since: '2026-11-30', before: '2026-11-01' }, 'before'],
    [{}, 'q'],
    [{ q: 'x', cursor: 'not-a-cursor' }, 'cursor'],
    [{ q: 'x', unread: 'yes' }, 'unread'],
  ])('refuses %j with 400 validation_failed on %s', async (params, field) => {
    const res = await client.get(`/api/search?${new URLSearchParams(params as Record<string, string>)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'validation_failed', details: { field } } });
  });

  it('a folder that does not exist is mailbox_not_found', async () => {
    const res = await client.get(`/api/search?${new URLSearchParams({ q: 'x', mailbox: 'Không có' })}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'mailbox_not_found' } });
  });

  it('needs a session', async () => {
    const res = await proxy.app.inject({
      method: 'GET',
      url: '/api/search?q=x',
      headers: { host: '127.0.0.1:8080' },
    });
    expect(res.statusCode).toBe(401);
  });
});
