import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent, MailboxList, MessagePage, QuotaInfo } from '../../common/contract';
import { inboxPage, mailboxes } from '../test/fixtures';
import { mailboxKeys, messageKeys, quotaKeys, sessionKeys } from './keys';
import { applyLiveEvent, connectLiveEvents, type EventSourceLike } from './live';

function cacheWithMail() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(mailboxKeys.all, mailboxes);
  queryClient.setQueryData([...messageKeys.list('INBOX'), 'arrival.desc.all.0', 0], inboxPage);
  queryClient.setQueryData([...messageKeys.list('Lưu trữ'), 'arrival.desc.all.0', 0], {
    ...inboxPage,
    mailbox: 'Lưu trữ',
  });
  queryClient.setQueryData(quotaKeys.current, { usedBytes: 100, limitBytes: 1000, level: 'ok' });
  queryClient.setQueryData(sessionKeys.current, { email: 'a@b' });
  return queryClient;
}

const invalidated = (qc: QueryClient, key: readonly unknown[]) =>
  qc
    .getQueryCache()
    .findAll({ queryKey: key })
    .every((q) => q.state.isInvalidated);

describe('applyLiveEvent', () => {
  it('puts a folder’s new counts in the folder list (the title follows) and refreshes its list', () => {
    const qc = cacheWithMail();
    applyLiveEvent(qc, { type: 'mailbox_changed', path: 'INBOX', exists: 3, unseen: 5 });
    const inbox = qc.getQueryData<MailboxList>(mailboxKeys.all)!.mailboxes.find((b) => b.path === 'INBOX');
    expect(inbox).toMatchObject({ total: 3, unread: 5 });
    expect(invalidated(qc, messageKeys.list('INBOX'))).toBe(true);
    expect(invalidated(qc, messageKeys.list('Lưu trữ'))).toBe(false);
    expect(qc.getQueryData<MessagePage>([...messageKeys.list('INBOX'), 'arrival.desc.all.0', 0])).toEqual(
      inboxPage,
    );
  });

  it('reloads the folder list for a folder it does not know yet', () => {
    const qc = cacheWithMail();
    applyLiveEvent(qc, { type: 'mailbox_changed', path: 'Mới tạo', exists: 1, unseen: 1 });
    expect(invalidated(qc, mailboxKeys.all)).toBe(true);
  });

  it('sets the quota, reloads folders on folders_changed, and what was loaded before a resync', () => {
    const qc = cacheWithMail();
    const quota: QuotaInfo = { usedBytes: 900, limitBytes: 1000, level: 'warning' };
    applyLiveEvent(qc, { type: 'quota_changed', quota });
    expect(qc.getQueryData(quotaKeys.current)).toEqual(quota);
    expect(invalidated(qc, mailboxKeys.all)).toBe(false);

    applyLiveEvent(qc, { type: 'folders_changed' });
    expect(invalidated(qc, mailboxKeys.all)).toBe(true);

    vi.useFakeTimers({ toFake: ['Date'] });
    const fresh = cacheWithMail();
    vi.setSystemTime(Date.now() + 1_000);
    fresh.setQueryData(mailboxKeys.all, mailboxes); // loaded when the stream already watched
    applyLiveEvent(fresh, { type: 'resync' });
    vi.useRealTimers();
    for (const key of [messageKeys.lists(), quotaKeys.current]) {
      expect(invalidated(fresh, key)).toBe(true);
    }
    expect(invalidated(fresh, mailboxKeys.all)).toBe(false);
    expect(invalidated(fresh, sessionKeys.current)).toBe(false);
  });

  it('asks the session again when the stream says the session ended', () => {
    const qc = cacheWithMail();
    applyLiveEvent(qc, { type: 'session_ended' });
    expect(invalidated(qc, sessionKeys.current)).toBe(true);
  });
});

class StubSource implements EventSourceLike {
  static all: StubSource[] = [];
  onopen: EventSourceLike['onopen'] = null;
  onerror: EventSourceLike['onerror'] = null;
  closed = false;
  private listeners = new Map<string, ((ev: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    StubSource.all.push(this);
  }
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.call(this as unknown as EventSource, new Event('open'));
  }
  fail() {
    this.onerror?.call(this as unknown as EventSource, new Event('error'));
  }
  emit(type: string, data: string) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data }));
  }
}

describe('connectLiveEvents', () => {
  beforeEach(() => {
    StubSource.all = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  const connect = () => {
    const events: LiveEvent[] = [];
    const close = connectLiveEvents({
      onEvent: (e) => events.push(e),
      createSource: (url) => new StubSource(url),
      retryMinMs: 1_000,
      retryMaxMs: 8_000,
    });
    return { events, close };
  };

  it('passes on named events that match the contract and drops anything else', () => {
    const { events } = connect();
    const source = StubSource.all[0]!;
    expect(source.url).toBe('/api/events');
    source.open();
    source.emit(
      'new_mail',
      JSON.stringify({ type: 'new_mail', path: 'INBOX', uid: 7, from: null, subject: 'Họp' }),
    );
    source.emit('mailbox_changed', '{not json');
    source.emit('mailbox_changed', JSON.stringify({ type: 'mailbox_changed', path: 'INBOX', unseen: -1 }));
    source.emit('quota_changed', JSON.stringify({ type: 'quota_changed' }));
    expect(events).toEqual([{ type: 'new_mail', path: 'INBOX', uid: 7, from: null, subject: 'Họp' }]);
  });

  it('reconnects with a growing back-off that a successful stream resets, until closed', () => {
    const { close } = connect();
    StubSource.all[0]!.open();
    StubSource.all[0]!.fail();
    expect(StubSource.all[0]!.closed).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(StubSource.all).toHaveLength(2);
    StubSource.all[1]!.fail();
    vi.advanceTimersByTime(999);
    expect(StubSource.all).toHaveLength(2); // second wait is 1–2 s
    vi.advanceTimersByTime(1_001);
    expect(StubSource.all).toHaveLength(3);
    StubSource.all[2]!.open();
    StubSource.all[2]!.fail(); // after a stream that worked, the wait starts again at 0.5–1 s
    vi.advanceTimersByTime(1_000);
    expect(StubSource.all).toHaveLength(4);

    close();
    expect(StubSource.all[3]!.closed).toBe(true);
    StubSource.all[3]!.fail();
    vi.advanceTimersByTime(60_000);
    expect(StubSource.all).toHaveLength(4);
  });
});
