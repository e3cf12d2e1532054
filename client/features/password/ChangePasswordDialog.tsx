import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../ui/Banner';
import { ChangePasswordForm } from './ChangePasswordForm';
import { usePasswordDialogStore } from './password-dialog-store';

/** The voluntary change, over the mail screen; Escape or Cancel closes it without a trace. */
export function ChangePasswordDialog({ email }: { email: string }) {
  const { t } = useTranslation();
  const open = usePasswordDialogStore((s) => s.passwordDialogOpen);
  const setOpen = usePasswordDialogStore((s) => s.setPasswordDialogOpen);
  const [done, setDone] = useState(false);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    setDone(false);
    const opener = document.activeElement as HTMLElement | null;
    panel.current?.querySelector<HTMLElement>('input:not([hidden]), button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, [open, setOpen]);

  if (!open) return null;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="password-dialog-title"
        ref={panel}
      >
        <h2 id="password-dialog-title">{t('password.title')}</h2>
        {done ? (
          <>
            <Banner tone="info">{t('password.done')}</Banner>
            <div className="form-actions">
              <button type="button" className="button button-primary" onClick={() => setOpen(false)}>
                {t('password.close')}
              </button>
            </div>
          </>
        ) : (
          <ChangePasswordForm email={email} onDone={() => setDone(true)} onCancel={() => setOpen(false)} />
        )}
      </div>
    </div>
  );
}
