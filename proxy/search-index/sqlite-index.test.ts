import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchCriteria } from '../../common/contract';
import { foldForSearch } from '../mail/search-match';
import type { IndexedMessage } from './index-document';
import { searchIndexed } from './indexed-search';
import { createSqliteIndexEngine, indexFileName, openSqliteIndex } from './sqlite-index';

const day = (iso: string) => Date.parse(`${iso}T03:00:00Z`);

function message(uid: number, subject: string, body: string, date: string, seen = false): IndexedMessage {
  const flags = { seen, flagged: false, answered: false, draft: false };
  return {
    uid,
    dateMs: day(date),
    seen,
    hasAttachments: false,
    size: 1000 + uid,
    sortFrom: 'van thu',
    sortSubject: foldForSearch(subject),
    hit: {
      uid,
      from: { name: 'Văn thư', address: 'vanthu@binhphuoc.gov.vn' },
      to: [],
      subject,
      date: new Date(day(date)).toISOString(),
      flags,
      size: 1000 + uid,
      hasAttachments: false,
    },
    sender: foldForSearch('Văn thư <vanthu@binhphuoc.gov.vn>'),
    recipients: '',
    subject: foldForSearch(subject),
    names: '',
    bodyText: body,
  };
}

const criteria = (c: Partial<SearchCriteria>): SearchCriteria => ({ limit: 50, ...c }) as SearchCriteria;
const options = { timeZone: 'Asia/Ho_Chi_Minh', offset: 0 };

describe('the SQLite search index', () => {
  it('answers with the search rules: phrases at word starts, in any field, newest first', async () => {
    const index = openSqliteIndex(':memory:');
    await index.resetFolder('INBOX', '1');
    await index.put('INBOX', [
      message(1, 'Công văn số 125', 'Kính gửi', '2026-11-01'),
      message(2, 'Lịch công tác', 'Văn phòng UBND', '2026-11-03'),
      message(3, 'Giấy mời', 'Về công văn số 88 của Ủy ban', '2026-11-02', true),
      message(4, 'Thông báo', 'Ban chỉ đạo', '2026-11-04'),
    ]);
    const subjects = async (c: Partial<SearchCriteria>) =>
      (await searchIndexed(index, criteria(c), ['INBOX'], options)).hits.map((h) => h.subject);
    expect(await subjects({ q: 'cong van' })).toEqual(['Giấy mời', 'Công văn số 125']);
    expect(await subjects({ q: 'cong va' })).toEqual(['Giấy mời', 'Công văn số 125']);
    expect(await subjects({ q: 'an' })).toEqual([]);
    expect(await subjects({ body: 'uy ban' })).toEqual(['Giấy mời']);
    expect(await subjects({ q: 'cong van', unread: true })).toEqual(['Công văn số 125']);
    expect(await subjects({ since: '2026-11-03' })).toEqual(['Thông báo', 'Lịch công tác']);
    expect(await subjects({ subject: 'cong van' })).toEqual(['Công văn số 125']);
    const hit = (await searchIndexed(index, criteria({ body: 'uy ban' }), ['INBOX'], options)).hits[0];
    expect(hit?.preview).toBe('Về công văn số 88 của Ủy ban');
    expect(hit?.flags.seen).toBe(true);
  });

  it('pages with an offset, forgets deleted messages and keeps flags', async () => {
    const index = openSqliteIndex(':memory:');
    await index.resetFolder('INBOX', '1');
    await index.put(
      'INBOX',
      Array.from({ length: 5 }, (_, i) => message(i + 1, `Công văn ${i + 1}`, '', `2026-11-0${i + 1}`)),
    );
    const first = await searchIndexed(index, criteria({ q: 'cong van', limit: 2 }), ['INBOX'], options);
    expect(first.hits.map((h) => h.uid)).toEqual([5, 4]);
    const second = await searchIndexed(index, criteria({ q: 'cong van', limit: 2 }), ['INBOX'], {
      ...options,
      offset: first.nextOffset ?? 0,
    });
    expect(second.hits.map((h) => h.uid)).toEqual([3, 2]);
    await index.remove('INBOX', [3]);
    await index.setFlags('INBOX', [
      { uid: 2, flags: { seen: true, flagged: true, answered: false, draft: false } },
    ]);
    const all = await searchIndexed(index, criteria({ q: 'cong van' }), ['INBOX'], options);
    expect(all.hits.map((h) => h.uid)).toEqual([5, 4, 2, 1]);
    expect(all.hits[2]?.flags).toMatchObject({ seen: true, flagged: true });
    expect(all.nextOffset).toBeNull();
    expect(await index.sortedUids('INBOX', 'size', true, 0, 10)).toEqual([5, 4, 2, 1]);
    expect(await index.sortedUids('INBOX', 'subject', false, 1, 2)).toEqual([2, 4]);
    await index.resetFolder('INBOX', '2');
    expect(await index.uids('INBOX')).toEqual([]);
    expect((await searchIndexed(index, criteria({ q: 'cong van' }), ['INBOX'], options)).hits).toEqual([]);
  });

  it('keeps one private file per user, deleted with the account', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'bp-index-')), 'index');
    const engine = createSqliteIndexEngine(dir);
    const index = engine.open('Nguyen.Van.A@binhphuoc.gov.vn');
    await index.resetFolder('INBOX', '7');
    await index.put('INBOX', [message(1, 'Công văn', 'x', '2026-11-01')]);
    const file = path.join(dir, indexFileName('nguyen.van.a@binhphuoc.gov.vn'));
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(path.basename(file)).not.toContain('nguyen');
    expect(await index.bytes()).toBeGreaterThan(0);
    await engine.forget('nguyen.van.a@binhphuoc.gov.vn');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
