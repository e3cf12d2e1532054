import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routeUrl } from '../../common/contract/route';
import { quotaRoutes, sessionRoutes } from '../../common/routes/account';
import { mailboxRoutes, messageRoutes } from '../../common/routes/mail';
import { publicConfigRoutes } from '../../common/routes/site';
import { useListStore } from '../features/mailbox/list-store';
import { useSearchStore } from '../features/search/search-store';
import { apiPattern } from '../test/api-pattern';
import { hostileMessage, inboxPage, mailboxes, publicConfig, session } from '../test/fixtures';
import { renderApp } from '../test/render';
import { server } from '../test/setup';

let quota = { usedBytes: 1.2 * 1024 ** 3, limitBytes: 2 * 1024 ** 3, level: 'ok' };

describe('the mail screen on a phone, and the storage meter', { timeout: 20_000 }, () => {
  beforeEach(() => {
    quota = { usedBytes: 1.2 * 1024 ** 3, limitBytes: 2 * 1024 ** 3, level: 'ok' };
    server.use(
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
      http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json(session)),
      http.get(apiPattern(mailboxRoutes.list), () => HttpResponse.json(mailboxes)),
      http.get(apiPattern(quotaRoutes.get), () => HttpResponse.json(quota)),
      http.get(routeUrl(messageRoutes.list, { mailbox: 'INBOX' }), () => HttpResponse.json(inboxPage)),
      http.get(routeUrl(messageRoutes.get, { mailbox: 'INBOX', uid: 3 }), () =>
        HttpResponse.json(hostileMessage),
      ),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('closes the folder drawer on a tap outside it', async () => {
    window.history.replaceState(null, '', '/');
    renderApp();
    const user = userEvent.setup();
    const toggle = await screen.findByRole('button', { name: 'Thư mục' });
    await user.click(toggle);
    expect(useListStore.getState().foldersOpen).toBe(true);
    const scrim = document.querySelector<HTMLButtonElement>('.folders-scrim');
    expect(scrim).toBeTruthy();
    await user.click(scrim as HTMLButtonElement);
    expect(useListStore.getState().foldersOpen).toBe(false);
    // The tap opened nothing underneath.
    expect(window.location.pathname).toBe('/thu/INBOX');
  });

  it('on a phone, a search started while a message is open closes the reader so the hits show', async () => {
    vi.stubGlobal('matchMedia', (q: string) => ({ matches: q.includes('max-width: 640px') }));
    window.history.replaceState(null, '', '/thu/INBOX/3');
    renderApp();
    await screen.findByRole('article', { name: 'Nội dung thư' });
    useSearchStore.getState().run({ q: 'cong van', mailbox: null } as never);
    await waitFor(() => expect(window.location.pathname).toBe('/thu/INBOX'));
    useSearchStore.getState().clear();
  });

  it('shows how full the mailbox is under the folders, in Vietnamese numbers, coloured by level', async () => {
    window.history.replaceState(null, '', '/');
    quota = { ...quota, usedBytes: 1.84 * 1024 ** 3, level: 'warning' };
    renderApp();
    await screen.findByText('1,8 GB / 2 GB');
    const meter = document.querySelector('meter') as HTMLMeterElement;
    expect(meter.getAttribute('aria-label')).toBe('Dung lượng hộp thư');
    expect(meter.getAttribute('value')).toBe('92');
    expect(meter.getAttribute('aria-valuetext')).toBe('Đã dùng 1,8 GB / 2 GB (92%)');
    expect(screen.getByText('1,8 GB / 2 GB')).toBeTruthy();
    expect(meter.closest('.storage-meter')?.getAttribute('data-level')).toBe('warning');
  });
});
