import { type ClipboardEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../common/contract';
import { useContacts } from '../../api/compose';
import { formatRecipient, parseAddressList, toChips } from './address-list';
import type { RecipientChip } from './compose-store';

const suggestionSource = (c: Contact, t: (key: string, options?: Record<string, unknown>) => string) =>
  c.source === 'group'
    ? t('contacts.fromGroup', { count: c.members?.length ?? 0 })
    : c.source === 'contact'
      ? t('contacts.fromContact')
      : c.source === 'directory'
        ? t('compose.fromDirectory')
        : t('compose.fromRecent');

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/**
 * One address field (To, Cc or Bcc): chips for what is entered, completion from the province's
 * directory and the user's recent recipients, paste of many addresses at once. An address that
 * is no address stays as a red chip, announced as invalid, until the user fixes or removes it.
 */
export function RecipientInput({
  label,
  chips,
  onChange,
  autoFocus = false,
}: {
  label: string;
  chips: RecipientChip[];
  onChange: (chips: RecipientChip[]) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text, 200);
  const contacts = useContacts(open ? query : '');
  // Only answers to what is in the field now: Enter must never pick a name for older text.
  const current = open && text.trim() !== '' && query === text && contacts.isSuccess;
  const typedAddresses = parseAddressList(text);
  const typedComplete = typedAddresses.length > 0 && typedAddresses.every((a) => a.valid);
  const suggestions = (current ? (contacts.data ?? []) : []).filter(
    (c) =>
      !chips.some((chip) => chip.address === c.address.toLowerCase()) &&
      // A complete address typed out is taken as typed.
      !(typedComplete && typedAddresses.some((a) => a.address === c.address.toLowerCase())),
  );
  const listId = `${id}-list`;

  const add = (added: RecipientChip[]) => {
    const seen = new Set(chips.map((c) => c.address));
    const fresh = added.filter((c) => {
      if (seen.has(c.address)) return false;
      seen.add(c.address);
      return true;
    });
    if (fresh.length) onChange([...chips, ...fresh]);
  };
  const commitText = (value = text) => {
    const parsed = parseAddressList(value);
    if (parsed.length) add(toChips(parsed));
    setText('');
    setActive(0);
  };
  // A group of the address book adds its members, each as its own chip.
  const pick = (contact: Contact) => {
    add(
      toChips(
        (contact.members ?? [contact]).map((c) =>
          c.name ? { name: c.name, address: c.address } : { address: c.address },
        ),
      ),
    );
    setText('');
    setOpen(false);
    inputRef.current?.focus();
  };
  const removeChip = (key: string) => onChange(chips.filter((c) => c.key !== key));
  const editChip = (chip: RecipientChip) => {
    removeChip(chip.key);
    setText(formatRecipient(chip));
    inputRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const listed = suggestions.length > 0;
    if (e.key === 'ArrowDown' && listed) {
      e.preventDefault();
      setActive((a) => (a + 1) % suggestions.length);
    } else if (e.key === 'ArrowUp' && listed) {
      e.preventDefault();
      setActive((a) => (a - 1 + suggestions.length) % suggestions.length);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && listed && suggestions[active] && !typedComplete) {
      if (e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      pick(suggestions[active]!);
    } else if ((e.key === 'Enter' || e.key === ',' || e.key === ';') && text.trim()) {
      if (e.ctrlKey || e.metaKey) return commitText();
      e.preventDefault();
      commitText();
    } else if (e.key === 'Backspace' && !text && chips.length) {
      e.preventDefault();
      editChip(chips[chips.length - 1]!);
    } else if (e.key === 'Escape' && listed) {
      e.stopPropagation();
      setOpen(false);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text');
    if (!/[,;\n\r\t]/.test(pasted) && !pasted.includes('@')) return;
    e.preventDefault();
    commitText(`${text}${pasted}`);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the field's blank part focuses its input
    // biome-ignore lint/a11y/useKeyWithClickEvents: the input itself is focusable by keyboard
    <div className="recipient-field" onClick={() => inputRef.current?.focus()}>
      <label className="recipient-label" htmlFor={id}>
        {label}
      </label>
      <ul className="recipient-chips" aria-label={label}>
        {chips.map((chip) => {
          const shown = chip.name || chip.address;
          const described = chip.valid
            ? t('compose.recipientLabel', { recipient: formatRecipient(chip) })
            : t('compose.invalidRecipient', { address: chip.address });
          return (
            <li
              key={chip.key}
              className={`chip ${chip.valid ? '' : 'chip-invalid'}`}
              title={formatRecipient(chip)}
            >
              <button
                type="button"
                className="chip-text"
                aria-label={described}
                aria-invalid={chip.valid ? undefined : true}
                onClick={(e) => {
                  e.stopPropagation();
                  if (!chip.valid) editChip(chip);
                }}
              >
                {shown}
              </button>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('compose.removeRecipient', { address: chip.address })}
                onClick={(e) => {
                  e.stopPropagation();
                  removeChip(chip.key);
                }}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <div className="recipient-entry">
        <input
          ref={inputRef}
          id={id}
          type="text"
          className="recipient-input"
          role="combobox"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={suggestions.length ? `${listId}-${active}` : undefined}
          autoComplete="off"
          spellCheck={false}
          // biome-ignore lint/a11y/noAutofocus: a new message starts at its first recipient
          autoFocus={autoFocus}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => {
            if (text.trim()) commitText();
            setOpen(false);
          }}
        />
        {suggestions.length ? (
          <div
            id={listId}
            role="listbox"
            className="recipient-suggestions"
            aria-label={t('compose.suggestions')}
          >
            {suggestions.map((c, i) => (
              <div
                key={c.address}
                id={`${listId}-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className={i === active ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(c);
                }}
              >
                <span className="suggestion-name">{c.name || c.address}</span>
                <span className="suggestion-meta muted small">
                  {c.name && !c.members ? c.address : null}
                  {c.unit ? ` · ${c.unit}` : null}
                  {c.members ? '' : ' · '}
                  {suggestionSource(c, t)}
                </span>
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
