import { type FormEvent, type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';
import './dialog.css';

const CONTROLS = 'a[href], button, input, select, textarea, [contenteditable="true"], [tabindex]';

/** Open dialogs, newest last: a key belongs to the one on top (a confirmation over a form). */
const openDialogs: HTMLElement[] = [];

/** What Tab reaches inside the panel, in document order. */
const focusableIn = (panel: HTMLElement) =>
  [...panel.querySelectorAll<HTMLElement>(CONTROLS)].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !el.hidden &&
      !(el as HTMLInputElement).disabled &&
      !(el instanceof HTMLInputElement && el.type === 'hidden'),
  );

/**
 * A modal dialog over the page: the backdrop, role=dialog (or alertdialog) with aria-modal and a
 * labelled title, Escape to close, focus moved in on open and kept inside (Tab cycles), and given
 * back to the element that opened it on close, so a keyboard user never loses their place.
 */
export function Dialog({
  title,
  label,
  role = 'dialog',
  className,
  backdropClassName,
  describedBy,
  initialFocus,
  onClose,
  onSubmit,
  children,
}: {
  /** The visible heading (an h2) that names the dialog. */
  title?: ReactNode;
  /** The dialog's name when it has no heading of its own to point at. */
  label?: string;
  role?: 'dialog' | 'alertdialog';
  /** Added to the panel's `dialog` class. */
  className?: string;
  backdropClassName?: string;
  describedBy?: string;
  /** Where focus starts; else the first field or button in the dialog. */
  initialFocus?: RefObject<HTMLElement | null>;
  onClose: () => void;
  /** Makes the panel a form (Enter submits). */
  onSubmit?: (e: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const titleId = useId();
  const panel = useRef<HTMLElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const initialFocusRef = useRef(initialFocus);

  useEffect(() => {
    const self = panel.current;
    if (!self) return;
    const opener = document.activeElement as HTMLElement | null;
    openDialogs.push(self);
    (initialFocusRef.current?.current ?? focusableIn(self)[0] ?? self).focus();
    const onKey = (e: KeyboardEvent) => {
      if (openDialogs.at(-1) !== self) return;
      if (e.key === 'Escape') {
        // Not also the compose window's or the reader's Escape underneath.
        e.preventDefault();
        e.stopPropagation();
        onCloseRef.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const focusable = focusableIn(self);
      const first = focusable[0];
      const last = focusable.at(-1);
      const inside = self.contains(document.activeElement);
      if (!first || !last) {
        e.preventDefault();
      } else if (e.shiftKey && (document.activeElement === first || !inside)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      openDialogs.splice(openDialogs.indexOf(self), 1);
      opener?.focus?.();
    };
  }, []);

  const props = {
    className: className ? `dialog ${className}` : 'dialog',
    role,
    'aria-modal': true,
    'aria-labelledby': title === undefined ? undefined : titleId,
    'aria-label': title === undefined ? label : undefined,
    'aria-describedby': describedBy,
    tabIndex: -1,
  } as const;
  const heading = title === undefined ? null : <h2 id={titleId}>{title}</h2>;
  return (
    <div className={backdropClassName ? `dialog-backdrop ${backdropClassName}` : 'dialog-backdrop'}>
      {onSubmit ? (
        <form ref={panel as RefObject<HTMLFormElement>} {...props} onSubmit={onSubmit}>
          {heading}
          {children}
        </form>
      ) : (
        <div ref={panel as RefObject<HTMLDivElement>} {...props}>
          {heading}
          {children}
        </div>
      )}
    </div>
  );
}
