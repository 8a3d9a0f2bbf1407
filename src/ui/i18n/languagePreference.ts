import { isLanguage, type Language } from './languages';

// The interface language is needed before unlock (the unlock screen is translated), so it cannot live in
// the encrypted vault. It is a UI preference only — never report content — and is the one thing kept
// in localStorage in the clear (DESIGN.md P1 allows ids, states and counters; a language code is of that kind).
const storageKey = 'dala.language';

/** Minimal slice of the Web Storage API, so tests can pass a Map-backed fake. */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The saved language, else the first supported language the browser prefers, else English. */
export function loadLanguage(storage: PreferenceStorage | undefined, browserLanguages: readonly string[]): Language {
  const saved = readSafely(storage);
  if (isLanguage(saved)) return saved;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function saveLanguage(storage: PreferenceStorage | undefined, language: Language): void {
  try {
    storage?.setItem(storageKey, language);
  } catch {
    // Private mode or a full quota: the choice then lasts for this session only, which is acceptable.
  }
}

function readSafely(storage: PreferenceStorage | undefined): string | null {
  try {
    return storage?.getItem(storageKey) ?? null;
  } catch {
    return null;
  }
}
