import { lazy, Suspense, useEffect } from 'react';
import { keptIdentity } from './identity-vault';
import { useSigningStore } from './signing-store';

const SigningDialog = lazy(() => import('./SigningDialog'));

/**
 * Mounted once in the mail screen: brings back a certificate kept on this computer, forgets one
 * that belongs to another account, and shows the (lazily loaded) dialog when it is asked for.
 */
export function SigningSetup({ email }: { email: string }) {
  const open = useSigningStore((s) => s.dialogOpen);
  useEffect(() => {
    const owner = email.toLowerCase();
    const state = useSigningStore.getState();
    if (state.owner !== owner) state.setIdentity(owner, null);
    let live = true;
    keptIdentity(owner)
      .then((kept) => {
        if (live && kept && !useSigningStore.getState().identity) state.setIdentity(owner, kept);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [email]);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <SigningDialog email={email} />
    </Suspense>
  );
}

/**
 * "Chữ ký số" in the account menu. Not on a phone-wide screen (hidden there by the menu's style):
 * a certificate file is imported from a computer.
 */
export function SigningMenuButton({ label, className = 'button' }: { label: string; className?: string }) {
  const setOpen = useSigningStore((s) => s.setDialogOpen);
  return (
    <button type="button" className={`${className} account-signing`} onClick={() => setOpen(true)}>
      {label}
    </button>
  );
}
