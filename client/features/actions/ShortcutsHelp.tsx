import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { useShortcutsStore } from './shortcuts-store';
import { SHORTCUT_KEYS } from './use-mail-shortcuts';
import './actions.css';

/** "?": the list of keys, as a dialog that Escape or its button closes. */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const open = useShortcutsStore((s) => s.shortcutsOpen);
  const setOpen = useShortcutsStore((s) => s.setShortcutsOpen);
  const close = useRef<HTMLButtonElement>(null);

  // "?" closes the help as it opened it (Escape is the dialog's own).
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?') {
        e.preventDefault();
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, setOpen]);

  if (!open) return null;
  return (
    <Dialog
      title={t('shortcuts.title')}
      className="shortcuts-dialog"
      initialFocus={close}
      onClose={() => setOpen(false)}
    >
      <table className="shortcuts-table">
        <tbody>
          {SHORTCUT_KEYS.map((s) => (
            <tr key={s.name}>
              <td>
                {s.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
              <td>{t(`shortcuts.${s.name}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button ref={close} type="button" className="button" onClick={() => setOpen(false)}>
          {t('shortcuts.close')}
        </button>
      </div>
    </Dialog>
  );
}
