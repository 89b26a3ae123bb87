/**
 * Promise helpers over IndexedDB requests and transactions (the extension's own origin: the
 * options page, popup and service worker share one database). Kept tiny and generic; what is
 * stored where is in pack-db.ts.
 */

export const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/** Resolves when `tx` has committed; rejects when it aborted or failed (nothing of it was written). */
export const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('the change was cancelled', 'AbortError'));
    tx.onerror = () => undefined; // onabort follows with the error
  });

/** Opens `name` at `version`, creating stores in `upgrade`; a connection closes itself when another context must upgrade or delete the database. */
export function openDatabase(name: string, version: number, upgrade: (db: IDBDatabase) => void, onClose: () => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name, version);
    r.onupgradeneeded = () => upgrade(r.result);
    r.onsuccess = () => {
      const db = r.result;
      db.onversionchange = () => {
        db.close();
        onClose();
      };
      db.onclose = onClose;
      resolve(db);
    };
    r.onerror = () => reject(r.error ?? new Error('IndexedDB did not open'));
    r.onblocked = () => undefined; // waits for the other connections to close (they do on versionchange)
  });
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error ?? new Error('IndexedDB database not deleted'));
  });
}
