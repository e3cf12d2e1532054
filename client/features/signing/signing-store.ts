import { create } from 'zustand';
import type { CertificateInfo } from '../../../common/signing/certificate-info';

/**
 * The user's signing key (Đ14.2h) as this tab holds it: a non-extractable CryptoKey (it can sign,
 * it cannot be read back, not even by this code) and the certificate chain. By default it lives
 * here only, in memory, until the tab closes or the user logs out. This file is in the first
 * bundle and imports nothing of the certificate code (pkijs), which loads with the dialog.
 */
export interface LoadedIdentity {
  key: CryptoKey;
  /** DER, the signer's certificate first. */
  chain: Uint8Array[];
  certificate: CertificateInfo;
  /** Kept in this browser's IndexedDB ("keep on this computer"). */
  persisted: boolean;
}

interface SigningState {
  /** Whose identity this is: another user at the same desk never signs with it. */
  owner: string | null;
  identity: LoadedIdentity | null;
  dialogOpen: boolean;
  setDialogOpen: (open: boolean) => void;
  setIdentity: (owner: string, identity: LoadedIdentity | null) => void;
  reset: () => void;
}

export const useSigningStore = create<SigningState>((set) => ({
  owner: null,
  identity: null,
  dialogOpen: false,
  setDialogOpen: (dialogOpen) => set({ dialogOpen }),
  setIdentity: (owner, identity) => set({ owner, identity }),
  reset: () => set({ owner: null, identity: null, dialogOpen: false }),
}));

/** The identity to sign with as `email`, if there is one. */
export function signingIdentityFor(email: string): LoadedIdentity | null {
  const { owner, identity } = useSigningStore.getState();
  return owner === email.toLowerCase() ? identity : null;
}
