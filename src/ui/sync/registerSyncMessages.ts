import type { i18n } from 'i18next';
import type { Language } from '../i18n/languages';
import { sync as en } from './locales/en';
import { sync as kk } from './locales/kk';
import { sync as ru } from './locales/ru';

export const SYNC_NAMESPACE = 'sync';

const messages: Readonly<Record<Language, object>> = { en, ru, kk };

/**
 * Adds the 'sync' namespace in every language to an i18next instance, once. Bundled like the others:
 * the join screen and the sync line must work offline from the first screen.
 */
export function registerSyncMessages(instance: i18n): void {
  for (const [language, bundle] of Object.entries(messages)) {
    if (!instance.hasResourceBundle(language, SYNC_NAMESPACE)) instance.addResourceBundle(language, SYNC_NAMESPACE, bundle);
  }
}
