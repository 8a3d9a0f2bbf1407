import type { i18n } from 'i18next';
import type { Language } from '../i18n/languages';
import { coordinator as en } from './locales/en';
import { coordinator as kk } from './locales/kk';
import { coordinator as ru } from './locales/ru';

export const COORDINATOR_NAMESPACE = 'coordinator';

const messages: Readonly<Record<Language, object>> = { en, ru, kk };

/** Adds the 'coordinator' namespace in every language, once; it ships in the workspace's lazy chunk. */
export function registerCoordinatorMessages(instance: i18n): void {
  for (const [language, bundle] of Object.entries(messages)) {
    if (!instance.hasResourceBundle(language, COORDINATOR_NAMESPACE)) instance.addResourceBundle(language, COORDINATOR_NAMESPACE, bundle);
  }
}
