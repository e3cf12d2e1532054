import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { buildQuotaWarningMessage } from './warning-message';

const GB = 1024 ** 3;
const date = new Date('2026-11-27T01:30:00Z');

describe('buildQuotaWarningMessage (Đ7.2c)', () => {
  it('is a Vietnamese, automatic message from the system with the sizes as offices write them', async () => {
    const { org } = loadConfig({});
    const message = await buildQuotaWarningMessage(
      {
        email: 'thanhtv.sttt@binhphuoc.gov.vn',
        level: 'notice',
        usedBytes: 1.8 * GB,
        limitBytes: 2 * GB,
        percent: 90,
      },
      org,
      date,
    );
    const mail = await simpleParser(message.raw);
    expect(mail.subject).toBe('Cảnh báo: hộp thư đã dùng 90% dung lượng');
    expect(message.subject).toBe(mail.subject);
    expect(mail.from?.value).toEqual([
      { name: 'Hộp thư công vụ Bình Phước', address: 'khongtraloi@binhphuoc.gov.vn' },
    ]);
    expect(mail.to && 'value' in mail.to ? mail.to.value[0]?.address : '').toBe(
      'thanhtv.sttt@binhphuoc.gov.vn',
    );
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.messageId).toBe(message.messageId);
    expect(mail.messageId).toMatch(/@binhphuoc\.gov\.vn>$/);
    expect(mail.date?.toISOString()).toBe(date.toISOString());
    // Headers stay 7-bit: the subject is an RFC 2047 encoded word.
    const head = message.raw.subarray(0, message.raw.indexOf('\r\n\r\n')).toString('latin1');
    expect(head).toMatch(/^Subject: =\?UTF-8\?/m);
    expect([...head].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);

    const text = mail.text ?? '';
    expect(text).toContain('đã dùng 1,8 GB trên tổng dung lượng 2 GB (90%)');
    expect(text).toContain('Thùng rác');
    expect(text).toContain('hotro@binhphuoc.gov.vn');
    expect(text).toContain('thư tự động');
    expect(text).toBe(text.normalize('NFC'));
  });

  it('says more urgently that a critical mailbox is about to refuse mail', async () => {
    const { org } = loadConfig({});
    const message = await buildQuotaWarningMessage(
      {
        email: 'a.sttt@binhphuoc.gov.vn',
        level: 'critical',
        usedBytes: 1010 * 1024,
        limitBytes: 1024 * 1024,
        percent: 98,
      },
      org,
      date,
    );
    const mail = await simpleParser(message.raw);
    expect(mail.subject).toBe('Khẩn: hộp thư gần như đã đầy, đã dùng 98% dung lượng');
    expect(mail.text).toContain('1.010 KB trên tổng dung lượng 1 MB');
  });

  it('follows the deployment’s default locale and its own names and addresses', async () => {
    const { org } = loadConfig({
      DEFAULT_LOCALE: 'en',
      PRODUCT_NAME: 'Provincial Mail',
      MAIL_DOMAIN: 'example.gov.vn',
      SUPPORT_ADDRESS: 'it@example.gov.vn',
    });
    const message = await buildQuotaWarningMessage(
      { email: 'b@example.gov.vn', level: 'warning', usedBytes: 1.85 * GB, limitBytes: 2 * GB, percent: 92 },
      org,
      date,
    );
    const mail = await simpleParser(message.raw);
    expect(mail.subject).toBe('Warning: your mailbox is nearly full, 92% of its quota used');
    expect(mail.from?.value[0]).toEqual({ name: 'Provincial Mail', address: 'khongtraloi@example.gov.vn' });
    expect(mail.text).toContain('1.9 GB of its 2 GB quota');
    expect(mail.text).toContain('it@example.gov.vn');
  });
});
