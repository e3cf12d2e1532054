import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Toast, useToasts } from './toast-store';
import './toaster.css';

/**
 * Where toasts appear (bottom, above everything). Polite for notices, assertive for errors; a
 * toast stays while the pointer or focus is on it, so its "Hoàn tác" can still be reached.
 */
export function Toaster() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <div className="toaster">
      <div role="status" aria-live="polite" className="toast-stack">
        {toasts
          .filter((t) => t.tone !== 'error')
          .map((t) => (
            <ToastView key={t.id} toast={t} />
          ))}
      </div>
      <div role="alert" aria-live="assertive" className="toast-stack">
        {toasts
          .filter((t) => t.tone === 'error')
          .map((t) => (
            <ToastView key={t.id} toast={t} />
          ))}
      </div>
    </div>
  );
}

function ToastView({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const dismiss = useToasts((s) => s.dismiss);
  useEffect(() => {
    let timer = window.setTimeout(() => dismiss(toast.id), toast.durationMs);
    const el = document.getElementById(`toast-${toast.id}`);
    const hold = () => window.clearTimeout(timer);
    const release = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => dismiss(toast.id), 3_000);
    };
    el?.addEventListener('pointerenter', hold);
    el?.addEventListener('focusin', hold);
    el?.addEventListener('pointerleave', release);
    el?.addEventListener('focusout', release);
    return () => {
      window.clearTimeout(timer);
      el?.removeEventListener('pointerenter', hold);
      el?.removeEventListener('focusin', hold);
      el?.removeEventListener('pointerleave', release);
      el?.removeEventListener('focusout', release);
    };
  }, [toast.id, toast.durationMs, dismiss]);
  return (
    <div id={`toast-${toast.id}`} className={`toast toast-${toast.tone}`}>
      <span className="toast-message">{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            toast.action?.run();
            dismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        className="toast-close"
        aria-label={t('toast.close')}
        onClick={() => dismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}
