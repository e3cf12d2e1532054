import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MessagePage, MessageRow, MoveResult } from '../../../common/contract';
import { routeUrl } from '../../../common/contract/route';
import { quotaRoutes, sessionRoutes, settingsRoutes } from '../../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../../common/routes/mail';
import { publicConfigRoutes } from '../../../common/routes/site';
import { apiPattern } from '../../test/api-pattern';
import { mailboxes, publicConfig, session } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/setup';
import { useToasts } from '../../ui/toast-store';
import { useListStore } from './list-store';

/** A folder of `total` messages, UIDs total…1 newest first, every third one unread. */
function rows(total: number): MessageRow[] {
  return Array.from({ length: total }, (_, i) => {
    const uid = total - i;
    return {
      uid,
      from: { name: `Người gửi ${uid}`, address: `nguoi${uid}@binhphuoc.gov.vn` },
      to: [],
      subject: `Công văn số ${uid}`,
      date: new Date(Date.UTC(2026, 10, 1) + uid * 60_000).toISOString(),
      flags: { seen: uid % 3 !== 0, flagged: false, answered: false, draft: false },
      size: 1000,
      hasAttachments: false,
      preview: `Nội dung ${uid}`,
    };
  });
}

function pageOf(all: MessageRow[], url: URL): MessagePage {
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? 50);
  return {
    mailbox: 'INBOX',
    total: all.length,
    unread: all.filter((m) => !m.flags.seen).length,
    uidValidity: '1',
    offset,
    version: `v${all.length}`,
    messages: all.slice(offset, offset + limit),
    nextCursor: null,
  };
}

const rowOf = (subject: string) => screen.getByText(subject).closest('li') as HTMLElement;

// Whole-app renders with many rows: slow on a busy CI machine, so more than the 5 s default.
describe('message list: selection, optimistic actions, undo, confirmation, keyboard', {
  timeout: 20_000,
}, () => {
  let inbox: MessageRow[];
  let posts: { url: string; body: unknown }[];
  let refuseFlags: boolean;

  beforeEach(() => {
    // What the previous test selected or was told stays in these stores, as it would in a tab.
    useListStore.getState().reset();
    useToasts.setState({ toasts: [] });
    window.history.replaceState(null, '', '/thu/INBOX');
    inbox = rows(120);
    posts = [];
    refuseFlags = false;
    const record = async (request: Request) => {
      posts.push({ url: new URL(request.url).pathname, body: await request.json() });
    };
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json(session)),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(quotaRoutes.get), () =>
        HttpResponse.json({ usedBytes: 1, limitBytes: 10, level: 'ok' }),
      ),
      http.get(apiPattern(messageRoutes.list), ({ request, params }) =>
        HttpResponse.json(
          params.mailbox === 'INBOX' ? pageOf(inbox, new URL(request.url)) : pageOf([], new URL(request.url)),
        ),
      ),
      http.post(routeUrl(messageRoutes.setFlags, { mailbox: 'INBOX' }), async ({ request }) => {
        await record(request);
        await new Promise((r) => setTimeout(r, 50));
        if (refuseFlags) {
          return HttpResponse.json({ error: { code: 'action_refused', message: '' } }, { status: 409 });
        }
        return new HttpResponse(null, { status: 204 });
      }),
      http.post(apiPattern(messageRoutes.remove), async ({ request }) => {
        await record(request);
        const { uids } = posts.at(-1)!.body as { uids: number[] };
        inbox = inbox.filter((m) => !uids.includes(m.uid));
        const result: MoveResult = {
          source: 'INBOX',
          destination: 'Trash',
          count: uids.length,
          uids,
          newUids: uids.map((_, i) => 900 + i),
        };
        return HttpResponse.json(result);
      }),
      http.post(apiPattern(messageRoutes.move), async ({ request }) => {
        await record(request);
        return HttpResponse.json({
          source: 'Trash',
          destination: 'INBOX',
          count: 1,
          uids: [900],
          newUids: [121],
        });
      }),
      http.post(apiPattern(mailboxRoutes.empty), async ({ request }) => {
        await record(request);
        inbox = [];
        return HttpResponse.json({ count: 3 });
      }),
    );
  });

  it('renders only a window of a long folder, with its size for screen readers', async () => {
    renderApp();
    const list = await screen.findByRole('list', { name: 'Danh sách thư' });
    const items = await within(list).findAllByRole('listitem');
    expect(items.length).toBeGreaterThan(5);
    expect(items.length).toBeLessThan(40);
    expect(items[0]!.getAttribute('aria-setsize')).toBe('120');
    expect(items[0]!.getAttribute('aria-posinset')).toBe('1');
  });

  it('selects one row, then a range with shift-click, then everything in the folder', async () => {
    renderApp();
    const user = userEvent.setup();
    await screen.findByText('Công văn số 120');
    await user.click(within(rowOf('Công văn số 120')).getByRole('checkbox'));
    expect(screen.getByText('Đã chọn 1 thư')).toBeTruthy();
    await user.keyboard('{Shift>}');
    await user.click(within(rowOf('Công văn số 116')).getByRole('checkbox'));
    await user.keyboard('{/Shift}');
    expect(screen.getByText('Đã chọn 5 thư')).toBeTruthy();
    for (const uid of [120, 119, 118, 117, 116]) {
      expect((within(rowOf(`Công văn số ${uid}`)).getByRole('checkbox') as HTMLInputElement).checked).toBe(
        true,
      );
    }
    expect((within(rowOf('Công văn số 115')).getByRole('checkbox') as HTMLInputElement).checked).toBe(false);

    await user.click(screen.getByRole('checkbox', { name: 'Chọn tất cả thư đang hiển thị' }));
    await user.click(screen.getByRole('checkbox', { name: 'Chọn tất cả thư đang hiển thị' }));
    await user.click(await screen.findByRole('button', { name: 'Chọn tất cả 120 thư trong thư mục' }));
    expect(screen.getByText('Đã chọn tất cả 120 thư trong thư mục')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Đánh dấu đã đọc' }));
    await waitFor(() =>
      expect(posts.at(-1)?.body).toEqual({ all: true, filter: 'all', add: ['seen'], remove: [] }),
    );
  });

  it('marks read at once, and puts it back with a visible error when the server refuses', async () => {
    refuseFlags = true;
    renderApp();
    const user = userEvent.setup();
    await screen.findByText('Công văn số 120');
    expect(rowOf('Công văn số 120').className).toContain('unread');
    await user.click(within(rowOf('Công văn số 120')).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Đánh dấu đã đọc' }));
    // Optimistic: read before the server has answered.
    expect(rowOf('Công văn số 120').className).not.toContain('unread');
    const alert = await screen.findByText(/Máy chủ thư từ chối thao tác/);
    expect(alert.textContent).toContain('Không thực hiện được.');
    await waitFor(() => expect(rowOf('Công văn số 120').className).toContain('unread'));
    expect(posts[0]?.body).toEqual({ uids: [120], add: ['seen'], remove: [] });
  });

  it('deletes at once with a toast whose “Hoàn tác” moves the message back by its new UID', async () => {
    renderApp();
    const user = userEvent.setup();
    await screen.findByText('Công văn số 119');
    await user.click(within(rowOf('Công văn số 119')).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Xóa' }));
    expect(screen.queryByText('Công văn số 119')).toBeNull();
    await waitFor(() => expect(posts.length).toBe(1));
    expect(await screen.findByText('Đã chuyển 1 thư vào Thùng rác.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    await waitFor(() =>
      expect(posts.at(-1)).toEqual({
        url: '/api/mailboxes/Trash/messages/move',
        body: { uids: [900], destination: 'INBOX' },
      }),
    );
    expect(await screen.findByText('Đã hoàn tác.')).toBeTruthy();
  });

  it('empties Trash only after the alert dialog is confirmed', async () => {
    window.history.replaceState(null, '', '/thu/Trash');
    inbox = rows(3);
    server.use(
      http.get(routeUrl(messageRoutes.list, { mailbox: 'Trash' }), ({ request }) =>
        HttpResponse.json({ ...pageOf(inbox, new URL(request.url)), mailbox: 'Trash' }),
      ),
    );
    renderApp();
    const user = userEvent.setup();
    await screen.findByText('Công văn số 3');
    await user.click(screen.getByRole('button', { name: 'Dọn sạch Thùng rác' }));
    let dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('sẽ bị xóa vĩnh viễn');
    expect(document.activeElement?.textContent).toBe('Quay lại');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(posts).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Dọn sạch Thùng rác' }));
    dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Dọn sạch' }));
    await waitFor(() => expect(posts).toEqual([{ url: '/api/mailboxes/Trash/empty', body: {} }]));
    expect(await screen.findByText('Thư mục này chưa có thư nào.')).toBeTruthy();
  });

  it('j/k move, Enter opens, r asks compose to reply, # deletes the open message and goes back to the list', async () => {
    server.use(http.get(apiPattern(messageRoutes.get), () => HttpResponse.json({}, { status: 404 })));
    const composeRequests: unknown[] = [];
    const onCompose = (e: Event) => composeRequests.push((e as CustomEvent).detail);
    window.addEventListener('webmail:compose', onCompose);
    renderApp();
    const user = userEvent.setup();
    await screen.findByText('Công văn số 120');
    await user.keyboard('jjk');
    expect(rowOf('Công văn số 119').className).toContain('cursor');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.pathname).toBe('/thu/INBOX/119'));
    await user.keyboard('r');
    expect(composeRequests).toEqual([{ mode: 'reply', mailbox: 'INBOX', uid: 119 }]);
    await user.keyboard('#');
    await waitFor(() =>
      expect(posts.at(-1)).toEqual({ url: '/api/mailboxes/INBOX/messages/delete', body: { uids: [119] } }),
    );
    // Back to the list, nothing else opened (so nothing else marked read); the neighbour has the focus.
    await waitFor(() => expect(window.location.pathname).toBe('/thu/INBOX'));
    await waitFor(() => expect(document.activeElement?.closest('li')).toBe(rowOf('Công văn số 118')));
    expect(posts.filter((p) => p.url.endsWith('/flags'))).toEqual([]);
    window.removeEventListener('webmail:compose', onCompose);
  });

  it('with “open the next message” set, deleting the open message opens the next one', async () => {
    server.use(
      http.get(apiPattern(messageRoutes.get), () => HttpResponse.json({}, { status: 404 })),
      http.get(apiPattern(settingsRoutes.get), () => HttpResponse.json({ afterMessageAction: 'next' })),
    );
    window.history.replaceState(null, '', '/thu/INBOX/119');
    renderApp();
    const user = userEvent.setup();
    await screen.findByText('Công văn số 119');
    await waitFor(() => expect(rowOf('Công văn số 119').className).toContain('selected'));
    await user.keyboard('#');
    await waitFor(() => expect(window.location.pathname).toBe('/thu/INBOX/118'));
  });

  it('after clicking a folder, j j Enter opens the message under the cursor, not the folder again', async () => {
    server.use(http.get(apiPattern(messageRoutes.get), () => HttpResponse.json({}, { status: 404 })));
    renderApp();
    const user = userEvent.setup();
    await screen.findByText('Công văn số 120');
    await user.click(screen.getByRole('link', { name: /Hộp thư đến/ }));
    await user.keyboard('jj');
    expect(rowOf('Công văn số 118').className).toContain('cursor');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.pathname).toBe('/thu/INBOX/118'));
  });
});
