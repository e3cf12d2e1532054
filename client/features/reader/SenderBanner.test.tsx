import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { SenderTrust } from '../../../common/contract';
import { createI18n } from '../../i18n/i18n';
import { ReplyDestination } from '../compose/ReplyDestination';
import { SenderAuthLine } from './SenderAuthLine';
import { SenderBanner } from './SenderBanner';

const show = (node: React.ReactNode, locale: 'vi' | 'en' = 'vi') =>
  render(<I18nextProvider i18n={createI18n(locale)}>{node}</I18nextProvider>);

const lookalike: SenderTrust = {
  authentication: { authservId: 'binhphuoc.gov.vn', spf: 'pass', dkim: 'none', dmarc: 'fail' },
  outside: true,
  warnings: [
    {
      code: 'lookalike_domain',
      facts: {
        domain: 'xn--bnhphuc-fjg4s.xn--gv-fmc.vn',
        resembles: 'binhphuoc.gov.vn',
        unicode: 'bіnhphuоc.gоv.vn',
      },
    },
    { code: 'lookalike_domain', facts: { domain: 'hanoi-gov.vn', resembles: '*.gov.vn' } },
    { code: 'address_in_name', facts: { shown: 'chutich@binhphuoc.gov.vn', address: 'kethu@gmail.com' } },
  ],
};

describe('SenderBanner', () => {
  it('says nothing for government mail without warnings, or a message not assessed', () => {
    const { container } = show(
      <>
        <SenderBanner sender={{ authentication: null, outside: false, warnings: [] }} />
        <SenderBanner sender={null} />
        <SenderBanner sender={undefined} />
      </>,
    );
    expect(container.textContent).toBe('');
  });

  it('shows each warning with its facts, then the outside note', () => {
    show(<SenderBanner sender={lookalike} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Địa chỉ người gửi (xn--bnhphuc-fjg4s.xn--gv-fmc.vn, hiển thị là bіnhphuоc.gоv.vn) giống tên miền binhphuoc.gov.vn nhưng không phải. Đây có thể là thư giả mạo.',
      'Địa chỉ người gửi (hanoi-gov.vn) giống tên miền gov.vn nhưng không phải. Đây có thể là thư giả mạo.',
      'Tên người gửi ghi địa chỉ chutich@binhphuoc.gov.vn, nhưng thư thực sự gửi từ kethu@gmail.com.',
    ]);
    expect(screen.getByRole('note').textContent).toMatch(/^Thư từ bên ngoài hệ thống thư công vụ\./);
  });

  it('speaks English too', () => {
    show(<SenderBanner sender={{ authentication: null, outside: true, warnings: [] }} />, 'en');
    expect(screen.getByRole('note').textContent).toMatch(/^Mail from outside the government mail system\./);
  });
});

describe('SenderAuthLine', () => {
  it('names each verdict, or says the province server left none', () => {
    const { container } = show(
      <dl>
        <SenderAuthLine sender={lookalike} />
        <SenderAuthLine sender={{ ...lookalike, authentication: null }} />
      </dl>,
    );
    const values = [...container.querySelectorAll('dd')].map((dd) => dd.textContent);
    expect(values).toEqual([
      'SPF: đạt · DKIM: không có · DMARC: không đạt',
      'Không có kết quả xác thực của máy chủ thư của tỉnh',
    ]);
  });
});

describe('ReplyDestination', () => {
  it('lists the bare addresses the reply goes to', () => {
    const chip = (address: string) => ({ key: address, name: 'Chủ tịch UBND tỉnh', address, valid: true });
    show(<ReplyDestination window={{ to: [chip('chutich.ubnd@gmail.com')], cc: [chip('b@x.vn')] }} />);
    expect(screen.getByRole('note').textContent).toBe(
      'Thư trả lời sẽ được gửi tới: chutich.ubnd@gmail.com, b@x.vn',
    );
  });
});
