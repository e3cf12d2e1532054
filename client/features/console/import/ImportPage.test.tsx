import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ImportCreateRequest, ImportCreateResponse, ImportPreview } from '../../../../common/contract';
import { consoleImportRoutes } from '../../../../common/routes/console-import';
import { consoleUnitRoutes } from '../../../../common/routes/console-units';
import { apiPattern } from '../../../test/api-pattern';
import { renderConsolePage } from '../../../test/console-page';
import { publicConfig } from '../../../test/fixtures';
import { server } from '../../../test/setup';
import ImportPage from './ImportPage';

const D = '@binhphuoc.gov.vn';
const base = { unitText: 'sttt', unitCode: 'sttt', unitName: 'Sở Thông tin và Truyền thông', note: '' };
const PREVIEW: ImportPreview = {
  format: 'csv',
  sheet: null,
  encoding: 'windows-1258',
  rows: [
    {
      ...base,
      line: 3,
      fullName: 'Nguyễn Văn An',
      title: 'Chuyên viên',
      proposedLocal: 'annv.sttt',
      proposedAddress: `annv.sttt${D}`,
      problems: [],
      possibleDuplicates: [],
      sameInFile: [],
      status: 'ok',
    },
    {
      ...base,
      line: 4,
      fullName: 'Nguyễn Văn An',
      title: '',
      proposedLocal: 'annv2.sttt',
      proposedAddress: `annv2.sttt${D}`,
      problems: [],
      possibleDuplicates: [],
      sameInFile: [3],
      status: 'warn',
    },
    {
      ...base,
      line: 5,
      fullName: 'Trần Văn Thanh',
      title: '',
      proposedLocal: 'thanhtv2.sttt',
      proposedAddress: `thanhtv2.sttt${D}`,
      problems: [],
      possibleDuplicates: [`thanhtv.sttt${D}`],
      sameInFile: [],
      status: 'warn',
    },
    {
      ...base,
      line: 6,
      fullName: 'Thanh',
      title: '',
      proposedLocal: null,
      proposedAddress: null,
      problems: ['name_single_word'],
      possibleDuplicates: [],
      sameInFile: [],
      status: 'bad',
    },
  ],
};

function setup() {
  const seen: { query: string | null; fileText: string | null; create: ImportCreateRequest | null } = {
    query: null,
    fileText: null,
    create: null,
  };
  server.use(
    http.get('/api/config', () => HttpResponse.json(publicConfig)),
    http.get(apiPattern(consoleUnitRoutes.tree), () =>
      HttpResponse.json({
        units: [
          { code: 'sttt', name: 'Sở Thông tin và Truyền thông', depth: 0 },
          { code: 'snv', name: 'Sở Nội vụ', depth: 0 },
        ],
      }),
    ),
    http.post(apiPattern(consoleImportRoutes.preview), async ({ request }) => {
      seen.query = new URL(request.url).searchParams.get('defaultUnit');
      const file = (await request.formData()).get('file');
      // jsdom's File loses its name on the way into the fetch realm's FormData: compare the bytes.
      seen.fileText = file && typeof file === 'object' ? await (file as Blob).text() : null;
      return HttpResponse.json(PREVIEW);
    }),
    http.post(apiPattern(consoleImportRoutes.create), async ({ request }) => {
      seen.create = (await request.json()) as ImportCreateRequest;
      const answer: ImportCreateResponse = {
        created: 1,
        failed: 1,
        results: [
          {
            line: 3,
            fullName: 'Nguyễn Văn An',
            unitCode: 'sttt',
            address: `annv.sttt${D}`,
            temporaryPassword: 'Kx7#mPq2Rt9vWz',
            error: null,
          },
          {
            line: 4,
            fullName: 'Nguyễn Văn An',
            unitCode: 'sttt',
            address: null,
            temporaryPassword: null,
            error: { code: 'address_taken', details: { address: `an.sttt${D}` } },
          },
        ],
      };
      return HttpResponse.json(answer);
    }),
  );
  renderConsolePage(<ImportPage />);
  return seen;
}

describe('ImportPage', () => {
  it('previews the list with badges, Vietnamese problems and warnings, and creates only the kept rows', async () => {
    const user = userEvent.setup();
    const seen = setup();
    await user.upload(
      screen.getByLabelText('Tệp danh sách'),
      new File(['Họ và tên\n'], 'danh-sach.csv', { type: 'text/csv' }),
    );
    await user.selectOptions(await screen.findByLabelText('Đơn vị mặc định'), 'sttt');
    await user.click(screen.getByRole('button', { name: 'Xem trước' }));

    expect(await screen.findByText('4 dòng: 1 hợp lệ, 2 cần xem lại, 1 không tạo được.')).toBeTruthy();
    expect(seen).toMatchObject({ query: 'sttt', fileText: 'Họ và tên\n' });
    expect(screen.getByText('Tệp CSV, mã windows-1258')).toBeTruthy();
    const row = (line: number) => document.querySelector(`tr[data-line="${line}"]`) as HTMLElement;
    expect(within(row(6)).getByText('Họ và tên phải có ít nhất hai tiếng (họ và tên).')).toBeTruthy();
    expect(within(row(6)).getByText('Lỗi')).toBeTruthy();
    expect(within(row(5)).getByText(`Có thể đã có tài khoản: thanhtv.sttt${D}`)).toBeTruthy();
    expect(within(row(4)).getByText('Trùng họ tên và đơn vị với dòng 3 trong tệp')).toBeTruthy();
    // A bad row cannot be kept; a possible duplicate starts unchecked.
    const keep = (line: number) =>
      screen.getByRole('checkbox', { name: `Tạo tài khoản cho dòng ${line}` }) as HTMLInputElement;
    expect(keep(6).disabled).toBe(true);
    expect(keep(5).checked).toBe(false);
    expect(keep(3).checked && keep(4).checked).toBe(true);

    // Renaming asks for a reason before anything can be created.
    const local = screen.getByRole('textbox', { name: 'Tên hộp thư cho dòng 4' });
    await user.clear(local);
    await user.type(local, 'an.sttt');
    const createButton = screen.getByRole('button', { name: 'Tạo 2 tài khoản' }) as HTMLButtonElement;
    expect(createButton.disabled).toBe(true);
    expect(screen.getByText('Có dòng đã đổi địa chỉ nhưng chưa ghi lý do.')).toBeTruthy();
    await user.type(
      within(row(4)).getByRole('textbox', { name: 'Lý do không dùng địa chỉ đề xuất' }),
      'Đơn vị đề nghị',
    );
    expect(createButton.disabled).toBe(false);

    await user.click(createButton);
    const dialog = screen.getByRole('alertdialog', { name: 'Tạo 2 tài khoản?' });
    expect(seen.create).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Tạo tài khoản' }));

    expect(await screen.findByText('Kết quả: đã tạo 1, lỗi 1')).toBeTruthy();
    expect(seen.create).toEqual({
      rows: [
        { line: 3, fullName: 'Nguyễn Văn An', unitCode: 'sttt', title: 'Chuyên viên' },
        {
          line: 4,
          fullName: 'Nguyễn Văn An',
          unitCode: 'sttt',
          title: null,
          local: 'an.sttt',
          overrideReason: 'Đơn vị đề nghị',
        },
      ],
      requestId: null,
    });
    expect(screen.getByText('Kx7#mPq2Rt9vWz')).toBeTruthy();
    expect(screen.getByText(`Địa chỉ an.sttt${D} đã được cấp.`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tải tệp bàn giao (XLSX)' })).toBeTruthy();
  });

  it('shows the file error from the catalogue', async () => {
    const user = userEvent.setup();
    setup();
    server.use(
      http.post(apiPattern(consoleImportRoutes.preview), () =>
        HttpResponse.json(
          { error: { code: 'import_too_large', message: '', details: { limit: '2 MB' } } },
          { status: 413 },
        ),
      ),
    );
    await user.upload(screen.getByLabelText('Tệp danh sách'), new File(['x'], 'lon.xlsx'));
    await user.click(screen.getByRole('button', { name: 'Xem trước' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Tệp danh sách quá lớn (tối đa 2 MB).');
  });

  it('sends a long list in parts and keeps what the parts before a lost connection created', async () => {
    const user = userEvent.setup();
    setup();
    const twelve: ImportPreview = {
      ...PREVIEW,
      rows: Array.from({ length: 12 }, (_, i) => ({
        ...PREVIEW.rows[0]!,
        line: i + 2,
        fullName: `Nguyễn Văn An ${'I'.repeat(i + 1)}`,
        proposedLocal: `a${i}.sttt`,
      })),
    };
    const parts: number[] = [];
    server.use(
      http.post(apiPattern(consoleImportRoutes.preview), () => HttpResponse.json(twelve)),
      http.post(apiPattern(consoleImportRoutes.create), async ({ request }) => {
        const { rows } = (await request.json()) as ImportCreateRequest;
        parts.push(rows.length);
        if (parts.length > 1) return HttpResponse.error();
        return HttpResponse.json({
          created: rows.length,
          failed: 0,
          results: rows.map((r) => ({
            ...r,
            address: `a${r.line}.sttt${D}`,
            temporaryPassword: `Mk#${r.line}abcdefgh`,
            error: null,
          })),
        });
      }),
    );
    await user.upload(screen.getByLabelText('Tệp danh sách'), new File(['x'], 'ds.csv'));
    await user.click(screen.getByRole('button', { name: 'Xem trước' }));
    await user.click(await screen.findByRole('button', { name: 'Tạo 12 tài khoản' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Tạo tài khoản' }));

    expect(await screen.findByText('Kết quả: đã tạo 10, lỗi 2')).toBeTruthy();
    expect(parts).toEqual([10, 2]);
    expect(screen.getByText('Mk#11abcdefgh')).toBeTruthy();
    expect(screen.getAllByText(/Không nhận được trả lời \(mất kết nối\)/)).toHaveLength(2);
  });
});
