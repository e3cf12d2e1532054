import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type {
  MigrationBatch,
  MigrationBatchRequest,
  MigrationBatchStart,
} from '../../../../common/contract/console-migration';
import type { MigrationStatus } from '../../../../common/contract/migration';
import { consoleMigrationRoutes } from '../../../../common/routes/console-migration';
import { consoleUnitRoutes } from '../../../../common/routes/console-units';
import { apiPattern } from '../../../test/api-pattern';
import { renderConsolePage } from '../../../test/console-page';
import { server } from '../../../test/setup';
import MigrationBatchPage from './MigrationBatchPage';

const D = '@binhphuoc.gov.vn';
const BATCH_ID = '6f1c8a52-2d1b-4c3e-9a57-0b8e7c1d2f30';
const JOB_A = '0a6b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const JOB_B = '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
const row = (over: Partial<MigrationBatch['rows'][number]>): MigrationBatch['rows'][number] => ({
  jobId: JOB_A,
  mailbox: `annv.sttt${D}`,
  oldUser: 'an@donvi-cu.local',
  state: 'running',
  error: null,
  total: 250,
  copied: 100,
  skipped: 3,
  failed: 0,
  finishedAt: null,
  ...over,
});
const STARTED: MigrationBatch = {
  id: BATCH_ID,
  host: 'mail.donvi-cu.vn',
  rows: [
    row({}),
    row({ jobId: JOB_B, mailbox: `binhtt.sttt${D}`, oldUser: 'binh', state: 'queued', copied: 0 }),
  ],
};
const FINISHED: MigrationBatch = {
  ...STARTED,
  rows: [
    row({ state: 'done', copied: 244, skipped: 6, finishedAt: 1 }),
    row({
      jobId: JOB_B,
      mailbox: `binhtt.sttt${D}`,
      oldUser: 'binh',
      state: 'failed',
      error: 'migration_login_failed',
      total: 0,
      copied: 0,
      finishedAt: 1,
    }),
  ],
};
const REPORT: MigrationStatus = {
  id: JOB_A,
  mailbox: `annv.sttt${D}`,
  host: 'mail.donvi-cu.vn',
  oldUser: 'an@donvi-cu.local',
  state: 'done',
  error: null,
  total: 250,
  copied: 244,
  skipped: 6,
  failed: 0,
  folders: [
    {
      source: 'Công văn đến',
      target: 'Công văn đến',
      total: 100,
      copied: 98,
      skipped: 2,
      failed: 0,
      done: true,
    },
  ],
  failures: [],
  createdAt: 0,
  finishedAt: 1,
};

function setup(answer: MigrationBatchStart) {
  const seen: { body: MigrationBatchRequest | null } = { body: null };
  server.use(
    http.get(apiPattern(consoleUnitRoutes.tree), () =>
      HttpResponse.json({ units: [{ code: 'sttt', name: 'Sở Thông tin và Truyền thông', depth: 0 }] }),
    ),
    http.post(apiPattern(consoleMigrationRoutes.start), async ({ request }) => {
      seen.body = (await request.json()) as MigrationBatchRequest;
      return HttpResponse.json(answer);
    }),
    http.get(apiPattern(consoleMigrationRoutes.progress), () => HttpResponse.json(FINISHED)),
    http.get(apiPattern(consoleMigrationRoutes.report), () => HttpResponse.json(REPORT)),
  );
  renderConsolePage(<MigrationBatchPage />);
  return seen;
}

async function fillAndSend(csvText: string) {
  const user = userEvent.setup();
  await screen.findByRole('option', { name: /Sở Thông tin và Truyền thông/ });
  await user.selectOptions(screen.getByLabelText('Đơn vị'), 'sttt');
  await user.type(screen.getByLabelText('Máy chủ IMAP cũ'), 'mail.donvi-cu.vn');
  await user.click(screen.getByLabelText('Chấp nhận chứng chỉ tự ký'));
  await user.upload(
    screen.getByLabelText('Tệp CSV'),
    new File([csvText], 'don-vi.csv', { type: 'text/csv' }),
  );
  await user.click(screen.getByRole('button', { name: 'Kiểm tra và bắt đầu chuyển' }));
  return user;
}

describe('MigrationBatchPage', () => {
  it('lists each refused line with its Vietnamese reason and starts nothing', async () => {
    const seen = setup({
      batch: null,
      problems: [
        { line: 3, code: 'migration_row_mailbox_unknown', value: `khongco${D}`, sameAs: null },
        { line: 4, code: 'migration_row_duplicate', value: `annv.sttt${D}`, sameAs: 2 },
      ],
    });
    await fillAndSend('an,mk,annv.sttt@binhphuoc.gov.vn\n');
    expect(await screen.findByText('Chưa chuyển hộp thư nào: 2 dòng cần sửa.')).toBeTruthy();
    expect(screen.getByText('Hộp thư mới không có trong danh sách tài khoản.')).toBeTruthy();
    expect(screen.getByText(/Hộp thư mới đã có ở một dòng trước\. \(trùng dòng 2\)/)).toBeTruthy();
    expect(seen.body).toMatchObject({
      unitCode: 'sttt',
      server: { host: 'mail.donvi-cu.vn', port: 993, security: 'tls', acceptSelfSigned: true },
    });
    // The file goes as its bytes: the proxy finds the encoding.
    expect(Buffer.from(seen.body!.csv, 'base64').toString('utf8')).toBe('an,mk,annv.sttt@binhphuoc.gov.vn\n');
  });

  it('follows each account of a started batch and opens its report', async () => {
    setup({ batch: STARTED, problems: [] });
    const user = await fillAndSend('an,mk,annv.sttt@binhphuoc.gov.vn\n');
    expect(await screen.findByText('Tiến độ của đợt chuyển (mail.donvi-cu.vn)')).toBeTruthy();
    expect(await screen.findByText('2/2 hộp thư đã xong, 1 dừng vì lỗi.')).toBeTruthy();
    const failedRow = screen.getByText(`binhtt.sttt${D}`).closest('tr') as HTMLElement;
    expect(within(failedRow).getByText(/Đã dừng vì lỗi/)).toBeTruthy();
    const doneRow = screen.getByText(`annv.sttt${D}`).closest('tr') as HTMLElement;
    expect(within(doneRow).getByText('244/250')).toBeTruthy();
    await user.click(within(doneRow).getByRole('button', { name: 'Xem kết quả' }));
    const report = await screen.findByRole('region', { name: `Kết quả của annv.sttt${D}` });
    expect(await within(report).findByText('98/100')).toBeTruthy();
  });
});
