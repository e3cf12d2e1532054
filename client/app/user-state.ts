import { useShortcutsStore } from '../features/actions/shortcuts-store';
import { useListStore } from '../features/mailbox/list-store';
import { usePasswordDialogStore } from '../features/password/password-dialog-store';
import { useRemoteImagesStore } from '../features/reader/remote-images-store';
import { useSearchStore } from '../features/search/search-store';
import { useSieveDialogStore } from '../features/sieve/sieve-dialog-store';
import { useSigningStore } from '../features/signing/signing-store';

/**
 * Back to a fresh state when the user changes (log-in, log-out, expiry): every feature's store of
 * what the user was doing. Office PCs are shared; the next person at the desk inherits nothing.
 * Compose windows are the exception: their store keeps its owner, so that the same user signing
 * in again after an expired session finds the unsent message still open.
 */
export function resetUserState() {
  useListStore.getState().reset();
  useRemoteImagesStore.getState().reset();
  usePasswordDialogStore.getState().reset();
  useShortcutsStore.getState().reset();
  useSearchStore.getState().clear();
  useSieveDialogStore.getState().reset();
  // A key held in memory only is forgotten with the session; one kept on this computer returns
  // when the same user logs in again.
  useSigningStore.getState().reset();
}
