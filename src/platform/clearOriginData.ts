// What panic wipe removes beyond the store's own database: every other IndexedDB database, Web Storage
// (the language preference too: afterwards the app must look freshly installed) and every Cache Storage
// cache but the service worker's precache of the app shell, which holds no data and lets the app start offline.

/** The browser stores to clear; each is optional because older WebViews lack some of them. */
export interface OriginStores {
  readonly indexedDB?: IDBFactory | undefined;
  readonly localStorage?: Storage | undefined;
  readonly sessionStorage?: Storage | undefined;
  readonly caches?: CacheStorage | undefined;
}

/** Workbox names its precache `workbox-precache-v2-<scope>`: the app shell (HTML, JS, CSS, icons) only. */
export function isAppShellCache(name: string): boolean {
  return name.startsWith('workbox-precache');
}

/** What could not be cleared (the rest was); empty when everything went. */
export type OriginDataLeft = readonly ('indexedDB' | 'webStorage' | 'caches')[];

/**
 * Deletes every IndexedDB database the browser lists for this origin (where indexedDB.databases() exists;
 * the store deletes its own database itself), clears localStorage and sessionStorage, and deletes every cache except
 * the app shell's. Never throws: a panic wipe goes as far as it can and says what is left.
 */
export async function clearOriginData(stores: OriginStores = browserOriginStores()): Promise<OriginDataLeft> {
  const left: ('indexedDB' | 'webStorage' | 'caches')[] = [];
  if (!(await deleteDatabases(stores.indexedDB))) left.push('indexedDB');
  try {
    stores.localStorage?.clear();
    stores.sessionStorage?.clear();
  } catch {
    left.push('webStorage');
  }
  try {
    const names = (await stores.caches?.keys()) ?? [];
    await Promise.all(names.filter((name) => !isAppShellCache(name)).map((name) => stores.caches?.delete(name)));
  } catch {
    left.push('caches');
  }
  return left;
}

function browserOriginStores(): OriginStores {
  // Reading localStorage can itself throw (storage disabled); such a store is simply not there.
  const read = <T>(get: () => T): T | undefined => {
    try {
      return get();
    } catch {
      return undefined;
    }
  };
  return {
    indexedDB: read(() => globalThis.indexedDB),
    localStorage: read(() => globalThis.localStorage),
    sessionStorage: read(() => globalThis.sessionStorage),
    caches: read(() => globalThis.caches),
  };
}

async function deleteDatabases(factory: IDBFactory | undefined): Promise<boolean> {
  if (factory === undefined) return true;
  try {
    const listed = typeof factory.databases === 'function' ? await factory.databases() : [];
    const names = listed.flatMap((info) => (info.name === undefined ? [] : [info.name]));
    const results = await Promise.all(names.map((name) => deleteDatabase(factory, name)));
    return results.every(Boolean);
  } catch {
    return false;
  }
}

/**
 * Resolves true once deleted. A delete 'blocked' by a connection in another tab completes as soon as that tab
 * closes it (Dexie closes on 'versionchange'), so it is awaited, not abandoned.
 */
function deleteDatabase(factory: IDBFactory, name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve(true);
    request.onerror = () => resolve(false);
  });
}
