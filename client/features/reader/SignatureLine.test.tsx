import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { type MessageSignature, type SignatureOutcome, signatureOutcomes } from '../../../common/contract';
import { createI18n } from '../../i18n/i18n';
import { SignatureLine, signatureTone } from './SignatureLine';

const valid: MessageSignature = {
  outcome: 'valid',
  form: 'detached',
  signerName: 'Trần Văn Thư',
  signerEmail: 'vanthu.sttt@binhphuoc.gov.vn',
  organisation: 'Sở Thông tin và Truyền thông',
  issuerName: 'CA Cấp hai',
  signingTime: '2026-12-07T01:30:00.000Z',
  signingTimeSource: 'signed_attribute',
  contentIntact: true,
  chainTrusted: true,
  validAtSigningTime: true,
  usageAllowed: true,
  matchesFrom: true,
  revocation: 'good',
  revocationMethod: 'crl',
  revokedAt: null,
};

function show(signature: MessageSignature, locale: 'vi' | 'en' = 'vi') {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <SignatureLine signature={signature} timeZone="Asia/Ho_Chi_Minh" />
    </I18nextProvider>,
  );
}

describe('SignatureLine', () => {
  it('says who signed a valid message, and shows the facts as text in Viet Nam time on request', async () => {
    const { container } = show(valid);
    expect(screen.getByText('Chữ ký số hợp lệ của Trần Văn Thư.')).toBeTruthy();
    expect(container.querySelector('.signature-ok')).not.toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Chi tiết chữ ký' }));
    expect(screen.getByText('Sở Thông tin và Truyền thông')).toBeTruthy();
    expect(screen.getByText('CA Cấp hai')).toBeTruthy();
    expect(screen.getByText('07/12/2026 08:30')).toBeTruthy();
    expect(screen.getByText('Chưa bị thu hồi (đã kiểm tra qua CRL)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ẩn chi tiết' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('warns clearly when the content was changed', () => {
    const { container } = show({ ...valid, outcome: 'content_altered', contentIntact: false }, 'en');
    expect(
      screen.getByText('Warning: the message was changed after it was signed. Do not trust its content.'),
    ).toBeTruthy();
    expect(container.querySelector('.signature-danger')).not.toBeNull();
  });

  it('says when the signing time is the arrival time', async () => {
    show({ ...valid, signingTimeSource: 'arrival' });
    await userEvent.click(screen.getByRole('button', { name: 'Chi tiết chữ ký' }));
    expect(screen.getByText(/07\/12\/2026 08:30 \(thời điểm thư đến/)).toBeTruthy();
  });

  it.each(signatureOutcomes.filter((o) => o !== 'valid'))(
    'is never green for %s',
    (outcome: SignatureOutcome) => {
      expect(signatureTone(outcome)).not.toBe('ok');
    },
  );
});
