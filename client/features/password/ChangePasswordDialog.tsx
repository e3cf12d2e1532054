import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';
import { ChangePasswordForm } from './ChangePasswordForm';
import { usePasswordDialogStore } from './password-dialog-store';

/** The voluntary change, over the mail screen; Escape or Cancel closes it without a trace. */
export function ChangePasswordDialog({ email }: { email: string }) {
  const { t } = useTranslation();
  const open = usePasswordDialogStore((s) => s.passwordDialogOpen);
  const setOpen = usePasswordDialogStore((s) => s.setPasswordDialogOpen);
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (open) setDone(false);
  }, [open]);

  if (!open) return null;
  return (
    <Dialog title={t('password.title')} onClose={() => setOpen(false)}>
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
    </Dialog>
  );
}
