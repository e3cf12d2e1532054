import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DayInput, typedDay } from './DayInput';

describe('typedDay', () => {
  it.each([
    ['05/10/2026', '2026-10-05'],
    ['5/10/2026', '2026-10-05'],
    [' 29/02/2028 ', '2028-02-29'],
  ])('reads %s as %s', (text, day) => {
    expect(typedDay(text)).toBe(day);
  });

  it.each(['31/02/2026', '2026-10-05', '5.10.2026', '10/2026', 'hôm nay'])('refuses %s', (text) => {
    expect(typedDay(text)).toBeNull();
  });

  it('leaves an empty field as no day at all', () => {
    expect(typedDay('')).toBeUndefined();
    expect(typedDay('   ')).toBeUndefined();
  });
});

function Field({ showInvalid = false }: { showInvalid?: boolean }) {
  const [text, setText] = useState('');
  return (
    <label>
      Ngày
      <DayInput value={text} onChange={setText} showInvalid={showInvalid} />
      <output>{String(typedDay(text))}</output>
    </label>
  );
}

describe('DayInput', () => {
  it('keeps the text as typed, with the number keyboard and the format as placeholder', async () => {
    const user = userEvent.setup();
    render(<Field />);
    const input = screen.getByLabelText('Ngày') as HTMLInputElement;
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.placeholder).toBe('dd/MM/yyyy');
    await user.type(input, '5/10/2026');
    expect(input.value).toBe('5/10/2026');
    expect(screen.getByRole('status').textContent).toBe('2026-10-05');
  });

  it('marks a day that does not exist once asked to, and never an empty field', async () => {
    const user = userEvent.setup();
    render(<Field showInvalid />);
    const input = screen.getByLabelText('Ngày');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    await user.type(input, '31/02/2026');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await user.clear(input);
    await user.type(input, '28/02/2026');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('does not mark anything while showInvalid is off', async () => {
    const user = userEvent.setup();
    render(<Field />);
    const input = screen.getByLabelText('Ngày');
    await user.type(input, '31/02/2026');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });
});
