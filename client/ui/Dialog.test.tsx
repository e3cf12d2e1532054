import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Dialog } from './Dialog';

/** A page with a button that opens a dialog of two fields and a button. */
function Page({ withInitialFocus = false }: { withInitialFocus?: boolean }) {
  const [open, setOpen] = useState(false);
  const done = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <button type="button">Elsewhere</button>
      {open ? (
        <Dialog
          title="Rename"
          initialFocus={withInitialFocus ? done : undefined}
          onClose={() => setOpen(false)}
        >
          <input aria-label="Name" />
          <input aria-label="Hidden" hidden />
          <button type="button" disabled>
            Disabled
          </button>
          <button ref={done} type="button" onClick={() => setOpen(false)}>
            Done
          </button>
        </Dialog>
      ) : null}
    </>
  );
}

describe('Dialog', () => {
  it('is a labelled modal dialog over a backdrop, with focus on its first field', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.parentElement?.className).toBe('dialog-backdrop');
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
  });

  it('starts on the element it is told to', async () => {
    const user = userEvent.setup();
    render(<Page withInitialFocus />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Done' }));
  });

  it('closes on Escape and gives focus back to the button that opened it', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('gives focus back also when closed by one of its own buttons', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside: past the last control to the first, Shift+Tab from the first to the last', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const name = screen.getByLabelText('Name');
    const done = screen.getByRole('button', { name: 'Done' });
    await user.tab();
    expect(document.activeElement).toBe(done);
    await user.tab();
    expect(document.activeElement).toBe(name);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(done);
    expect(screen.getByRole('button', { name: 'Elsewhere' })).not.toBe(document.activeElement);
  });

  it('leaves Escape to the dialog on top when one opens over another', async () => {
    const user = userEvent.setup();
    const closed: string[] = [];
    render(
      <>
        <Dialog title="Under" onClose={() => closed.push('under')}>
          <button type="button">A</button>
        </Dialog>
        <Dialog title="Over" onClose={() => closed.push('over')}>
          <button type="button">B</button>
        </Dialog>
      </>,
    );
    await user.keyboard('{Escape}');
    expect(closed).toEqual(['over']);
  });
});
