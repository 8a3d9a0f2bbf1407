import { createContext, useContext } from 'react';
import type { Clock } from '../../platform/clock';
import type { StorageHealthSeam } from '../../platform/storage';
import type { DalaStore } from '../../store/storeApi';
import type { Language } from '../i18n/languages';

/** What the screens need from outside React; the composition root (src/app) supplies the real ones. */
export interface Services {
  readonly store: DalaStore;
  readonly storage: StorageHealthSeam;
  readonly clock: Clock;
  /** Switches the interface language and remembers the choice (see languagePreference). */
  readonly setLanguage: (language: Language) => void;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('useServices: no ServicesContext provider above this component');
  return services;
}
