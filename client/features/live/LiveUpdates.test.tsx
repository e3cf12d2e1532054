import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent, MailboxList, MessagePage } from '../../../common/contract';
import { routeUrl } from '../../../common/contract/route';
import { quotaRoutes, sessionRoutes, settingsRoutes } from '../../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../../common/routes/mail';
import { publicConfigRoutes } from '../../../common/routes/site';
import type { EventSourceLike } from '../../api/live';
import { apiPattern } from '../../test/api-pattern';
import { inboxPage, mailboxes, publicConfig, session } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/setup';

/** The browser's EventSource, driven by the test (jsdom has none); the proxy side is tested for real. */
class StubEventSource implements EventSourceLike {
  static current: StubEventSource | null = null;
  onopen: EventSourceLike['onopen'] = null;
  onerror: EventSourceLike['onerror'] = null;
  private listeners = new Map<string, ((ev: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    StubEventSource.current = this;
  }
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {}
  push(event: LiveEvent) {
    for (const l of this.listeners.get(event.type) ?? []) {
      l(new MessageEvent(event.type, { data: JSON.stringify(event) }));
    }
  }
}

class StubNotification {
  static permission: NotificationPermission = 'default';
  static requestPermission = vi.fn(async () => {
    StubNotification.permission = 'granted';
    return StubNotification.permission;
  });
  static shown: { title: string; options?: NotificationOptions }[] = [];
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    StubNotification.shown.push({ title, options });
  }
  close() {}
}

const newRow = {
  ...inboxPage.messages[0]!,
  uid: 9,
  subject: 'Giấy mời họp giao ban tuần',
  from: { name: 'Văn phòng Sở', address: 'vanphong.sttt@binhphuoc.gov.vn' },
  flags: { seen: false, flagged: false, answered: false, draft: false },
};

describe('LiveUpdates on the mail screen', () => {
  let delivered: boolean;

  beforeEach(() => {
    delivered = false;
    localStorage.clear();
    StubEventSource.current = null;
    StubNotification.permission = 'default';
    StubNotification.requestPermission.mockClear();
    StubNotification.shown = [];
    vi.stubGlobal('EventSource', StubEventSource);
    vi.stubGlobal('Notification', StubNotification);
    window.history.replaceState(null, '', '/');
    const page = (): MessagePage =>
      delivered
        ? {
            ...inboxPage,
            total: 3,
            unread: 3,
            version: '1.5.4.11',
            messages: [newRow, ...inboxPage.messages],
          }
        : inboxPage;
    const folders = (): MailboxList =>
      delivered
        ? {
            mailboxes: mailboxes.mailboxes.map((b) =>
              b.path === 'INBOX' ? { ...b, total: 3, unread: 3 } : b,
            ),
          }
        : mailboxes;
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json(session)),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(folders())),
      http.get(apiPattern(quotaRoutes.get), () =>
        HttpResponse.json({ usedBytes: 100, limitBytes: 2 * 1024 ** 3, level: 'ok' }),
      ),
      http.get(routeUrl(messageRoutes.list, { mailbox: 'INBOX' }), () => HttpResponse.json(page())),
      http.get(apiPattern(settingsRoutes.get), () => HttpResponse.json({})),
    );
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    Object.defineProperty(document, 'hidden', { configurable: true, value: false });
  });

  it('shows a delivered message and the new unread count in the tab title without a reload', async () => {
    renderApp();
    const list = await screen.findByRole('list', { name: 'Danh sách thư' });
    await within(list).findByText('Công văn số 125/UBND-KGVX về chuyển đổi số');
    expect(document.title).toBe('(2) Hộp thư công vụ');
    expect(StubEventSource.current?.url).toBe('/api/events');

    delivered = true;
    StubEventSource.current!.push({
      type: 'new_mail',
      path: 'INBOX',
      uid: 9,
      from: newRow.from,
      subject: newRow.subject,
    });
    StubEventSource.current!.push({ type: 'mailbox_changed', path: 'INBOX', exists: 3, unseen: 3 });

    // The count comes from the event itself, at once; the row from the refetched page.
    await waitFor(() => expect(document.title).toBe('(3) Hộp thư công vụ'));
    expect(await within(list).findByText('Giấy mời họp giao ban tuần')).toBeTruthy();
    expect(StubNotification.shown).toEqual([]); // not turned on
  });

  it('asks for notification permission only when the bell is clicked, then notifies while hidden', async () => {
    renderApp();
    const bell = await screen.findByRole('button', { name: 'Thông báo thư mới trên màn hình' });
    expect(bell.getAttribute('aria-pressed')).toBe('false');
    expect(StubNotification.requestPermission).not.toHaveBeenCalled();

    await userEvent.setup().click(bell);
    expect(StubNotification.requestPermission).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(bell.getAttribute('aria-pressed')).toBe('true'));

    // In view, the new row is the notice; in a background tab, the desktop shows it.
    const mail: LiveEvent = {
      type: 'new_mail',
      path: 'INBOX',
      uid: 9,
      from: newRow.from,
      subject: newRow.subject,
    };
    StubEventSource.current!.push(mail);
    expect(StubNotification.shown).toEqual([]);
    Object.defineProperty(document, 'hidden', { configurable: true, value: true });
    StubEventSource.current!.push(mail);
    expect(StubNotification.shown).toEqual([
      {
        title: 'Thư mới từ Văn phòng Sở',
        options: expect.objectContaining({ body: 'Giấy mời họp giao ban tuần', tag: 'bp-new-mail-9' }),
      },
    ]);
  });

  it('shows the bell disabled with the reason when the browser blocks notifications', async () => {
    StubNotification.permission = 'denied';
    renderApp();
    const bell = await screen.findByRole('button', { name: 'Thông báo thư mới trên màn hình' });
    expect((bell as HTMLButtonElement).disabled).toBe(true);
    expect(bell.getAttribute('title')).toContain('trình duyệt đang chặn thông báo');
  });
});
