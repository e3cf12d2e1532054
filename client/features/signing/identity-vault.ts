import type { LoadedIdentity } from './signing-store';

const DB_NAME = 'bp-signing';
const STORE = 'identities';

/**
 * "Ghi nhớ trên máy tính này": the CryptoKey and its certificates in IndexedDB, keyed by the
 * account. A CryptoKey is structured-clonable and stays non-extractable when stored: the browser
 * keeps the key material, and no script (this one included) can read it out.
 */
function openVault(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openVault();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function keepIdentity(email: string, identity: LoadedIdentity): Promise<void> {
  await run('readwrite', (s) => s.put({ ...identity, persisted: true }, email.toLowerCase()));
}

export async function keptIdentity(email: string): Promise<LoadedIdentity | null> {
  if (typeof indexedDB === 'undefined') return null;
  const found = await run<LoadedIdentity | undefined>('readonly', (s) => s.get(email.toLowerCase()));
  return found ?? null;
}

export async function forgetIdentity(email: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await run('readwrite', (s) => s.delete(email.toLowerCase()));
}
