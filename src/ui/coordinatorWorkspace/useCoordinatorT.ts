import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { coordinator } from './locales/en';
import { COORDINATOR_NAMESPACE, registerCoordinatorMessages } from './registerCoordinatorMessages';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key of the 'coordinator' namespace, e.g. 'pull.button'. */
export type CoordinatorKey = Leaves<typeof coordinator>;
export type CoordinatorT = (key: CoordinatorKey, params?: Readonly<Record<string, string | number>>) => string;

// The app's i18next types list only its own namespaces; this one is typed by CoordinatorKey instead.
type LooseFixedT = (key: string, options?: Readonly<Record<string, unknown>>) => string;

/** t for the 'coordinator' namespace, keys checked against the English messages; registers it on first use. */
export function useCoordinatorT(): { t: CoordinatorT; language: string } {
  const { i18n } = useTranslation();
  registerCoordinatorMessages(i18n);
  const t = useMemo<CoordinatorT>(() => {
    const fixed = (i18n as unknown as { getFixedT(lng: null, ns: string): LooseFixedT }).getFixedT(null, COORDINATOR_NAMESPACE);
    return (key, params) => fixed(key, params);
  }, [i18n]);
  return { t, language: i18n.language };
}
