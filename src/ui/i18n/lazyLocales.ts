import type { BackendModule, ReadCallback } from 'i18next';

type Bundles = Readonly<Record<string, object>>;

/**
 * Russian and Kazakh load on demand (English is bundled as the fallback): the first screen then carries
 * one language's text, not three. The chunks are precached by the service worker, so this works offline.
 */
const loaders: Readonly<Record<string, () => Promise<Bundles>>> = {
  ru: async () => {
    const [{ app }, { domain }] = await Promise.all([import('./locales/ru/app'), import('./locales/ru/domain')]);
    return { app, domain };
  },
  kk: async () => {
    const [{ app }, { domain }] = await Promise.all([import('./locales/kk/app'), import('./locales/kk/domain')]);
    return { app, domain };
  },
};

/** An i18next backend that reads the 'app' and 'domain' namespaces of ru and kk from lazy chunks. */
export const lazyLocales: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => undefined,
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = loaders[language];
    // Other namespaces (e.g. 'sync') register their own bundles; English is already in memory.
    if (load === undefined) {
      callback(null, {});
      return;
    }
    load().then(
      (bundles) => callback(null, (bundles[namespace] ?? {}) as Parameters<ReadCallback>[1]),
      (error: unknown) => callback(error instanceof Error ? error.message : String(error), false),
    );
  },
};
