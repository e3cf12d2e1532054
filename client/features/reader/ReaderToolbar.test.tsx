import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MessageDetail, MessagePage, MessageRow, MoveResult } from '../../../common/contract';
import { quotaRoutes, sessionRoutes } from '../../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../../common/routes/mail';
import { publicConfigRoutes } from '../../../common/routes/site';
import { apiPattern } from '../../test/api-pattern';
import { hostileMessage, mailboxes, publicConfig, session } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/setup';
import { useToasts } from '../../ui/toast-store';
import { useListStore } from '../mailbox/list-store';

/** Five messages, UIDs 5…1, all unread but the open one (3). */
function rows(): MessageRow[] {
  return [5, 4, 3, 2, 1].map((uid) => ({
    uid,
    from: { name: 'Nguyễn Văn An', address: 'annv.sttt@binhphuoc.gov.vn' },
    to: [
      { name: 'Trần Thị Bình', address: 'binhtt.sgddt@binhphuoc.gov.vn' },
      { name: '', address: 'vanthu.vpubnd@binhphuoc.gov.vn' },
    ],
    subject: `Công văn số ${uid}`,
    date: new Date(Date.UTC(2026, 10, 1, uid)).toISOString(),
    flags: { seen: uid === 3, flagged: false, answered: false, draft: false },
    size: 1000,
    hasAttachments: false,
    preview: `Nội dung ${uid}`,
  }));
}

const page = (mailbox: string, messages: MessageRow[]): MessagePage => ({
  mailbox,
  total: messages.length,
  unread: messages.filter((m) => !m.flags.seen).length,
  uidValidity: '1',
  offset: 0,
  version: `v${messages.length}`,
  messages,
  nextCursor: null,
});

const rowOf = (subject: string) => screen.getByText(subject).closest('li') as HTMLElement;

describe('the reader toolbar and the row quick actions', { timeout: 20_000 }, () => {
  let inbox: MessageRow[];
  let posts: { url: string; body: unknown }[];
  let opened: number[];

  beforeEach(() => {
    useListStore.getState().reset();
    useToasts.setState({ toasts: [] });
    inbox = rows();
    posts = [];
    opened = [];
    const record = async (request: Request) => {
      const body = await request.json();
      posts.push({ url: new URL(request.url).pathname, body });
      return body as { uids: number[] };
    };
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json(session)),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(quotaRoutes.get), () =>
        HttpResponse.json({ usedBytes: 1, limitBytes: 10, level: 'ok' }),
      ),
      http.get(apiPattern(messageRoutes.list), ({ params }) =>
        HttpResponse.json(page(String(params.mailbox), params.mailbox === 'INBOX' ? inbox : rows())),
      ),
      http.get(apiPattern(messageRoutes.get), ({ params }) => {
        const uid = Number(params.uid);
        opened.push(uid);
        const row = inbox.find((m) => m.uid === uid);
        const detail: MessageDetail = {
          ...hostileMessage,
          uid,
          mailbox: 'INBOX',
          subject: row?.subject ?? '',
          html: null,
          text: 'Kính gửi anh.',
          attachments: [],
          flags: row?.flags ?? hostileMessage.flags,
        };
        return HttpResponse.json(detail);
      }),
      http.post(apiPattern(messageRoutes.setFlags), async ({ request }) => {
        const { uids, add } = (await record(request)) as { uids: number[]; add: string[] };
        inbox = inbox.map((m) =>
          uids.includes(m.uid) ? { ...m, flags: { ...m.flags, seen: add.includes('seen') } } : m,
        );
        return new HttpResponse(null, { status: 204 });
      }),
      http.post(apiPattern(messageRoutes.move), async ({ request }) => {
        const { uids } = await record(request);
        inbox = inbox.filter((m) => !uids.includes(m.uid));
        const result: MoveResult = {
          source: 'INBOX',
          destination: 'Archive',
          count: uids.length,
          uids,
          newUids: uids.map((_, i) => 700 + i),
        };
        return HttpResponse.json(result);
      }),
    );
  });

  it('archives the open message, goes back to the list and opens (and marks read) nothing else', async () => {
    window.history.replaceState(null, '', '/thu/INBOX/3');
    renderApp();
    const user = userEvent.setup();
    const toolbar = await screen.findByRole('toolbar', { name: 'Thao tác với thư đang mở' });
    for (const name of ['Trả lời', 'Trả lời tất cả', 'Chuyển tiếp', 'Lưu trữ', 'Xóa', 'Gắn cờ', 'In thư'])
      expect(within(toolbar).getByRole('button', { name })).toBeTruthy();
    await user.click(within(toolbar).getByRole('button', { name: 'Lưu trữ' }));
    await waitFor(() => expect(window.location.pathname).toBe('/thu/INBOX'));
    await waitFor(() => expect(posts.map((p) => p.url)).toEqual(['/api/mailboxes/INBOX/messages/move']));
    expect(posts[0]?.body).toEqual({ uids: [3], special: 'archive' });
    // The neighbour below has the focus and is still unread; only the archived message was opened.
    await waitFor(() => expect(document.activeElement?.closest('li')).toBe(rowOf('Công văn số 2')));
    expect(rowOf('Công văn số 2').className).toContain('unread');
    expect(opened).toEqual([3]);
  });

  it('marks the open message unread and closes it; the ⋯ menu offers forward as attachment', async () => {
    window.history.replaceState(null, '', '/thu/INBOX/3');
    renderApp();
    const user = userEvent.setup();
    const toolbar = await screen.findByRole('toolbar', { name: 'Thao tác với thư đang mở' });
    await user.click(within(toolbar).getByRole('button', { name: 'Thao tác khác' }));
    const menu = screen.getByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Chuyển tiếp dạng tệp đính kèm' })).toBe(
      document.activeElement,
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(within(toolbar).getByRole('button', { name: 'Thao tác khác' }));
    await user.click(within(toolbar).getByRole('button', { name: 'Đánh dấu chưa đọc' }));
    await waitFor(() => expect(window.location.pathname).toBe('/thu/INBOX'));
    expect(posts.at(-1)).toEqual({
      url: '/api/mailboxes/INBOX/messages/flags',
      body: { uids: [3], add: [], remove: ['seen'] },
    });
    expect(rowOf('Công văn số 3').className).toContain('unread');
  });

  it('a row’s quick actions act on that row only, whatever else is selected', async () => {
    window.history.replaceState(null, '', '/thu/INBOX');
    renderApp();
    const user = userEvent.setup();
    await screen.findByText('Công văn số 5');
    const group = within(rowOf('Công văn số 5')).getByRole('group', {
      name: 'Thao tác nhanh với thư Công văn số 5',
    });
    await user.click(within(rowOf('Công văn số 4')).getByRole('checkbox'));
    await user.click(within(group).getByRole('button', { name: 'Đánh dấu đã đọc — Công văn số 5' }));
    await waitFor(() =>
      expect(posts.at(-1)).toEqual({
        url: '/api/mailboxes/INBOX/messages/flags',
        body: { uids: [5], add: ['seen'], remove: [] },
      }),
    );
    await user.click(within(group).getByRole('button', { name: 'Lưu trữ — Công văn số 5' }));
    await waitFor(() => expect(posts.at(-1)?.body).toEqual({ uids: [5], special: 'archive' }));
    // The selection of another row is left alone.
    expect((within(rowOf('Công văn số 4')).getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
  });

  it('Sent and Drafts name the recipients of each row, not the user', async () => {
    window.history.replaceState(null, '', '/thu/Sent');
    renderApp();
    const rowsShown = await screen.findAllByText('Đến: Trần Thị Bình, vanthu.vpubnd@binhphuoc.gov.vn');
    expect(rowsShown.length).toBe(5);
    expect(screen.queryByText('Nguyễn Văn An')).toBeNull();
  });
});
