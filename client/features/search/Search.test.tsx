import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLocation } from 'wouter';
import type { SearchHit, SearchPage } from '../../../common/contract';
import { mailboxRoutes, searchRoutes } from '../../../common/routes/mail';
import { publicConfigRoutes } from '../../../common/routes/site';
import { createI18n } from '../../i18n/i18n';
import { apiPattern } from '../../test/api-pattern';
import { mailboxes, publicConfig } from '../../test/fixtures';
import { server } from '../../test/setup';
import { parseMailPath } from '../mailbox/routes';
import { SearchBox } from './SearchBox';
import { SearchResultsOr } from './SearchResults';

const hit = (over: Partial<SearchHit>): SearchHit => ({
  mailbox: 'INBOX',
  uid: 1,
  from: { name: 'Trần Văn Thanh', address: 'thanhtv.sttt@binhphuoc.gov.vn' },
  to: [],
  subject: 'Công văn số 125 về chuyển đổi số',
  date: '2026-11-20T02:00:00.000Z',
  flags: { seen: true, flagged: false, answered: false, draft: false },
  size: 2000,
  hasAttachments: false,
  preview: 'Kính gửi các phòng ban',
  ...over,
});

const page = (hits: SearchHit[], more: Partial<SearchPage> = {}): SearchPage => ({
  hits,
  nextCursor: null,
  scanned: 120,
  remaining: 0,
  ...more,
});

/** A row's subject as the user reads it, whatever parts of it the search's marks split off. */
const subjectIs = (subject: string) => (_: string, el: Element | null) =>
  el?.classList.contains('row-subject') === true && el.textContent === subject;

/** The search box and the list pane as MailScreen mounts them, on the real router and catalogue. */
function Screen() {
  useLocation();
  const route = parseMailPath(window.location.pathname) ?? { mailbox: 'INBOX', uid: null };
  return (
    <>
      <SearchBox currentMailbox={route.mailbox} currentLabel="Hộp thư đến" />
      <SearchResultsOr mailbox={route.mailbox} uid={route.uid}>
        <p>Danh sách thư của thư mục</p>
      </SearchResultsOr>
    </>
  );
}

function renderSearch() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={createI18n('vi')}>
      <QueryClientProvider client={queryClient}>
        <Screen />
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe('search', () => {
  let requests: URLSearchParams[];
  let answers: SearchPage[];

  beforeEach(() => {
    window.history.replaceState(null, '', '/thu/INBOX');
    requests = [];
    answers = [];
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(searchRoutes.search), ({ request }) => {
        requests.push(new URL(request.url).searchParams);
        const answer = answers.shift();
        return answer
          ? HttpResponse.json(answer)
          : HttpResponse.json({ error: { code: 'internal_error', message: 'x' } }, { status: 500 });
      }),
    );
  });

  it('searches all folders on Enter and lists hits like message rows, each with its folder', async () => {
    answers.push(
      page([
        hit({ uid: 9, subject: 'Công văn đã xóa', mailbox: 'Trash', date: '2026-11-25T02:00:00.000Z' }),
        hit({
          uid: 3,
          flags: { seen: false, flagged: false, answered: false, draft: false },
          hasAttachments: true,
        }),
      ]),
    );
    const user = userEvent.setup();
    renderSearch();
    expect(screen.getByText('Danh sách thư của thư mục')).toBeTruthy();
    await user.type(screen.getByRole('searchbox', { name: 'Tìm kiếm thư' }), 'cong van{Enter}');

    const list = await screen.findByRole('list', { name: 'Kết quả tìm kiếm' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Công văn đã xóa');
    expect(rows[0]!.textContent).toContain('Thùng rác'); // the folder, by its Vietnamese name
    expect(rows[1]!.textContent).toContain('Hộp thư đến');
    expect(rows[1]!.className).toContain('unread');
    expect(within(rows[1]!).getByLabelText('Có tệp đính kèm')).toBeTruthy();
    expect(screen.getByText(/Tất cả thư mục · Tìm thấy 2 thư/)).toBeTruthy();
    expect(screen.queryByText('Danh sách thư của thư mục')).toBeNull();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.get('q')).toBe('cong van');
    expect(requests[0]!.has('mailbox')).toBe(false);
  });

  it('opens a hit at /thu/<folder>/<uid> and keeps the results, the open one marked', async () => {
    answers.push(page([hit({ uid: 9, mailbox: 'Dự án/Chuyển đổi số', subject: 'Giấy mời họp' })]));
    const user = userEvent.setup();
    renderSearch();
    await user.type(screen.getByRole('searchbox'), 'giay moi{Enter}');
    await user.click(await screen.findByText(subjectIs('Giấy mời họp')));
    expect(window.location.pathname).toBe(`/thu/${encodeURIComponent('Dự án/Chuyển đổi số')}/9`);
    const row = screen.getByRole('button', { current: true });
    expect(row.textContent).toContain('Giấy mời họp');
  });

  it('sends the advanced criteria: dd/MM/yyyy dates, "up to" inclusive, unread, current folder', async () => {
    answers.push(page([]));
    const user = userEvent.setup();
    renderSearch();
    await user.click(screen.getByRole('button', { name: 'Tìm kiếm nâng cao' }));
    const panel = screen.getByRole('form', { name: 'Tìm kiếm nâng cao' });
    await user.type(within(panel).getByLabelText('Người gửi'), 'le minh tuan');
    await user.type(within(panel).getByLabelText('Nội dung'), 'uy ban');
    await user.type(within(panel).getByLabelText('Từ ngày'), '1/11/2026');
    await user.type(within(panel).getByLabelText('Đến ngày'), '30/11/2026');
    await user.click(within(panel).getByLabelText('Chưa đọc'));
    await user.click(within(panel).getByLabelText('Thư mục “Hộp thư đến”'));
    await user.click(within(panel).getByRole('button', { name: 'Tìm kiếm' }));

    await screen.findByText('Không tìm thấy thư nào.');
    expect(Object.fromEntries(requests[0]!)).toEqual({
      from: 'le minh tuan',
      body: 'uy ban',
      since: '2026-11-01',
      before: '2026-12-01',
      // A yes/no in a query is written as 1 (QueryFlag), as every operation of the table reads it.
      unread: '1',
      mailbox: 'INBOX',
      limit: '30',
    });
    expect(screen.queryByRole('form', { name: 'Tìm kiếm nâng cao' })).toBeNull();
    expect(
      screen.getByText(/Hộp thư đến · Người gửi: le minh tuan · Nội dung: uy ban · Từ ngày 01\/11\/2026/),
    ).toBeTruthy();
    // Six criteria are set: the panel button says so.
    expect(screen.getByRole('button', { name: 'Tìm kiếm nâng cao' }).textContent).toBe('6');
  });

  it('refuses an impossible date in the panel without asking the server', async () => {
    const user = userEvent.setup();
    renderSearch();
    await user.click(screen.getByRole('button', { name: 'Tìm kiếm nâng cao' }));
    const since = screen.getByLabelText('Từ ngày');
    await user.type(since, '31/02/2026');
    await user.click(screen.getByRole('button', { name: 'Tìm kiếm' }));
    expect(since.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.')).toBeTruthy();
    expect(document.activeElement).toBe(since);

    await user.clear(since);
    await user.type(since, '30/11/2026');
    await user.type(screen.getByLabelText('Đến ngày'), '01/11/2026');
    await user.click(screen.getByRole('button', { name: 'Tìm kiếm' }));
    expect(screen.getByText('“Đến ngày” không được trước “Từ ngày”.')).toBeTruthy();
    expect(requests).toHaveLength(0);
  });

  it('keeps looking by itself through pages the server answered empty, showing progress', async () => {
    answers.push(
      page([], { nextCursor: 'c1', scanned: 8000, remaining: 12000 }),
      page([hit({ uid: 4, subject: 'Báo cáo điện tử' })], { nextCursor: null, scanned: 20000, remaining: 0 }),
    );
    const user = userEvent.setup();
    renderSearch();
    await user.type(screen.getByRole('searchbox'), 'dien tu{Enter}');
    await screen.findByText(subjectIs('Báo cáo điện tử'));
    expect(requests.map((r) => r.get('cursor'))).toEqual([null, 'c1']);
    expect(screen.getByText(/Tìm thấy 1 thư/)).toBeTruthy();
  });

  it('says so when nothing matches, and shows the server error in Vietnamese', async () => {
    answers.push(page([]));
    const user = userEvent.setup();
    renderSearch();
    await user.type(screen.getByRole('searchbox'), 'khong co{Enter}');
    await screen.findByText('Không tìm thấy thư nào.');

    server.use(
      http.get(apiPattern(searchRoutes.search), () =>
        HttpResponse.json({ error: { code: 'mailbox_not_found', message: 'x' } }, { status: 404 }),
      ),
    );
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'khac{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Không tìm được.');
    expect(alert.textContent).toContain('Không tìm thấy thư mục.');
  });

  it('Escape ends the search and the folder comes back; so does going to another folder', async () => {
    answers.push(page([hit({})]), page([hit({})]));
    const user = userEvent.setup();
    renderSearch();
    const box = screen.getByRole('searchbox');
    await user.type(box, 'cong van{Enter}');
    await screen.findByRole('list', { name: 'Kết quả tìm kiếm' });
    await user.type(box, '{Escape}');
    expect(screen.getByText('Danh sách thư của thư mục')).toBeTruthy();
    expect((box as HTMLInputElement).value).toBe('');

    await user.type(box, 'cong van{Enter}');
    await screen.findByRole('list', { name: 'Kết quả tìm kiếm' });
    // The folder list navigates (wouter hears pushState).
    act(() => window.history.pushState(null, '', '/thu/Sent'));
    await waitFor(() => expect(screen.getByText('Danh sách thư của thư mục')).toBeTruthy());
    expect(requests).toHaveLength(2); // the same search again asks again
  });

  it('puts the search in the URL: a reload shows it again, Back and Forward move through it', async () => {
    answers.push(
      page([hit({ uid: 9, subject: 'Giấy mời họp' })]),
      page([hit({ uid: 9, subject: 'Giấy mời họp' })]),
    );
    const user = userEvent.setup();
    const first = renderSearch();
    await user.type(screen.getByRole('searchbox'), 'giay moi{Enter}');
    await screen.findByRole('list', { name: 'Kết quả tìm kiếm' });
    expect(`${window.location.pathname}${window.location.search}`).toBe('/thu/INBOX?q=giay+moi');

    // Opening a hit keeps the search in the new entry's URL.
    await user.click(await screen.findByText(subjectIs('Giấy mời họp')));
    expect(`${window.location.pathname}${window.location.search}`).toBe('/thu/INBOX/9?q=giay+moi');

    // Back: the results, still searched; Back again: the folder before the search.
    act(() => window.history.back());
    await waitFor(() => expect(window.location.pathname).toBe('/thu/INBOX'));
    expect(window.location.search).toBe('?q=giay+moi');
    expect(screen.getByRole('list', { name: 'Kết quả tìm kiếm' })).toBeTruthy();
    act(() => window.history.back());
    await waitFor(() => expect(screen.getByText('Danh sách thư của thư mục')).toBeTruthy());
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
    act(() => window.history.forward());
    await screen.findByRole('list', { name: 'Kết quả tìm kiếm' });
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('giay moi');

    // A reload: a new page on the same URL searches again, the box filled in.
    first.unmount();
    window.history.replaceState(null, '', '/thu/INBOX?q=giay+moi&unread=1&in=INBOX');
    renderSearch();
    await screen.findByRole('list', { name: 'Kết quả tìm kiếm' });
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('giay moi');
    expect(Object.fromEntries(requests.at(-1)!)).toMatchObject({
      q: 'giay moi',
      unread: '1',
      mailbox: 'INBOX',
    });
    expect(window.location.search).toBe('?q=giay+moi&unread=1&in=INBOX');
  });

  it('marks the words it found, typed without tones, in sender, subject and preview', async () => {
    answers.push(
      page([
        hit({
          subject: 'Công văn số 125 về chuyển đổi số',
          from: { name: 'Đặng Văn Đức', address: 'ducdv.sttt@binhphuoc.gov.vn' },
          preview: 'Kèm công văn hướng dẫn; Uỷ ban nhân dân tỉnh',
        }),
      ]),
    );
    const user = userEvent.setup();
    renderSearch();
    await user.type(screen.getByRole('searchbox'), 'cong van, dang van{Enter}');
    const list = await screen.findByRole('list', { name: 'Kết quả tìm kiếm' });
    const marks = [...list.querySelectorAll('mark.search-mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Đặng Văn', 'Công văn', 'công văn']);
    expect(list.querySelector('.row-subject')?.innerHTML).toBe(
      '<mark class="search-mark">Công văn</mark> số 125 về chuyển đổi số',
    );
  });
});
