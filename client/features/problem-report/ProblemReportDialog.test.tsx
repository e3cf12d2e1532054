import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewProblemReport } from '../../../common/contract';
import { routeUrl } from '../../../common/contract/route';
import { quotaRoutes, sessionRoutes } from '../../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../../common/routes/mail';
import { problemReportRoutes, publicConfigRoutes } from '../../../common/routes/site';
import { apiPattern } from '../../test/api-pattern';
import { hostileMessage, inboxPage, mailboxes, publicConfig, session } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/setup';

describe('reporting a message or a fault (Đ13.7)', { timeout: 20_000 }, () => {
  let sent: NewProblemReport[];
  let answer: () => Response;

  beforeEach(() => {
    sent = [];
    answer = () => HttpResponse.json({ id: 7, forwarded: true, movedToJunk: false });
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json(session)),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(quotaRoutes.get), () =>
        HttpResponse.json({ usedBytes: 1, limitBytes: 2 * 1024 ** 3, level: 'ok' }),
      ),
      http.get(routeUrl(messageRoutes.list, { mailbox: 'INBOX' }), () => HttpResponse.json(inboxPage)),
      http.get(routeUrl(messageRoutes.get, { mailbox: 'INBOX', uid: 3 }), () =>
        HttpResponse.json(hostileMessage),
      ),
      http.post(
        routeUrl(messageRoutes.setFlags, { mailbox: 'INBOX' }),
        () => new HttpResponse(null, { status: 204 }),
      ),
      http.post(apiPattern(problemReportRoutes.submit), async ({ request }) => {
        sent.push((await request.json()) as NewProblemReport);
        return answer();
      }),
    );
    window.history.replaceState(null, '', '/thu/INBOX/3');
  });

  it('reports the open message as spam with a note, and leaves the message that went to Junk', async () => {
    answer = () => HttpResponse.json({ id: 7, forwarded: true, movedToJunk: true });
    renderApp();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Báo cáo thư' }));
    const dialog = screen.getByRole('dialog', { name: 'Báo cáo thư này' });
    expect(within(dialog).getByRole('radio', { name: 'Thư rác' })).toHaveProperty('checked', true);
    expect(within(dialog).getByText('Thư sẽ được chuyển vào thư mục Thư rác.')).toBeTruthy();
    expect(within(dialog).getByText('Một bản của thư sẽ được gửi tới hotro@binhphuoc.gov.vn.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Ghi chú (không bắt buộc)'), 'Giả danh lãnh đạo');
    await user.click(within(dialog).getByRole('button', { name: 'Gửi báo cáo' }));

    await waitFor(() =>
      expect(sent).toEqual([{ kind: 'spam', mailbox: 'INBOX', uid: 3, note: 'Giả danh lãnh đạo' }]),
    );
    expect(await screen.findByText('Đã gửi báo cáo; thư đã được chuyển vào Thư rác.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(window.location.pathname).toBe('/thu/INBOX'));
  });

  it('says a virus report leaves the message in place, and shows the refusal when over the limit', async () => {
    answer = () =>
      HttpResponse.json(
        { error: { code: 'too_many_reports', message: '', details: { minutes: 12 } } },
        { status: 429 },
      );
    renderApp();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Báo cáo thư' }));
    const dialog = screen.getByRole('dialog', { name: 'Báo cáo thư này' });
    await user.click(within(dialog).getByRole('radio', { name: 'Thư có vi-rút' }));
    expect(within(dialog).getByText(/Thư vẫn ở nguyên chỗ cũ/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Gửi báo cáo' }));
    expect(
      await within(dialog).findByText('Anh/chị đã gửi quá nhiều báo cáo. Vui lòng thử lại sau 12 phút.'),
    ).toBeTruthy();
    expect(sent).toEqual([{ kind: 'virus', mailbox: 'INBOX', uid: 3 }]);
    expect(window.location.pathname).toBe('/thu/INBOX/3');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('reports a fault from the account menu: a description is needed, the page goes along', async () => {
    renderApp();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /^Tài khoản / }));
    await user.click(screen.getByRole('button', { name: 'Báo lỗi' }));
    const dialog = screen.getByRole('dialog', { name: 'Báo lỗi cho bộ phận hỗ trợ' });
    const send = within(dialog).getByRole('button', { name: 'Gửi báo cáo' });
    expect(send).toHaveProperty('disabled', true);
    expect(
      within(dialog).getByRole('checkbox', { name: 'Gửi kèm trang đang xem (/thu/INBOX/3)' }),
    ).toHaveProperty('checked', true);
    await user.type(within(dialog).getByLabelText('Mô tả lỗi'), 'Không mở được tệp PDF');
    await user.click(send);
    await waitFor(() =>
      expect(sent).toEqual([{ kind: 'fault', note: 'Không mở được tệp PDF', page: '/thu/INBOX/3' }]),
    );
    expect(await screen.findByText('Đã gửi báo cáo tới bộ phận hỗ trợ.')).toBeTruthy();
  });
});
