import { screen, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AttachmentVerdicts, MessageDetail } from '../../../common/contract';
import { routeUrl } from '../../../common/contract/route';
import { quotaRoutes, sessionRoutes } from '../../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../../common/routes/mail';
import { malwareRoutes } from '../../../common/routes/malware';
import { publicConfigRoutes } from '../../../common/routes/site';
import { apiPattern } from '../../test/api-pattern';
import { hostileMessage, inboxPage, mailboxes, publicConfig, session } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/setup';

const file = (id: string, filename: string) => ({
  id,
  filename,
  contentType: 'application/octet-stream',
  size: 8_192,
  contentId: null,
  inline: false,
});

const invoice: MessageDetail = {
  ...hostileMessage,
  uid: 7,
  subject: 'Hóa đơn điện tử tháng 11',
  html: '<p>Xem hóa đơn đính kèm.</p>',
  attachments: [file('2', 'Công văn 125.txt'), file('3', 'Hóa đơn.exe')],
};

describe('Đ8.2b attachment chips and the malware verdict', { timeout: 20_000 }, () => {
  let verdicts: AttachmentVerdicts;

  beforeEach(() => {
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json(session)),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(quotaRoutes.get), () =>
        HttpResponse.json({ usedBytes: 1, limitBytes: 2 * 1024 ** 3, level: 'ok' }),
      ),
      http.get(routeUrl(messageRoutes.list, { mailbox: 'INBOX' }), () => HttpResponse.json(inboxPage)),
      http.get(routeUrl(messageRoutes.get, { mailbox: 'INBOX', uid: 7 }), () => HttpResponse.json(invoice)),
      http.post(
        routeUrl(messageRoutes.setFlags, { mailbox: 'INBOX' }),
        () => new HttpResponse(null, { status: 204 }),
      ),
      http.get(routeUrl(malwareRoutes.attachmentVerdicts, { mailbox: 'INBOX', uid: 7 }), () =>
        HttpResponse.json(verdicts),
      ),
    );
  });

  const open = () => {
    window.history.replaceState(null, '', '/thu/INBOX/7');
    return renderApp();
  };

  it('marks the infected file with its signature as text and offers no download of it, nor the ZIP', async () => {
    verdicts = {
      attachments: [
        { part: '2', status: 'clean', signature: null },
        { part: '3', status: 'infected', signature: '<b>Win.Trojan.Agent-1</b>' },
      ],
    };
    open();
    const bar = await screen.findByRole('region', { name: '2 tệp đính kèm' });
    const note = await within(bar).findByText('Có mã độc: <b>Win.Trojan.Agent-1</b>');
    expect(note.querySelector('b')).toBeNull();
    const chip = note.closest('li')!;
    expect(within(chip).queryByRole('link')).toBeNull();
    expect(within(bar).getByRole('link', { name: 'Tải về Công văn 125.txt' })).toBeTruthy();
    expect(within(bar).queryByRole('link', { name: 'Tải tất cả (.zip)' })).toBeNull();
  });

  it('says a file could not be checked when the province requires a verdict', async () => {
    verdicts = {
      attachments: [
        { part: '2', status: 'unavailable', signature: null },
        { part: '3', status: 'unavailable', signature: null },
      ],
    };
    open();
    const bar = await screen.findByRole('region', { name: '2 tệp đính kèm' });
    expect(await within(bar).findAllByText('Chưa kiểm tra được mã độc')).toHaveLength(2);
    expect(within(bar).queryByRole('link')).toBeNull();
  });
});
