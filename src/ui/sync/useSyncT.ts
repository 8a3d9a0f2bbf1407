import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { sync } from './locales/en';
import { registerSyncMessages, SYNC_NAMESPACE } from './registerSyncMessages';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key of the 'sync' namespace, e.g. 'status.waiting'. */
export type SyncKey = Leaves<typeof sync>;
export type SyncT = (key: SyncKey, params?: Readonly<Record<string, string | number>>) => string;

// The app's i18next types list only its own namespaces; this one is typed by SyncKey instead.
type LooseFixedT = (key: string, options?: Readonly<Record<string, unknown>>) => string;

/** t for the 'sync' namespace, keys checked against the English messages; registers the namespace on first use. */
export function useSyncT(): { t: SyncT } {
  const { i18n } = useTranslation();
  registerSyncMessages(i18n);
  const t = useMemo<SyncT>(() => {
    // lng null: the language current at each call, so a language switch (which re-renders) takes effect.
    const fixed = (i18n as unknown as { getFixedT(lng: null, ns: string): LooseFixedT }).getFixedT(null, SYNC_NAMESPACE);
    return (key, params) => fixed(key, params);
  }, [i18n]);
  return { t };
}
