import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComposePrefill } from '../../../common/contract';
import { composeRoutes } from '../../../common/routes/compose';
import { apiPattern } from '../../test/api-pattern';
import { bigFile, nextSentFile, renderCompose } from '../../test/compose-kit';
import { server } from '../../test/setup';

const MB = 1024 * 1024;
const LAZY = { timeout: 5_000 };

async function openNew(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Soạn thư' }));
  // The first window waits for the compose chunk (TipTap) to load.
  const dialog = await screen.findByRole('dialog', { name: 'Soạn thư: Thư mới' }, LAZY);
  const editor = await within(dialog).findByRole('textbox', { name: 'Nội dung thư' }, LAZY);
  return { dialog, editor };
}

const attachInput = (dialog: HTMLElement) =>
  within(dialog).getByLabelText('Đính kèm tệp', { selector: 'input' });

/** The tab goes to the background and comes back: the compose window saves its draft at once. */
function hideTabForAMoment() {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  fireEvent(document, new Event('visibilitychange'));
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('compose window', () => {
  it('opens the lazily loaded editor and formats with the toolbar', async () => {
    const { calls } = renderCompose();
    const user = userEvent.setup();
    const { dialog, editor } = await openNew(user);
    await user.click(editor);
    const bold = within(dialog).getByRole('button', { name: 'Chữ đậm (Ctrl+B)' });
    await user.click(bold);
    await user.keyboard('Kính gửi');
    expect(bold.getAttribute('aria-pressed')).toBe('true');
    await user.click(within(dialog).getByRole('button', { name: 'Danh sách dấu đầu dòng' }));
    expect(editor.innerHTML).toContain('<strong>Kính gửi</strong>');
    expect(editor.querySelector('ul li')?.textContent).toBe('Kính gửi');
    await user.click(within(dialog).getByRole('button', { name: 'Hoàn tác (Ctrl+Z)' }));
    expect(editor.querySelector('ul')).toBeNull();
    expect(calls.drafts).toEqual([]);
    // The first window of the file compiles and loads the compose chunk: up to LAZY on its own,
    // so the test as a whole needs more than vitest's default 5 s on a busy machine.
  }, 15_000);

  it('splits pasted addresses into chips and shows the invalid one as such', async () => {
    renderCompose();
    const user = userEvent.setup();
    const { dialog } = await openNew(user);
    const to = within(dialog).getByRole('combobox', { name: 'Đến' });
    await user.click(to);
    await user.paste('a@binhphuoc.gov.vn, nguyenvana; Trần Văn C <c@sttt.binhphuoc.gov.vn>');
    const chips = within(within(dialog).getByRole('list', { name: 'Đến' })).getAllByRole('listitem');
    expect(chips.map((c) => c.textContent)).toEqual(['a@binhphuoc.gov.vn×', 'nguyenvana×', 'Trần Văn C×']);
    const invalid = within(dialog).getByRole('button', { name: 'Địa chỉ không hợp lệ: nguyenvana' });
    expect(invalid.getAttribute('aria-invalid')).toBe('true');
    expect(chips[1]!.className).toContain('chip-invalid');

    // Sending is stopped before anything leaves, naming the address to fix.
    await user.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    expect(within(dialog).getByText(/Có địa chỉ không hợp lệ: nguyenvana\./)).toBeTruthy();

    // A click on the red chip puts it back in the field to be corrected.
    await user.click(invalid);
    expect((to as HTMLInputElement).value).toBe('nguyenvana');
    await user.type(to, '@binhphuoc.gov.vn{Enter}');
    expect(within(dialog).queryByRole('button', { name: /Địa chỉ không hợp lệ/ })).toBeNull();
    expect(
      within(dialog).getByRole('button', { name: 'Người nhận nguyenvana@binhphuoc.gov.vn' }),
    ).toBeTruthy();
  });

  it('completes addresses from the directory and recent recipients', async () => {
    renderCompose();
    server.use(
      http.get(apiPattern(composeRoutes.contacts), ({ request }) =>
        HttpResponse.json({
          contacts:
            new URL(request.url).searchParams.get('q') === 'dung'
              ? [
                  {
                    name: 'Phạm Quốc Dũng',
                    address: 'dungpq.vpubnd@binhphuoc.gov.vn',
                    source: 'directory',
                    unit: 'VP UBND',
                  },
                  { name: '', address: 'dung@example.vn', source: 'recent', unit: null },
                ]
              : [],
        }),
      ),
    );
    const user = userEvent.setup();
    const { dialog } = await openNew(user);
    await user.type(within(dialog).getByRole('combobox', { name: 'Đến' }), 'dung');
    const list = await within(dialog).findByRole('listbox', { name: 'Gợi ý địa chỉ' });
    const options = within(list).getAllByRole('option');
    expect(options[0]!.textContent).toContain('Phạm Quốc Dũng');
    expect(options[0]!.textContent).toContain('Danh bạ tỉnh');
    expect(options[1]!.textContent).toContain('Đã gửi gần đây');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(within(dialog).getByRole('button', { name: 'Người nhận dung@example.vn' })).toBeTruthy();

    // Suggestions for older text are never what Enter takes: a typed address goes as typed.
    const to = within(dialog).getByRole('combobox', { name: 'Đến' });
    await user.type(to, 'dung');
    await within(dialog).findByRole('listbox', { name: 'Gợi ý địa chỉ' });
    await user.clear(to);
    await user.type(to, 'hoa@binhphuoc.gov.vn{Enter}');
    expect(within(dialog).getByRole('button', { name: 'Người nhận hoa@binhphuoc.gov.vn' })).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: /Phạm Quốc Dũng/ })).toBeNull();
  });

  it('refuses at once a file that would pass the cap, saying the limit and the total, and keeps the rest', async () => {
    const { calls } = renderCompose();
    const user = userEvent.setup();
    const { dialog } = await openNew(user);
    await user.upload(attachInput(dialog), bigFile('Báo cáo quý.pdf', 19 * MB));
    await within(dialog).findByText('Báo cáo quý.pdf');
    await waitFor(() => expect(calls.uploads).toHaveLength(1));

    await user.upload(attachInput(dialog), bigFile('Phụ lục.pdf', 2 * MB));
    expect(
      within(dialog).getByText(
        'Không đính kèm được “Phụ lục.pdf” (2 MB): tổng dung lượng tệp đính kèm của một thư không được vượt quá 20 MB (Quy chế, điểm b khoản 2 Điều 7). Thư này đã đính kèm 19 MB.',
      ),
    ).toBeTruthy();
    expect(calls.uploads.map((u) => u.filename)).toEqual(['Báo cáo quý.pdf']);
    expect(within(dialog).getByText('Báo cáo quý.pdf')).toBeTruthy();
    expect(within(dialog).queryByText('Phụ lục.pdf')).toBeNull();
    expect(within(dialog).getByText('Đã đính kèm 19 MB / 20 MB')).toBeTruthy();
  });

  it('shows the proxy’s own refusal (413) on the file and lets it be removed', async () => {
    renderCompose();
    server.use(
      http.post(apiPattern(composeRoutes.upload), () =>
        HttpResponse.json(
          {
            error: { code: 'attachment_too_large', message: '', details: { limit: '20 MB', total: '0 MB' } },
          },
          { status: 413 },
        ),
      ),
    );
    const user = userEvent.setup();
    const { dialog } = await openNew(user);
    await user.upload(attachInput(dialog), new File(['x'.repeat(10)], 'lạ.zip'));
    expect(
      await within(dialog).findByText(
        /Không tải lên được lạ\.zip\. Tổng dung lượng tệp đính kèm của một thư không được vượt quá 20 MB/,
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Bỏ tệp lạ.zip' }));
    expect(within(dialog).queryByText('lạ.zip')).toBeNull();
  });

  it('shows a progress bar while a file uploads, then lets it be removed from the proxy', async () => {
    const { calls } = renderCompose();
    let finish: () => void = () => undefined;
    server.use(
      http.post(apiPattern(composeRoutes.upload), async ({ request }) => {
        const file = (await request.formData()).get('file') as File;
        const sent = nextSentFile(file);
        calls.uploads.push({
          composeId: '',
          filename: sent.name,
          size: sent.size,
          csrf: request.headers.get('x-csrf-token'),
        });
        await new Promise<void>((resolve) => {
          finish = resolve;
        });
        const filename = sent.name.split('\\').pop()!;
        return HttpResponse.json(
          { id: 'up-9', filename, contentType: file.type, size: sent.size },
          { status: 201 },
        );
      }),
    );
    const user = userEvent.setup();
    const { dialog } = await openNew(user);
    await user.upload(
      attachInput(dialog),
      new File(['%PDF-1.4 nội dung'], 'C:\\Users\\thanh\\Công văn 125.pdf'),
    );
    const bar = await within(dialog).findByRole('progressbar', { name: /Đang tải lên .*Công văn 125\.pdf/ });
    expect(bar).toBeTruthy();
    await waitFor(() => expect(calls.uploads).toHaveLength(1));
    expect(calls.uploads[0]!.csrf).toBe('csrf-123');
    act(() => finish());
    await waitFor(() => expect(within(dialog).queryByRole('progressbar')).toBeNull());
    await user.click(within(dialog).getByRole('button', { name: /Bỏ tệp .*Công văn 125\.pdf/ }));
    await waitFor(() => expect(calls.deletes).toEqual(['up-9']));
    expect(within(dialog).queryByText(/Công văn 125\.pdf/)).toBeNull();
  });

  it('autosaves once per pause, under the same composeId, each save replacing the last draft', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { calls } = renderCompose();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: 'Soạn thư' }));
    const dialog = await screen.findByRole('dialog', { name: 'Soạn thư: Thư mới' }, LAZY);
    const subject = within(dialog).getByRole('textbox', { name: 'Tiêu đề' });
    for (const ch of 'Họp giao ban') {
      await user.type(subject, ch);
      await act(() => vi.advanceTimersByTimeAsync(500));
    }
    expect(calls.drafts).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    await waitFor(() => expect(calls.drafts).toHaveLength(1));
    expect(calls.drafts[0]).toMatchObject({ subject: 'Họp giao ban', to: [], attachments: [] });
    expect(calls.drafts[0]!.draftUid).toBeUndefined();
    await waitFor(() => expect(within(dialog).getByText('Đã lưu nháp')).toBeTruthy());

    await user.type(subject, ' tuần');
    await act(() => vi.advanceTimersByTimeAsync(3_500));
    await waitFor(() => expect(calls.drafts).toHaveLength(2));
    expect(calls.drafts[1]).toMatchObject({ subject: 'Họp giao ban tuần', draftUid: 101 });
    expect(calls.drafts[1]!.composeId).toBe(calls.drafts[0]!.composeId);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(calls.drafts).toHaveLength(2);
  });

  it('saves on close, and when the tab is hidden, with keepalive', async () => {
    const { calls } = renderCompose();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const user = userEvent.setup();
    const { dialog } = await openNew(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Tiêu đề' }), 'Nháp');
    hideTabForAMoment();
    await waitFor(() => expect(calls.drafts).toHaveLength(1));
    const draftCall = fetchSpy.mock.calls.find(([url]) => String(url).endsWith('/api/drafts'));
    expect(draftCall?.[1]?.keepalive).toBe(true);
    fetchSpy.mockRestore();

    await user.type(within(dialog).getByRole('textbox', { name: 'Tiêu đề' }), ' 2');
    await user.click(within(dialog).getByRole('button', { name: 'Đóng và lưu nháp' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.drafts.map((d) => [d.subject, d.draftUid])).toEqual([
      ['Nháp', undefined],
      ['Nháp 2', 101],
    ]);
  });

  it('discards a saved draft after a confirmation; a refusal keeps the window with everything', async () => {
    const { calls } = renderCompose();
    const discards: string[] = [];
    let refuse = true;
    server.use(
      http.delete(apiPattern(composeRoutes.discardDraft), ({ request }) => {
        discards.push(new URL(request.url).search);
        return refuse
          ? HttpResponse.json({ error: { code: 'provider_unavailable', message: '' } }, { status: 503 })
          : new HttpResponse(null, { status: 204 });
      }),
    );
    const user = userEvent.setup();
    const { dialog } = await openNew(user);
    await user.type(within(dialog).getByRole('textbox', { name: 'Tiêu đề' }), 'Thư sẽ bỏ');
    hideTabForAMoment();
    await waitFor(() => expect(calls.drafts).toHaveLength(1));
    await waitFor(() => expect(within(dialog).getByText('Đã lưu nháp')).toBeTruthy());

    await user.click(within(dialog).getByRole('button', { name: 'Bỏ thư nháp' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Bỏ thư nháp này?' });
    await user.click(within(confirm).getByRole('button', { name: 'Bỏ thư nháp' }));
    await screen.findByText('Máy chủ thư đang tạm thời không phản hồi. Vui lòng thử lại sau ít phút.');
    expect(within(dialog).getByRole('textbox', { name: 'Tiêu đề' })).toHaveProperty('value', 'Thư sẽ bỏ');

    refuse = false;
    await user.click(within(dialog).getByRole('button', { name: 'Bỏ thư nháp' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Bỏ thư nháp' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /^Soạn thư/ })).toBeNull());
    await screen.findByText('Đã bỏ thư nháp.');
    const composeId = calls.drafts[0]!.composeId;
    expect(discards).toEqual([
      `?composeId=${composeId}&draftUid=101`,
      `?composeId=${composeId}&draftUid=101`,
    ]);
    // Nothing was saved again after the discard began.
    expect(calls.drafts).toHaveLength(1);
  });

  it('sends after the undo delay, and "Hoàn tác" cancels the send and reopens the window', async () => {
    const { calls } = renderCompose({ limits: { undoSendSeconds: 1 } });
    const user = userEvent.setup();
    const { dialog } = await openNew(user);
    await user.type(within(dialog).getByRole('combobox', { name: 'Đến' }), 'hoa@binhphuoc.gov.vn,');
    await user.type(within(dialog).getByRole('textbox', { name: 'Tiêu đề' }), 'Lịch họp');
    await user.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    expect(await screen.findByText('Đang gửi thư “Lịch họp”…')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    const back = await screen.findByRole('dialog', { name: 'Soạn thư: Lịch họp' });
    await new Promise((r) => setTimeout(r, 1_300));
    expect(calls.sends).toEqual([]);
    expect(within(back).getByRole('button', { name: 'Người nhận hoa@binhphuoc.gov.vn' })).toBeTruthy();

    // Ctrl+Enter sends; after the delay the message goes, once.
    await user.click(within(back).getByRole('textbox', { name: 'Tiêu đề' }));
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Đã gửi thư.', {}, { timeout: 3_000 })).toBeTruthy();
    expect(calls.sends).toHaveLength(1);
    expect(calls.sends[0]).toMatchObject({ subject: 'Lịch họp', to: [{ address: 'hoa@binhphuoc.gov.vn' }] });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps everything when the send fails and says why, then retries with the same key', async () => {
    const { calls } = renderCompose({ limits: { undoSendSeconds: 0 } });
    let fail = true;
    server.use(
      http.post(apiPattern(composeRoutes.send), async ({ request }) => {
        calls.sends.push((await request.json()) as never);
        if (fail) {
          return HttpResponse.json(
            { error: { code: 'send_failed', message: '', details: { draftUid: 77 } } },
            { status: 502 },
          );
        }
        return HttpResponse.json({ messageId: '<x@y>', recipients: 1, sentCopySaved: true, refused: [] });
      }),
    );
    const user = userEvent.setup();
    const { dialog, editor } = await openNew(user);
    await user.type(within(dialog).getByRole('combobox', { name: 'Đến' }), 'hoa@binhphuoc.gov.vn{Enter}');
    await user.type(within(dialog).getByRole('textbox', { name: 'Tiêu đề' }), 'Báo cáo');
    await user.click(editor);
    await user.keyboard('Nội dung quan trọng');
    await user.upload(attachInput(dialog), new File(['abc'], 'bảng.xlsx'));
    await within(dialog).findByRole('button', { name: 'Bỏ tệp bảng.xlsx' });
    await waitFor(() => expect(within(dialog).queryByRole('progressbar')).toBeNull());
    await user.click(within(dialog).getByRole('button', { name: 'Gửi' }));

    const again = await screen.findByRole('dialog', { name: 'Soạn thư: Báo cáo' });
    expect(
      await within(again).findByText(
        /Không gửi được thư: máy chủ thư không phản hồi\. Thư đã được lưu vào Thư nháp/,
      ),
    ).toBeTruthy();
    expect(within(again).getByRole('button', { name: 'Người nhận hoa@binhphuoc.gov.vn' })).toBeTruthy();
    expect((within(again).getByRole('textbox', { name: 'Tiêu đề' }) as HTMLInputElement).value).toBe(
      'Báo cáo',
    );
    expect(within(again).getByRole('textbox', { name: 'Nội dung thư' }).textContent).toBe(
      'Nội dung quan trọng',
    );
    expect(within(again).getByText('bảng.xlsx')).toBeTruthy();

    fail = false;
    await user.click(within(again).getByRole('button', { name: 'Gửi' }));
    expect(await screen.findByText('Đã gửi thư.')).toBeTruthy();
    expect(calls.sends).toHaveLength(2);
    expect(calls.sends[1]!.composeId).toBe(calls.sends[0]!.composeId);
    // The draft the proxy kept is the one the successful send removes.
    expect(calls.sends[1]!.draftUid).toBe(77);
    expect(calls.sends[1]!.attachments).toEqual(['up-1']);
  });

  it('tells a user whose sending is locked why, and keeps the message', async () => {
    renderCompose({ limits: { undoSendSeconds: 0 } });
    server.use(
      http.post(apiPattern(composeRoutes.send), () =>
        HttpResponse.json(
          { error: { code: 'sending_locked', message: '', details: { reason: 'Nghỉ hưu từ 01/12/2026' } } },
          { status: 403 },
        ),
      ),
    );
    const user = userEvent.setup();
    const { dialog } = await openNew(user);
    await user.type(within(dialog).getByRole('combobox', { name: 'Đến' }), 'hoa@binhphuoc.gov.vn{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    const again = await screen.findByRole('dialog', { name: 'Soạn thư: Thư mới' });
    expect(
      await within(again).findByText(
        'Hộp thư của bạn đã bị khóa chức năng gửi thư. Lý do: Nghỉ hưu từ 01/12/2026 Thư chưa được gửi và vẫn còn nguyên trong cửa sổ soạn thư.',
      ),
    ).toBeTruthy();
  });

  it('warns before sending a message stamped MẬT, and sends only when the user confirms', async () => {
    const { calls } = renderCompose({ limits: { undoSendSeconds: 0 } });
    const user = userEvent.setup();
    const { dialog } = await openNew(user);
    await user.type(within(dialog).getByRole('combobox', { name: 'Đến' }), 'hoa@binhphuoc.gov.vn{Enter}');
    await user.type(within(dialog).getByRole('textbox', { name: 'Tiêu đề' }), 'Đổi mật khẩu');
    await user.upload(attachInput(dialog), new File(['x'], 'Ke hoach TUYET_MAT.docx'));
    await waitFor(() => expect(within(dialog).queryByRole('progressbar')).toBeNull());
    await user.click(within(dialog).getByRole('button', { name: 'Gửi' }));

    const warning = await screen.findByRole('alertdialog', { name: 'Thư có dấu mật?' });
    expect(warning.textContent).toContain('Thư này có dấu “TUYỆT MẬT” ở tệp “Ke hoach TUYET_MAT.docx”.');
    expect(warning.textContent).not.toContain('tiêu đề');
    expect(document.activeElement).toBe(within(warning).getByRole('button', { name: 'Quay lại sửa' }));
    await user.click(within(warning).getByRole('button', { name: 'Quay lại sửa' }));
    expect(calls.sends).toEqual([]);
    expect(screen.getByRole('dialog', { name: 'Soạn thư: Đổi mật khẩu' })).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', {
        name: 'Vẫn gửi: không phải tài liệu mật',
      }),
    );
    await waitFor(() => expect(calls.sends).toHaveLength(1));
  });

  it('prefills a reply: recipients, one "Re:", the quote and thread headers, the signature once', async () => {
    const prefill: ComposePrefill = {
      to: [{ name: 'Phạm Quốc Dũng', address: 'dungpq.vpubnd@binhphuoc.gov.vn' }],
      cc: [],
      bcc: [],
      subject: 'Re: Công văn số 125',
      html: '<p></p><p>Vào 29/11/2026 00:30, Phạm Quốc Dũng đã viết:</p><blockquote type="cite"><p>Kính gửi các đơn vị</p></blockquote>',
      text: '',
      attachments: [],
      inReplyTo: '<a@b>',
      references: ['<a@b>'],
    };
    const requests: URLSearchParams[] = [];
    const { calls } = renderCompose({
      signature: '<p>Trân trọng,</p><p><strong>Trần Văn Thanh</strong></p>',
      limits: { undoSendSeconds: 0 },
    });
    server.use(
      http.get(apiPattern(composeRoutes.prefill), ({ request }) => {
        requests.push(new URL(request.url).searchParams);
        return HttpResponse.json(prefill);
      }),
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Trả lời' }));
    const dialog = await screen.findByRole('dialog', { name: 'Soạn thư: Re: Công văn số 125' }, LAZY);
    const editor = await within(dialog).findByRole('textbox', { name: 'Nội dung thư' }, LAZY);
    expect(requests[0]?.get('mode')).toBe('reply');
    expect(requests[0]?.get('mailbox')).toBe('INBOX');
    expect(requests[0]?.get('uid')).toBe('3');
    expect(
      within(dialog).getByRole('button', {
        name: 'Người nhận Phạm Quốc Dũng <dungpq.vpubnd@binhphuoc.gov.vn>',
      }),
    ).toBeTruthy();
    expect(editor.querySelector('blockquote')?.textContent).toBe('Kính gửi các đơn vị');
    // The caret waits above the quote, ready for the answer.
    await waitFor(() => expect(document.activeElement).toBe(editor));
    expect(editor.textContent?.match(/Trân trọng/g)).toHaveLength(1);
    // The signature sits above the quote, where the reply is written.
    expect(editor.textContent?.indexOf('Trần Văn Thanh')).toBeLessThan(
      editor.textContent?.indexOf('đã viết') ?? 0,
    );

    await user.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(calls.sends).toHaveLength(1));
    expect(calls.sends[0]).toMatchObject({
      subject: 'Re: Công văn số 125',
      inReplyTo: '<a@b>',
      references: ['<a@b>'],
      composeId: requests[0]?.get('composeId'),
    });
    expect(calls.sends[0]!.html).toContain('<blockquote');
  });

  it('reopens a draft with its recipients, body and attachments, without a second signature', async () => {
    const { calls } = renderCompose({ signature: '<p>Trân trọng</p>' });
    server.use(
      http.get(apiPattern(composeRoutes.prefill), () =>
        HttpResponse.json({
          to: [{ address: 'hoa@binhphuoc.gov.vn' }],
          cc: [{ address: 'lan@binhphuoc.gov.vn' }],
          bcc: [],
          subject: 'Dự thảo',
          html: '<p>Nội dung nháp</p><p>Trân trọng</p>',
          text: 'Nội dung nháp',
          attachments: [
            { id: 'up-copy', filename: 'Dự thảo.docx', contentType: 'application/msword', size: 2048 },
          ],
          draftUid: 55,
        } satisfies ComposePrefill),
      ),
    );
    const { openCompose } = await import('./ComposeHost');
    act(() => {
      openCompose({ mode: 'draft', mailbox: 'Drafts', uid: 55 });
    });
    const dialog = await screen.findByRole('dialog', { name: 'Soạn thư: Dự thảo' }, LAZY);
    const editor = await within(dialog).findByRole('textbox', { name: 'Nội dung thư' }, LAZY);
    expect(editor.textContent?.match(/Trân trọng/g)).toHaveLength(1);
    expect(within(dialog).getByRole('button', { name: 'Người nhận lan@binhphuoc.gov.vn' })).toBeTruthy();
    expect(within(dialog).getByText('Dự thảo.docx')).toBeTruthy();
    // Opening the same draft again brings back this window instead of a second one.
    act(() => {
      openCompose({ mode: 'draft', mailbox: 'Drafts', uid: 55 });
    });
    expect(screen.getAllByRole('dialog')).toHaveLength(1);

    const user = userEvent.setup();
    await user.type(within(dialog).getByRole('textbox', { name: 'Tiêu đề' }), ' v2');
    await user.click(within(dialog).getByRole('button', { name: 'Đóng và lưu nháp' }));
    await waitFor(() => expect(calls.drafts).toHaveLength(1));
    expect(calls.drafts[0]).toMatchObject({
      subject: 'Dự thảo v2',
      draftUid: 55,
      attachments: ['up-copy'],
      cc: [{ address: 'lan@binhphuoc.gov.vn' }],
    });
  });

  it('Esc minimises a window to a bar while reading; it comes back with what was written', async () => {
    renderCompose();
    const user = userEvent.setup();
    const { dialog, editor } = await openNew(user);
    await user.click(editor);
    await user.keyboard('Nội dung đang viết');
    await user.type(within(dialog).getByRole('textbox', { name: 'Tiêu đề' }), 'Giấy mời{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    // A second message meanwhile: several drafts at once.
    await user.click(screen.getByRole('button', { name: 'Soạn thư' }));
    expect(await screen.findByRole('dialog', { name: 'Soạn thư: Thư mới' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Mở lại Giấy mời' }));
    const back = screen.getByRole('dialog', { name: 'Soạn thư: Giấy mời' });
    expect((await within(back).findByRole('textbox', { name: 'Nội dung thư' })).textContent).toBe(
      'Nội dung đang viết',
    );
    expect(screen.getAllByRole('dialog')).toHaveLength(2);
  });

  it('listens for the list’s r / a / f keys', async () => {
    renderCompose();
    const modes: string[] = [];
    server.use(
      http.get(apiPattern(composeRoutes.prefill), ({ request }) => {
        modes.push(new URL(request.url).searchParams.get('mode') ?? '');
        return HttpResponse.json({
          to: [],
          cc: [],
          bcc: [],
          subject: 'Fwd: A',
          html: '<p></p>',
          text: '',
          attachments: [],
        });
      }),
    );
    act(() => {
      window.dispatchEvent(
        new CustomEvent('webmail:compose', { detail: { mode: 'forward', mailbox: 'INBOX', uid: 3 } }),
      );
    });
    expect(await screen.findByRole('dialog', { name: 'Soạn thư: Fwd: A' }, LAZY)).toBeTruthy();
    expect(modes).toEqual(['forward']);
  });
});
