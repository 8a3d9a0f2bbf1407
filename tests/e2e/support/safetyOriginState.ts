import type { Page } from 'playwright-core';

export interface OriginState {
  /** Every IndexedDB database the browser lists, with the row count of each of its object stores. */
  readonly databases: readonly { readonly name: string; readonly rows: Readonly<Record<string, number>> }[];
  readonly localStorageKeys: readonly string[];
  readonly sessionStorageKeys: readonly string[];
  readonly cacheNames: readonly string[];
}

/** What the origin keeps, read inside the page with the raw browser APIs (not through the app). */
export function readOriginState(page: Page): Promise<OriginState> {
  return page.evaluate(async () => {
    const countRows = (name: string) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        // No version: opens the existing database as it is (listed by databases(), so it exists).
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error ?? new Error(`open ${name} failed`));
        request.onsuccess = () => {
          const db = request.result;
          const storeNames = [...db.objectStoreNames];
          const rows: Record<string, number> = {};
          if (storeNames.length === 0) {
            db.close();
            resolve(rows);
            return;
          }
          const tx = db.transaction(storeNames, 'readonly');
          for (const storeName of storeNames) {
            const count = tx.objectStore(storeName).count();
            count.onsuccess = () => {
              rows[storeName] = count.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(rows);
          };
          tx.onerror = () => reject(tx.error ?? new Error(`count in ${name} failed`));
        };
      });
    const databases = [];
    for (const info of await indexedDB.databases()) {
      if (info.name !== undefined) databases.push({ name: info.name, rows: await countRows(info.name) });
    }
    const keysOf = (storage: Storage) => Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
    return {
      databases,
      localStorageKeys: keysOf(localStorage),
      sessionStorageKeys: keysOf(sessionStorage),
      cacheNames: await caches.keys(),
    };
  });
}

/** Total rows over every store of every database. */
export function totalRows(state: OriginState): number {
  return state.databases.reduce((sum, db) => sum + Object.values(db.rows).reduce((a, b) => a + b, 0), 0);
}
