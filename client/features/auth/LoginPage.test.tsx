import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { quotaRoutes, sessionRoutes } from '../../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../../common/routes/mail';
import { publicConfigRoutes } from '../../../common/routes/site';
import { apiPattern } from '../../test/api-pattern';
import { inboxPage, mailboxes, publicConfig, session } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { server } from '../../test/setup';

const loggedOut = () =>
  HttpResponse.json({ error: { code: 'not_authenticated', message: '' } }, { status: 401 });

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Địa chỉ thư điện tử'), email);
  await user.type(screen.getByLabelText('Mật khẩu'), password);
  await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

/** The login page, with the proxy answering the log-in with `status` and an error body. */
function loginAnswers(status: number, error: { code: string; details?: Record<string, string | number> }) {
  server.use(
    http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
    http.get(apiPattern(sessionRoutes.get), loggedOut),
    http.post(apiPattern(sessionRoutes.logIn), () =>
      HttpResponse.json({ error: { message: 'x', ...error } }, { status }),
    ),
  );
}

describe('LoginPage', () => {
  it('shows the Vietnamese message for a wrong password and keeps what was typed', async () => {
    loginAnswers(401, { code: 'invalid_credentials' });
    renderApp();
    await fillAndSubmit('thanhtv.sttt', 'Sai#matkhau1');
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Địa chỉ thư hoặc mật khẩu không đúng.',
    );
    expect(screen.getByLabelText('Địa chỉ thư điện tử')).toHaveProperty('value', 'thanhtv.sttt');
  });

  it('explains a suspended mailbox with the recorded reason (Đ6.1)', async () => {
    loginAnswers(423, { code: 'account_suspended', details: { reason: 'Không hoạt động 6 tháng' } });
    renderApp();
    await fillAndSubmit('lanhnt.sgddt', 'Lanh#Sgddt2026');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Hộp thư của bạn đang bị tạm khóa');
    expect(alert.textContent).toContain('Lý do: Không hoạt động 6 tháng');
  });

  it('says how long to wait after too many failed attempts', async () => {
    loginAnswers(429, { code: 'too_many_attempts', details: { retryAfterSeconds: 540, minutes: 9 } });
    renderApp();
    await fillAndSubmit('thanhtv.sttt', 'Sai#matkhau1');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Bạn đã nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau 9 phút.',
    );
  });

  it('adds the province domain to a bare account name, sends the CSRF header, and opens the inbox', async () => {
    let sent: { body: unknown; csrf: string | null } | null = null;
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), loggedOut),
      http.post(apiPattern(sessionRoutes.logIn), async ({ request }) => {
        sent = { body: await request.json(), csrf: request.headers.get('x-csrf-token') };
        return HttpResponse.json(session);
      }),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(quotaRoutes.get), () =>
        HttpResponse.json({ usedBytes: 1, limitBytes: 2, level: 'ok' }),
      ),
      http.get(apiPattern(messageRoutes.list), () => HttpResponse.json(inboxPage)),
    );
    renderApp();
    await fillAndSubmit('thanhtv.sttt', 'Thanh#Sttt2026');
    expect(await screen.findByText('Công văn số 125/UBND-KGVX về chuyển đổi số')).toBeTruthy();
    await waitFor(() =>
      expect(sent).toEqual({
        body: { email: 'thanhtv.sttt@binhphuoc.gov.vn', password: 'Thanh#Sttt2026' },
        csrf: 'login',
      }),
    );
  });
});

describe('LoginPage with a field left empty', { timeout: 20_000 }, () => {
  it('keeps the button usable and says, beside each empty field, what is missing', async () => {
    let attempts = 0;
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), loggedOut),
      http.post(apiPattern(sessionRoutes.logIn), () => {
        attempts += 1;
        return HttpResponse.json(session);
      }),
    );
    renderApp();
    const user = userEvent.setup();
    const email = await screen.findByLabelText('Địa chỉ thư điện tử');
    const submit = screen.getByRole('button', { name: 'Đăng nhập' });
    expect(submit).toHaveProperty('disabled', false);
    await user.click(submit);
    const emailError = document.getElementById(email.getAttribute('aria-describedby') ?? '');
    expect(emailError?.textContent).toBe('Hãy nhập địa chỉ thư điện tử (hoặc tên tài khoản).');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(email);
    const password = screen.getByLabelText('Mật khẩu');
    expect(document.getElementById(password.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Hãy nhập mật khẩu.',
    );

    await user.type(email, 'thanhtv.sttt');
    await user.click(submit);
    expect(email.hasAttribute('aria-describedby')).toBe(false);
    expect(document.activeElement).toBe(password);
    expect(screen.getByText('Hãy nhập mật khẩu.')).toBeTruthy();
    expect(attempts).toBe(0);
  });
});
