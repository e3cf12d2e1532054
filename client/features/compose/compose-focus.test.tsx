import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderCompose } from '../../test/compose-kit';

const LAZY = { timeout: 5_000 };

describe('focus around the compose window', () => {
  it('goes back to the button that opened it when the window is closed or minimised', async () => {
    renderCompose();
    const user = userEvent.setup();
    const compose = screen.getByRole('button', { name: 'Soạn thư' });
    await user.click(compose);
    let win = await screen.findByRole('dialog', { name: 'Soạn thư: Thư mới' }, LAZY);
    await within(win).findByRole('textbox', { name: 'Nội dung thư' }, LAZY);
    expect(win.contains(document.activeElement)).toBe(true);
    await user.click(within(win).getByRole('button', { name: 'Đóng và lưu nháp' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(compose);

    // Escape minimises: the keyboard user is back on the button, the bar waits in the dock.
    await user.keyboard('{Enter}');
    win = await screen.findByRole('dialog', { name: 'Soạn thư: Thư mới' }, LAZY);
    await within(win).findByRole('textbox', { name: 'Nội dung thư' }, LAZY);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(compose);
  }, 15_000);
});
