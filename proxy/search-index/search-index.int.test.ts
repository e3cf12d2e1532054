import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchCriteria, SearchHit, SearchPage } from '../../common/contract';
import { seedSearchMailbox } from '../../scripts/seed/search-mail';
import { searchMail } from '../mail/search-mail';
import { appendMessages, type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, type ProxyHarness, startProxy } from '../test-support/proxy-harness';
import { recheck } from './page-recheck';
import type { SearchIndexService } from './search-index-service';
import { indexFileName } from './sqlite-index';

const TZ = 'Asia/Ho_Chi_Minh';
const criteria = (c: Partial<SearchCriteria>): SearchCriteria => ({ limit: 100, ...c }) as SearchCriteria;
const key = (h: SearchHit) => `${h.mailbox}#${h.uid}#${h.subject}#${h.flags.seen}`;

/**
 * The index against the real Dovecot: after the background build it answers exactly as the
 * scanning search does, and it stays in step with changes made by another IMAP client.
 */
describe('the search index', () => {
  let proxy: ProxyHarness;
  let box: FreshMailbox;
  let service: SearchIndexService;
  const creds = () => ({ email: box.email, password: box.password });

  beforeAll(async () => {
    proxy = await startProxy();
    service = proxy.ctx.searchIndex!;
    box = freshMailbox('search-index');
    await seedSearchMailbox(creds(), new Date());
    await box.imap(async (c) => {
      await c.mailboxCreate('Lưu trữ');
      await appendMessages(c, 'Lưu trữ', [
        { subject: 'Công văn lưu trữ 2025', body: 'Về việc chuyển đổi số' },
        { subject: 'Thư riêng', body: 'Không liên quan', flags: ['\\Seen'] },
      ]);
    });
  });
  afterAll(async () => {
    await proxy?.close();
    box?.remove();
  });

  /** Every hit the scanning search gives, all pages. */
  async function scanning(client: ImapFlow, c: SearchCriteria) {
    const hits: SearchHit[] = [];
    let cursor: string | undefined;
    do {
      const page: SearchPage = await searchMail(client, { ...c, cursor }, { timeZone: TZ });
      hits.push(...page.hits);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return hits;
  }
  async function indexed(client: ImapFlow, c: SearchCriteria) {
    const page = await service.search(client, creds(), c, { timeZone: TZ });
    expect(page, 'the index answers').not.toBeNull();
    expect(page?.nextCursor).toBeNull();
    return page?.hits ?? [];
  }

  const queries: Partial<SearchCriteria>[] = [
    { q: 'cong van' },
    { q: 'công văn' },
    { q: 'cong va', mailbox: 'INBOX' },
    { from: 'dang' },
    { subject: 'dien tu' },
    { body: 'uy ban' },
    { q: 'quyet dinh 45' },
    { body: 'lich truc' },
    { q: '125' },
    { q: 'an' },
    { unread: true },
    { q: 'khong co thu nao nhu the nay' },
    { q: 'cong van', mailbox: 'Lưu trữ' },
  ];

  it('is built in the background, then answers as the scanning search does', async () => {
    await box.imap(async (client) => {
      // Before the build: the scanning search answers.
      expect(await service.search(client, creds(), criteria({ q: 'cong van' }), { timeZone: TZ })).toBeNull();
      await service.settled(box.email);
      expect(service.progress(box.email).state).toBe('ready');
      for (const q of queries) {
        const expected = await scanning(client, criteria(q));
        const got = await indexed(client, criteria(q));
        expect(got.map(key), JSON.stringify(q)).toEqual(expected.map(key));
        expect(
          got.map((h) => h.preview),
          JSON.stringify(q),
        ).toEqual(expected.map((h) => h.preview));
      }
    });
  });

  it('keeps in step with another client: add, delete, move, flag; a deleted message never shows', async () => {
    await box.imap(async (other) => {
      const before = await indexed(other, criteria({ q: 'cong van' }));
      const [first, second, third] = before.filter((h) => h.mailbox === 'INBOX');
      await other.mailboxOpen('INBOX');
      await appendMessages(other, 'INBOX', [{ subject: 'Công văn mới số 777', body: 'Mới đến' }]);
      await other.messageDelete(String(first!.uid), { uid: true });
      await other.messageMove(String(second!.uid), 'Lưu trữ', { uid: true });
      await other.messageFlagsAdd(String(third!.uid), ['\\Seen'], { uid: true });

      for (const q of [{ q: 'cong van' }, { q: 'cong van', unread: true }, { q: '777' }]) {
        const expected = await scanning(other, criteria(q));
        const got = await indexed(other, criteria(q));
        expect(got.map(key), JSON.stringify(q)).toEqual(expected.map(key));
      }
      const now = await indexed(other, criteria({ q: 'cong van' }));
      expect(now.some((h) => h.mailbox === 'INBOX' && h.uid === first!.uid)).toBe(false);
      expect(now.some((h) => h.subject === 'Công văn mới số 777')).toBe(true);

      // The page re-check: a message expunged after the index last looked is not shown.
      const stale = await indexed(other, criteria({ q: '777' }));
      await other.mailboxOpen('INBOX');
      await other.messageDelete(String(stale[0]!.uid), { uid: true });
      expect(await recheck(other, stale, false)).toEqual([]);
      expect(await indexed(other, criteria({ q: '777' }))).toEqual([]);
    });
  });

  it('rebuilds a folder whose UIDVALIDITY changed (deleted and made again)', async () => {
    await box.imap(async (other) => {
      await other.mailboxDelete('Lưu trữ');
      await other.mailboxCreate('Lưu trữ');
      await appendMessages(other, 'Lưu trữ', [{ subject: 'Công văn sau khi tạo lại', body: 'x' }]);
      const c = criteria({ q: 'cong van', mailbox: 'Lưu trữ' });
      const got = await indexed(other, c);
      expect(got.map((h) => h.subject)).toEqual(['Công văn sau khi tạo lại']);
      expect(got.map(key)).toEqual((await scanning(other, c)).map(key));
    });
  });

  it('answers the HTTP search, and is deleted with the account', async () => {
    const session = await logIn(proxy, box.email, box.password);
    const res = await session.get(`/api/search?${new URLSearchParams({ q: 'cong van' })}`);
    expect(res.statusCode).toBe(200);
    const file = path.join(proxy.dataDir, 'index', indexFileName(box.email));
    expect(existsSync(file)).toBe(true);
    await service.forget(box.email);
    expect(existsSync(file)).toBe(false);
  });
});
