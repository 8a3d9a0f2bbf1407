import { describe, expect, it } from 'vitest';
import { htmlLangOf } from '../../../src/ui/i18n/createI18n';
import { loadLanguage, saveLanguage, type PreferenceStorage } from '../../../src/ui/i18n/languagePreference';

function memoryStorage(initial: Record<string, string> = {}): PreferenceStorage & { entries: Map<string, string> } {
  const entries = new Map(Object.entries(initial));
  return { entries, getItem: (key) => entries.get(key) ?? null, setItem: (key, value) => void entries.set(key, value) };
}

const throwing: PreferenceStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('interface language preference', () => {
  it('uses the saved choice over the browser’s languages', () => {
    const storage = memoryStorage();
    saveLanguage(storage, 'kk');
    expect(loadLanguage(storage, ['ru-RU', 'en'])).toBe('kk');
  });

  it('stores nothing but the language code, under a single key', () => {
    const storage = memoryStorage();
    saveLanguage(storage, 'ru');
    saveLanguage(storage, 'en');
    expect([...storage.entries.values()]).toEqual(['en']);
  });

  it('without a saved choice, takes the first supported browser language', () => {
    expect(loadLanguage(memoryStorage(), ['de-DE', 'kk-KZ', 'ru'])).toBe('kk');
    expect(loadLanguage(memoryStorage(), ['RU-ru'])).toBe('ru');
    expect(loadLanguage(memoryStorage(), ['de', 'fr'])).toBe('en');
  });

  it('ignores a saved value that is not a supported language', () => {
    const storage = memoryStorage();
    saveLanguage(storage, 'ru');
    for (const key of storage.entries.keys()) storage.entries.set(key, 'xx');
    expect(loadLanguage(storage, ['ru'])).toBe('ru');
    expect(loadLanguage(storage, [])).toBe('en');
  });

  it('works when storage is unavailable (private mode) or missing', () => {
    expect(loadLanguage(throwing, ['ru'])).toBe('ru');
    expect(() => saveLanguage(throwing, 'kk')).not.toThrow();
    expect(loadLanguage(undefined, ['kk'])).toBe('kk');
  });

  it('sets <html lang> to the language subtag', () => {
    expect([htmlLangOf('en'), htmlLangOf('ru'), htmlLangOf('kk')]).toEqual(['en', 'ru', 'kk']);
  });
});
