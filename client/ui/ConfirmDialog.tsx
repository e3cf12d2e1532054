import { type ReactNode, useId, useRef } from 'react';
import { Dialog } from './Dialog';

/**
 * A question that needs an answer before something irreversible (empty Trash, delete a folder):
 * role=alertdialog, focus starts on Cancel (Enter on a reflex must not destroy anything), and
 * Escape cancels.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={title}
      role="alertdialog"
      className="confirm-dialog"
      describedBy={`${id}-text`}
      initialFocus={cancel}
      onClose={onCancel}
    >
      <div id={`${id}-text`} className="confirm-text">
        {children}
      </div>
      <div className="form-actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={`button ${danger ? 'button-danger' : 'button-primary'}`}
          onClick={onConfirm}
          disabled={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
