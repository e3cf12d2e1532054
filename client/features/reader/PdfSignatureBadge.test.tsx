import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { AttachmentInfo, PdfSignatureReport } from '../../../common/contract';
import { pdfSignatureRoutes } from '../../../common/routes/pdf-signatures';
import { publicConfigRoutes } from '../../../common/routes/site';
import { createI18n, type Locale } from '../../i18n/i18n';
import { apiPattern } from '../../test/api-pattern';
import { publicConfig } from '../../test/fixtures';
import { server } from '../../test/setup';
import { AttachmentList } from './AttachmentList';

const pdf: AttachmentInfo = {
  id: '2',
  filename: 'Quyết định 125-QĐ-UBND.pdf',
  contentType: 'application/pdf',
  size: 540_000,
  contentId: null,
  inline: false,
};

const signature = {
  signerName: 'Nguyễn Văn Thành',
  issuer: 'C=VN, O=Ban Cơ yếu Chính phủ, CN=CA phục vụ các cơ quan Nhà nước',
  signingTime: '2026-12-07T01:30:00.000Z',
  wholeDocumentSigned: true,
  revocationChecked: true,
};

function answer(report: Partial<PdfSignatureReport>) {
  server.use(
    http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
    http.get(apiPattern(pdfSignatureRoutes.get), () =>
      HttpResponse.json({
        status: 'signed',
        signatures: [],
        checkedAt: '2026-12-07T05:00:00.000Z',
        ...report,
      }),
    ),
  );
}

function renderList(locale: Locale = 'vi') {
  server.use(http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={createI18n(locale)}>
        <AttachmentList mailbox="INBOX" uid={5} attachments={[pdf]} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

describe('the signature badge on a PDF chip (Đ14.2h)', () => {
  it('shows a valid signature in green, with the details as plain text in Viet Nam time', async () => {
    answer({ outcome: 'valid', signatures: [{ ...signature, outcome: 'valid' }] });
    const { container } = renderList();
    const badge = await screen.findByText('Chữ ký số hợp lệ');
    expect(container.querySelector('details.pdf-sig')?.className).toContain('pdf-sig-ok');
    await userEvent.click(badge);
    expect(screen.getByText('Nguyễn Văn Thành')).toBeTruthy();
    expect(screen.getByText('07/12/2026 08:30')).toBeTruthy();
    expect(screen.getByText('Toàn bộ văn bản')).toBeTruthy();
    expect(screen.getByText('Đã kiểm tra (OCSP)')).toBeTruthy();
  });

  it.each([
    ['content_altered', 'Nội dung đã bị sửa', 'pdf-sig-danger'],
    ['changed_after_signing', 'Bị sửa sau khi ký', 'pdf-sig-danger'],
    ['revoked', 'Chứng thư bị thu hồi', 'pdf-sig-danger'],
    ['malformed', 'Chữ ký bị lỗi', 'pdf-sig-danger'],
    ['untrusted_issuer', 'Nơi cấp không tin cậy', 'pdf-sig-caution'],
    ['expired', 'Chứng thư đã hết hạn', 'pdf-sig-caution'],
    ['revocation_not_checked', 'Chưa kiểm tra thu hồi', 'pdf-sig-caution'],
  ] as const)('never green for %s', async (outcome, words, tone) => {
    answer({ outcome, signatures: [{ ...signature, outcome, revocationChecked: false }] });
    const { container } = renderList();
    await screen.findByText(words);
    const details = container.querySelector('details.pdf-sig')!;
    expect(details.className).toContain(tone);
    expect(details.className).not.toContain('pdf-sig-ok');
  });

  it('shows nothing for an unsigned PDF, and says so in English too', async () => {
    const { container } = renderList();
    // The name is shown as stem and extension; its title holds it whole.
    await screen.findByTitle('Quyết định 125-QĐ-UBND.pdf');
    await new Promise((r) => setTimeout(r, 50));
    expect(container.querySelector('.pdf-sig:not(.pdf-sig-pending)')).toBeNull();
    answer({ outcome: 'content_altered', signatures: [{ ...signature, outcome: 'content_altered' }] });
    renderList('en');
    expect(await screen.findByText('Content altered')).toBeTruthy();
  });
});
