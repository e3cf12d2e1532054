import { deliverViaLmtp } from '../../scripts/seed/lmtp-delivery';
import { resetMailbox } from '../../scripts/seed/mailbox-reset';

/** Empties a demo mailbox, then delivers one message of about `bytes` so its quota use is known. */
export async function fillMailbox(email: string, bytes: number): Promise<void> {
  resetMailbox(email);
  const line = `${'Dữ liệu kiểm thử hạn mức hộp thư. '.repeat(4).slice(0, 74)}\r\n`;
  const body = line.repeat(Math.ceil(bytes / Buffer.byteLength(line)));
  const raw = Buffer.from(
    `From: hotro@binhphuoc.gov.vn\r\nTo: ${email}\r\nSubject: =?UTF-8?B?${Buffer.from('Tệp lớn').toString('base64')}?=\r\n` +
      `Date: ${new Date().toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Transfer-Encoding: 8bit\r\n\r\n${body}`,
  );
  const [result] = await deliverViaLmtp([{ from: 'hotro@binhphuoc.gov.vn', to: [email], raw }]);
  if (!result || result.rejected.length > 0) throw new Error(`delivery refused: ${JSON.stringify(result)}`);
}
