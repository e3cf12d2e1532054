import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Mailbox, MailImportEvent, MailImportReport } from '../../../common/contract';
import { mailImportRoutes } from '../../../common/routes/mail-import';
import { createI18n } from '../../i18n/i18n';
import { apiPattern } from '../../test/api-pattern';
import { server } from '../../test/setup';
import { ImportMailDialog } from './ImportMailDialog';

const box = (path: string, specialUse: Mailbox['specialUse'] = null): Mailbox => ({
  path,
  displayName: path,
  parent: null,
  delimiter: '/',
  specialUse,
  total: 0,
  unread: 0,
  subscribed: true,
  selectable: true,
});
const folders = [box('INBOX', 'inbox'), box('Lưu trữ 2024')];

const report: MailImportReport = {
  folder: 'Lưu trữ 2024',
  imported: 52,
  duplicates: 3,
  failedCount: 2,
  failures: [
    {
      file: 'cu.mbox',
      index: 7,
      line: 311,
      subject: 'Báo cáo quý IV',
      code: 'message_too_large',
      details: { size: '21 MB', limit: '20 MB' },
    },
    { file: 'hoa-don.pdf', index: null, line: null, subject: null, code: 'not_mail' },
  ],
  files: [],
  stopped: null,
};

function renderDialog(onClose = vi.fn()) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={createI18n('vi')}>
        <ImportMailDialog folders={folders} initialFolder="Lưu trữ 2024" onClose={onClose} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return { onClose };
}

const mbox = () => new File(['From a@b Fri Jul  8 12:08:34 2011\nSubject: x\n\nx\n'], 'cu.mbox');
const ndjson = (events: MailImportEvent[]) =>
  new HttpResponse(
    events
      .map((e) => JSON.stringify(e))
      .join('\n')
      .concat('\n'),
    {
      headers: { 'content-type': 'application/x-ndjson' },
    },
  );

describe('ImportMailDialog', () => {
  it('sends the files to the chosen folder and shows the final report with each failure', async () => {
    let url = '';
    server.use(
      http.post(apiPattern(mailImportRoutes.importFiles), ({ request }) => {
        url = request.url;
        return ndjson([
          { type: 'progress', file: 'cu.mbox', bytesRead: 10, imported: 25, duplicates: 0, failedCount: 0 },
          { type: 'report', report },
        ]);
      }),
    );
    renderDialog();
    // The file picker offers mail files; a user may still pick anything ("All files").
    const user = userEvent.setup({ applyAccept: false });
    expect(screen.getByLabelText('Nhập vào thư mục')).toHaveProperty('value', 'Lưu trữ 2024');
    const start = screen.getByRole('button', { name: 'Nhập thư' });
    expect(start).toHaveProperty('disabled', true);
    await user.upload(screen.getByLabelText('Tệp thư'), [mbox(), new File(['%PDF-1.7'], 'hoa-don.pdf')]);
    expect(screen.getByText(/Đã chọn 2 tệp/)).toBeTruthy();
    await user.click(start);
    expect(await screen.findByText('Đã nhập xong vào “Lưu trữ 2024”.')).toBeTruthy();
    expect(decodeURIComponent(url)).toContain('/api/mailboxes/Lưu trữ 2024/import?mbox=mboxrd&stream=1');
    expect(screen.getByText('Đã nhập: 52 thư')).toBeTruthy();
    expect(screen.getByText('Bỏ qua vì đã có: 3 thư')).toBeTruthy();
    expect(screen.getByText('Không nhập được: 2 thư')).toBeTruthy();
    expect(screen.getByText('Báo cáo quý IV')).toBeTruthy();
    expect(screen.getByText('Thư vượt quá giới hạn 20 MB cho mỗi thư nên không được nhập.')).toBeTruthy();
    expect(screen.getByText(/Tệp này không phải là thư điện tử/)).toBeTruthy();
  });

  it('says the import stopped on a full quota, with how much was used', async () => {
    server.use(
      http.post(apiPattern(mailImportRoutes.importFiles), () =>
        ndjson([
          {
            type: 'report',
            report: {
              ...report,
              failures: [],
              failedCount: 0,
              stopped: {
                code: 'quota_full',
                file: 'cu.mbox',
                index: 41,
                usedBytes: 2040109465,
                limitBytes: 2147483648,
              },
            },
          },
        ]),
      ),
    );
    renderDialog();
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Tệp thư'), [mbox()]);
    await user.click(screen.getByRole('button', { name: 'Nhập thư' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Hộp thư sắp đầy');
  });

  it('keeps the chosen files and folder on an error, so the user can retry', async () => {
    server.use(
      http.post(apiPattern(mailImportRoutes.importFiles), () =>
        HttpResponse.json({ error: { code: 'mailbox_not_found', message: 'x' } }, { status: 404 }),
      ),
    );
    renderDialog();
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Tệp thư'), [mbox()]);
    await user.click(screen.getByRole('button', { name: 'Nhập thư' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Không nhập được');
    expect(screen.getByText(/Đã chọn 1 tệp/)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Nhập thư' })).toHaveProperty('disabled', false),
    );
  });
});
