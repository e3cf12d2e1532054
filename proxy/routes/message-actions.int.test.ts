import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxList, MessagePage, MessageRow, MoveResult } from '../../common/contract';
import { appendMessages, type FreshMailbox, freshMailbox } from '../test-support/fresh-mailbox';
import { logIn, mbox, type ProxyHarness, startProxy } from '../test-support/proxy-harness';

/** The list views and every message action, on a mailbox of this test's own in the real Dovecot. */
describe('message list views and actions', () => {
  let proxy: ProxyHarness;
  let owner: FreshMailbox;
  let client: Awaited<ReturnType<typeof logIn>>;

  const page = async (folder: string, query = '') => {
    const res = await client.get(`/api/mailboxes/${mbox(folder)}/messages?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as MessagePage;
  };
  const subjects = (p: MessagePage) => p.messages.map((m) => m.subject);
  const folderState = async (path: string) =>
    ((await client.get('/api/mailboxes')).json() as MailboxList).mailboxes.find((b) => b.path === path);

  beforeAll(async () => {
    owner = freshMailbox('ds-actions');
    await owner.imap(async (imap) => {
      await imap.mailboxCreate('Công văn đến 2026');
      // 30 numbered messages: UIDs 1…30 in this order.
      await appendMessages(
        imap,
        'INBOX',
        Array.from({ length: 30 }, (_, i) => ({
          subject: `Thư số ${String(i + 1).padStart(2, '0')}`,
          from: i % 2 ? 'Bùi Thị Hoa <hoabt@binhphuoc.gov.vn>' : 'An Văn Bình <binhav@binhphuoc.gov.vn>',
          body: 'x'.repeat(100 + i * 10),
          flags: i % 3 === 0 ? ['\\Seen'] : i % 5 === 0 ? ['\\Seen', '\\Flagged'] : [],
        })),
      );
      // A conversation of three, arriving after them: UIDs 31…33.
      const later = (minute: number) => new Date(Date.UTC(2026, 10, 1, 8, minute, 0));
      await appendMessages(imap, 'INBOX', [
        { subject: 'Dự thảo kế hoạch', messageId: '<goc@test>', date: later(1) },
        { subject: 'Re: Dự thảo kế hoạch', messageId: '<tl1@test>', inReplyTo: '<goc@test>', date: later(2) },
        { subject: 'Re: Dự thảo kế hoạch', messageId: '<tl2@test>', inReplyTo: '<tl1@test>', date: later(3) },
      ]);
    });
    proxy = await startProxy();
    client = await logIn(proxy, owner.email, owner.password);
  });
  afterAll(async () => {
    await proxy?.close();
    owner?.remove();
  });

  it('pages by position: any page is its own sequence window, newest first, no gaps or repeats', async () => {
    const first = await page('INBOX', 'offset=0&limit=10');
    expect(first.total).toBe(33);
    expect(first.offset).toBe(0);
    expect(first.messages[0]!.subject).toBe('Re: Dự thảo kế hoạch');
    const all: MessageRow[] = [];
    for (let offset = 0; offset < 33; offset += 10)
      all.push(...(await page('INBOX', `offset=${offset}&limit=10`)).messages);
    expect(all.map((m) => m.uid)).toEqual(Array.from({ length: 33 }, (_, i) => 33 - i));
    const deep = await page('INBOX', 'offset=30&limit=10');
    expect(deep.messages.map((m) => m.uid)).toEqual([3, 2, 1]);
    expect((await page('INBOX', 'offset=40')).messages).toEqual([]);
  });

  it('still pages by UID cursor, correctly across a large deletion gap', async () => {
    await owner.imap(async (imap) => {
      await appendMessages(
        imap,
        'Công văn đến 2026',
        Array.from({ length: 60 }, (_, i) => ({ subject: `Công văn ${i + 1}` })),
      );
      const lock = await imap.getMailboxLock('Công văn đến 2026');
      try {
        await imap.messageDelete('11:55', { uid: true }); // leaves UIDs 1–10 and 56–60
      } finally {
        lock.release();
      }
    });
    const first = await page('Công văn đến 2026', 'limit=4');
    expect(first.messages.map((m) => m.uid)).toEqual([60, 59, 58, 57]);
    const second = await page('Công văn đến 2026', `limit=4&cursor=${first.nextCursor}`);
    expect(second.messages.map((m) => m.uid)).toEqual([56, 10, 9, 8]);
    expect(second.offset).toBe(4);
    const last = await page('Công văn đến 2026', 'limit=4&cursor=3');
    expect(last.messages.map((m) => m.uid)).toEqual([2, 1]);
    expect(last.nextCursor).toBeNull();
  });

  it('sorts by subject, sender and size with IMAP SORT, and filters unread and flagged', async () => {
    const bySubject = await page('INBOX', 'sort=subject&order=asc&limit=3');
    expect(subjects(bySubject)).toEqual(['Dự thảo kế hoạch', 'Re: Dự thảo kế hoạch', 'Re: Dự thảo kế hoạch']);
    const bySubjectDesc = await page('INBOX', 'sort=subject&order=desc&limit=2');
    expect(subjects(bySubjectDesc)).toEqual(['Thư số 30', 'Thư số 29']);
    const bySize = await page('INBOX', 'sort=size&order=desc&limit=1');
    expect(bySize.messages[0]!.subject).toBe('Thư số 30');
    const bySender = await page('INBOX', 'sort=from&order=asc&offset=0&limit=50');
    const senders = bySender.messages.map((m) => m.from?.name ?? '');
    expect(senders.indexOf('Bùi Thị Hoa')).toBeGreaterThan(senders.lastIndexOf('An Văn Bình'));

    const unread = await page('INBOX', 'filter=unread&limit=50');
    expect(unread.messages.every((m) => !m.flags.seen)).toBe(true);
    expect(unread.total).toBe(unread.messages.length);
    expect(unread.total).toBe((await folderState('INBOX'))!.unread);
    const flagged = await page('INBOX', 'filter=flagged&limit=50');
    expect(flagged.messages.map((m) => m.subject)).toEqual([
      'Thư số 26',
      'Thư số 21',
      'Thư số 11',
      'Thư số 06',
    ]);
    // A later page of a sorted view comes from the same SORT result.
    const secondSorted = await page('INBOX', 'sort=subject&order=asc&offset=3&limit=2');
    expect(subjects(secondSorted)).toEqual(['Thư số 01', 'Thư số 02']);
  });

  it('shows conversations (THREAD=REFERENCES) as one row with the whole thread', async () => {
    const threads = await page('INBOX', 'threads=1&limit=5');
    expect(threads.total).toBe(31);
    const top = threads.messages[0]!;
    expect(top.uid).toBe(33);
    expect(top.thread).toMatchObject({ size: 3, uids: [33, 32, 31] });
    expect(threads.messages[1]!.thread).toMatchObject({ size: 1, uids: [30] });
  });

  it('sees a message that arrives after a sorted view was cached', async () => {
    await page('INBOX', 'sort=subject&order=desc&limit=1');
    await owner.imap((imap) => appendMessages(imap, 'INBOX', [{ subject: 'Tin mới đến' }]));
    const after = await page('INBOX', 'sort=subject&order=desc&limit=1');
    expect(after.messages[0]!.subject).toBe('Tin mới đến');
  });

  it('marks read, unread, flagged and unflagged, by UIDs and for a whole filtered folder', async () => {
    const unread = await page('INBOX', 'filter=unread&limit=50');
    const two = unread.messages.slice(0, 2).map((m) => m.uid);
    const post = (body: unknown) => client.post('/api/mailboxes/INBOX/messages/flags', body);
    expect((await post({ uids: two, add: ['seen', 'flagged'] })).statusCode).toBe(204);
    const after = await page('INBOX', 'filter=flagged&limit=50');
    expect(after.messages.filter((m) => two.includes(m.uid)).every((m) => m.flags.seen)).toBe(true);
    expect((await post({ uids: two, remove: ['flagged'] })).statusCode).toBe(204);
    expect((await page('INBOX', 'filter=flagged&limit=50')).messages.some((m) => two.includes(m.uid))).toBe(
      false,
    );
    // "Select all in folder" → mark read: every message, not only the loaded page.
    expect((await post({ all: true, add: ['seen'] })).statusCode).toBe(204);
    expect((await folderState('INBOX'))!.unread).toBe(0);
    expect((await post({ uids: two, remove: ['seen'] })).statusCode).toBe(204);
    expect((await folderState('INBOX'))!.unread).toBe(2);
    expect((await post({ add: ['seen'] })).statusCode).toBe(400);
  });

  it('moves to a Vietnamese-named folder and back with the UIDs the server returned (undo)', async () => {
    const rows = (await page('INBOX', 'offset=5&limit=2')).messages;
    const res = await client.post('/api/mailboxes/INBOX/messages/move', {
      uids: rows.map((m) => m.uid),
      destination: 'Công văn đến 2026',
    });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json() as MoveResult;
    expect(moved).toMatchObject({ source: 'INBOX', destination: 'Công văn đến 2026', count: 2 });
    expect(moved.uids).toEqual(rows.map((m) => m.uid).sort((a, b) => a - b));
    const target = (await page('Công văn đến 2026', 'limit=100')).messages;
    const arrived = target.filter((m) => moved.newUids.includes(m.uid));
    expect(arrived.map((m) => m.subject).sort()).toEqual(rows.map((m) => m.subject).sort());

    const undo = await client.post(`/api/mailboxes/${mbox('Công văn đến 2026')}/messages/move`, {
      uids: moved.newUids,
      destination: 'INBOX',
    });
    expect(undo.statusCode).toBe(200);
    // Back where they were, although IMAP gave them the highest UIDs of the folder.
    const back = (await page('INBOX', 'offset=5&limit=2')).messages;
    expect(back.map((m) => m.subject)).toEqual(rows.map((m) => m.subject));
    expect(Math.min(...back.map((m) => m.uid))).toBeGreaterThan(33);
    const top = (await page('INBOX', 'offset=0&limit=1')).messages;
    expect(top[0]!.subject).toBe('Re: Dự thảo kế hoạch');
  });

  it('archives, marks as junk and not junk through the special folders', async () => {
    const [first] = (await page('INBOX', 'limit=1')).messages;
    const archived = (
      await client.post('/api/mailboxes/INBOX/messages/move', { uids: [first!.uid], special: 'archive' })
    ).json() as MoveResult;
    expect(archived.destination).toBe('Archive');
    expect(subjects(await page('Archive'))).toEqual([first!.subject]);

    const [next] = (await page('INBOX', 'limit=1')).messages;
    const junk = (
      await client.post('/api/mailboxes/INBOX/messages/move', { uids: [next!.uid], special: 'junk' })
    ).json() as MoveResult;
    expect(junk.destination).toBe('Junk');
    const notJunk = (
      await client.post('/api/mailboxes/Junk/messages/move', { uids: junk.newUids, special: 'inbox' })
    ).json() as MoveResult;
    expect(notJunk.destination).toBe('INBOX');
    expect((await page('Junk')).total).toBe(0);
    expect(subjects(await page('INBOX', 'limit=1'))).toEqual([next!.subject]);
  });

  it('refuses a move to a folder that does not exist, and changes nothing', async () => {
    const before = (await page('INBOX')).total;
    const res = await client.post('/api/mailboxes/INBOX/messages/move', {
      uids: [1],
      destination: 'Không có',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('mailbox_not_found');
    expect((await page('INBOX')).total).toBe(before);
  });

  it('deletes to Trash, deletes for good from Trash, and empties Trash', async () => {
    const rows = (await page('INBOX', 'limit=3')).messages;
    const del = (
      await client.post('/api/mailboxes/INBOX/messages/delete', { uids: rows.map((m) => m.uid) })
    ).json() as MoveResult;
    expect(del).toMatchObject({ destination: 'Trash', count: 3 });
    expect((await page('Trash')).total).toBe(3);

    const forGood = (
      await client.post('/api/mailboxes/Trash/messages/delete', { uids: [del.newUids[0]] })
    ).json() as MoveResult;
    expect(forGood).toMatchObject({ destination: null, count: 1 });
    expect((await page('Trash')).total).toBe(2);

    expect((await client.post('/api/mailboxes/INBOX/empty', {})).json().error.code).toBe('folder_protected');
    const emptied = await client.post('/api/mailboxes/Trash/empty', {});
    expect(emptied.json()).toEqual({ count: 2 });
    expect((await page('Trash')).total).toBe(0);
  });
});
