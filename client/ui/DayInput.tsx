import type { InputHTMLAttributes } from 'react';
import { parseVietnameseDay, type VietnamDate } from '../../common/policy/vietnam-date';

/**
 * A day as typed in a field: undefined when left empty (no bound, no date), null when it is no
 * real day in dd/MM/yyyy ("31/02/2026", "2026-10-05"), else the day ('2026-10-05').
 */
export function typedDay(text: string): VietnamDate | null | undefined {
  return text.trim() === '' ? undefined : parseVietnameseDay(text);
}

/**
 * A day typed as Vietnamese documents write it, dd/MM/yyyy ("5/10/2026" too), with the number
 * keyboard on phones. The text stays as typed; `showInvalid` (usually: the form was submitted)
 * marks a filled-in field that is no real day.
 */
export function DayInput({
  value,
  onChange,
  showInvalid = false,
  placeholder = 'dd/MM/yyyy',
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange: (text: string) => void;
  showInvalid?: boolean;
}) {
  return (
    <input
      {...rest}
      inputMode="numeric"
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={showInvalid && typedDay(value) === null ? true : undefined}
    />
  );
}
