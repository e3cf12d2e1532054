import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { AttachmentInfo } from '../../../common/contract';
import type { AttachmentPreview } from '../../../common/contract/attachment-preview';
import { attachmentPreviewRoutes } from '../../../common/routes/attachment-preview';
import { malwareRoutes } from '../../../common/routes/malware';
import { publicConfigRoutes } from '../../../common/routes/site';
import { createI18n } from '../../i18n/i18n';
import { apiPattern } from '../../test/api-pattern';
import { publicConfig } from '../../test/fixtures';
import { server } from '../../test/setup';
import { AttachmentList } from '../reader/AttachmentList';

const file = (id: string, filename: string, contentType: string): AttachmentInfo => ({
  id,
  filename,
  contentType,
  size: 40_000,
  contentId: null,
  inline: false,
});

const attachments = [
  file('2', 'Công văn 12.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  file('3', 'Danh sách.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  file('4', 'Thư chuyển tiếp.eml', 'message/rfc822'),
  file('5', 'Tờ trình cũ.doc', 'application/msword'),
];

function renderList(answers: Record<string, AttachmentPreview | { status: number; code: string }>) {
  server.use(
    http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
    http.get(apiPattern(malwareRoutes.attachmentVerdicts), () =>
      HttpResponse.json({
        attachments: attachments.map((a) => ({ part: a.id, status: 'clean', signature: null })),
      }),
    ),
    http.get(apiPattern(attachmentPreviewRoutes.get), ({ params }) => {
      const answer = answers[String(params.part)];
      if (!answer)
        return HttpResponse.json({ error: { code: 'preview_unsupported', message: '' } }, { status: 415 });
      if ('status' in answer)
        return HttpResponse.json(
          { error: { code: answer.code, message: answer.code } },
          { status: answer.status },
        );
      return HttpResponse.json(answer);
    }),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={createI18n('vi')}>
        <AttachmentList mailbox="INBOX" uid={5} attachments={attachments} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

describe('previews of Word, Excel and forwarded-message attachments', { timeout: 20_000 }, () => {
  it('offers "Xem" on .docx, .xlsx and .eml, not on .doc', async () => {
    renderList({});
    expect(await screen.findByRole('button', { name: 'Xem Công văn 12.docx' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Xem Danh sách.xlsx' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Xem Thư chuyển tiếp.eml' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Xem Tờ trình cũ.doc' })).toBeNull();
  });

  it('shows a document sanitised in the sandboxed frame and gives focus back on close', async () => {
    const user = userEvent.setup();
    renderList({
      '2': {
        kind: 'document',
        html: '<h1>Công văn</h1><img src="https://tracker.example/p.gif"><p onclick="x()">Kính gửi</p>',
      },
    });
    const view = await screen.findByRole('button', { name: 'Xem Công văn 12.docx' });
    await user.click(view);
    const dialog = await screen.findByRole('dialog', { name: 'Xem trước: Công văn 12.docx' });
    const frame = (await within(dialog).findByTitle('Nội dung tệp Công văn 12.docx')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).not.toContain('allow-scripts');
    const srcDoc = frame.getAttribute('srcdoc')!;
    expect(srcDoc).toContain('<h1>Công văn</h1>');
    expect(srcDoc).not.toContain('tracker.example/p.gif"');
    expect(srcDoc).not.toContain('onclick');
    await user.click(within(dialog).getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(view);
  });

  it('shows a workbook as sheet tabs with the row cap said', async () => {
    const user = userEvent.setup();
    renderList({
      '3': {
        kind: 'workbook',
        omittedSheets: 0,
        sheets: [
          {
            name: 'Danh sách',
            html: '<table><tr><td>An</td></tr></table>',
            rows: 10000,
            shownRows: 1000,
            columns: 6,
            shownColumns: 6,
          },
          {
            name: 'Tổng hợp',
            html: '<table><tr><td>Tổng</td></tr></table>',
            rows: 1,
            shownRows: 1,
            columns: 2,
            shownColumns: 2,
          },
        ],
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Xem Danh sách.xlsx' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Chỉ hiển thị 1000 dòng đầu tiên trên tổng số 10000 dòng.')).toBeTruthy();
    const second = within(dialog).getByRole('tab', { name: 'Tổng hợp' });
    await user.click(second);
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(within(dialog).queryByText(/Chỉ hiển thị/)).toBeNull();
    expect(
      within(dialog).getByTitle('Nội dung tệp Danh sách.xlsx › Tổng hợp').getAttribute('srcdoc'),
    ).toContain('Tổng');
  });

  it('shows a forwarded message with its headers, as the reader nests one', async () => {
    const user = userEvent.setup();
    renderList({
      '4': {
        kind: 'message',
        parts: [
          {
            kind: 'message',
            part: '4',
            subject: 'Giấy mời họp giao ban',
            from: { name: 'Văn phòng Sở', address: 'vanphong.sttt@binhphuoc.gov.vn' },
            to: [{ name: '', address: 'thanhtv.sttt@binhphuoc.gov.vn' }],
            cc: [],
            date: '2026-12-07T01:30:00.000Z',
            parts: [{ kind: 'text', text: 'Kính mời đồng chí dự họp.' }],
          },
        ],
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Xem Thư chuyển tiếp.eml' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByText('Giấy mời họp giao ban').length).toBeGreaterThan(0);
    expect(within(dialog).getByText('Kính mời đồng chí dự họp.')).toBeTruthy();
    expect(within(dialog).getByText(/vanphong\.sttt@binhphuoc\.gov\.vn/)).toBeTruthy();
  });

  it('says in Vietnamese why a file cannot be previewed, with its code, and still offers the download', async () => {
    const user = userEvent.setup();
    renderList({ '2': { status: 413, code: 'preview_too_large' } });
    await user.click(await screen.findByRole('button', { name: 'Xem Công văn 12.docx' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Tệp quá lớn để xem trước');
    expect(alert.textContent).toContain('Mã lỗi: preview_too_large');
    expect(within(screen.getByRole('dialog')).getByRole('link', { name: 'Tải về' })).toBeTruthy();
  });
});
