import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { routeUrl } from '../../../common/contract/route';
import { quotaRoutes, sessionRoutes } from '../../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../../common/routes/mail';
import { publicConfigRoutes } from '../../../common/routes/site';
import { apiPattern } from '../../test/api-pattern';
import { inboxPage, mailboxes, publicConfig, session } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/setup';

describe('logging out', { timeout: 20_000 }, () => {
  // The second case is a log-out whose request never got an answer (network down): the session is
  // forgotten all the same.
  it.each([
    ['answered', () => new HttpResponse(null, { status: 204 })],
    ['unanswered', () => HttpResponse.error()],
  ])(
    '(%s) leaves the login page with the deployment settings: domain in the placeholder, support address in the help',
    async (_, answer) => {
      let signedIn = true;
      server.use(
        http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
        http.get(apiPattern(sessionRoutes.get), () =>
          signedIn
            ? HttpResponse.json(session)
            : HttpResponse.json({ error: { code: 'not_authenticated', message: '' } }, { status: 401 }),
        ),
        http.delete(apiPattern(sessionRoutes.logOut), () => {
          signedIn = false;
          return answer();
        }),
        http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
        http.get(apiPattern(quotaRoutes.get), () =>
          HttpResponse.json({ usedBytes: 1, limitBytes: 2, level: 'ok' }),
        ),
        http.get(routeUrl(messageRoutes.list, { mailbox: 'INBOX' }), () => HttpResponse.json(inboxPage)),
      );
      window.history.replaceState(null, '', '/');
      renderApp();
      const user = userEvent.setup();
      await user.click(await screen.findByRole('button', { name: /thanhtv\.sttt@binhphuoc\.gov\.vn/ }));
      await user.click(screen.getByRole('button', { name: 'Đăng xuất' }));
      const email = await screen.findByLabelText('Địa chỉ thư điện tử');
      expect(email.getAttribute('placeholder')).toBe('ten.donvi@binhphuoc.gov.vn');
      expect(screen.getByText(/Quên mật khẩu\?/).textContent).toContain('qua hotro@binhphuoc.gov.vn.');
    },
  );
});
