import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { clearOriginData, isAppShellCache } from '../../../src/platform/clearOriginData';

/** A Web Storage double with the methods clearOriginData uses. */
function memoryStorage(entries: Record<string, string>): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

/** A Cache Storage double: only names matter here. */
function memoryCaches(names: string[]): CacheStorage & { names: string[] } {
  const state = { names: [...names] };
  return {
    get names() {
      return state.names;
    },
    keys: () => Promise.resolve([...state.names]),
    delete: (name: string) => {
      const had = state.names.includes(name);
      state.names = state.names.filter((n) => n !== name);
      return Promise.resolve(had);
    },
    has: (name: string) => Promise.resolve(state.names.includes(name)),
    open: () => Promise.reject(new Error('not used')),
    match: () => Promise.resolve(undefined),
  } as CacheStorage & { names: string[] };
}

function createDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('rows').put('x', 'k');
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

describe('clearOriginData', () => {
  it('deletes every database, both Web Storages and every cache but the app-shell precache', async () => {
    const indexedDB = new IDBFactory();
    await createDatabase(indexedDB, 'dala');
    await createDatabase(indexedDB, 'something-else');
    expect((await indexedDB.databases()).map((d) => d.name).sort()).toEqual(['dala', 'something-else']);
    const localStorage = memoryStorage({ 'dala.language': 'kk', other: '1' });
    const sessionStorage = memoryStorage({ s: '1' });
    const caches = memoryCaches(['workbox-precache-v2-http://127.0.0.1/', 'runtime-responses', 'dala-relay']);

    expect(await clearOriginData({ indexedDB, localStorage, sessionStorage, caches })).toEqual([]);

    expect(await indexedDB.databases()).toEqual([]);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(caches.names).toEqual(['workbox-precache-v2-http://127.0.0.1/']);
  });

  it('goes on past a store that fails, and says which one is left', async () => {
    const broken = memoryStorage({ a: '1' });
    broken.clear = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const caches = memoryCaches(['old-cache']);
    expect(await clearOriginData({ localStorage: broken, caches })).toEqual(['webStorage']);
    expect(caches.names).toEqual([]);
  });

  it('tells the app-shell cache by its workbox name only', () => {
    expect(isAppShellCache('workbox-precache-v2-https://example.org/')).toBe(true);
    expect(isAppShellCache('my-workbox-precache')).toBe(false);
    expect(isAppShellCache('workbox-runtime')).toBe(false);
  });

  it('needs none of the stores to exist (older WebViews)', async () => {
    expect(await clearOriginData({})).toEqual([]);
  });
});
