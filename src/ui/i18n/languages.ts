export const languages = ['en', 'ru', 'kk'] as const;
export type Language = (typeof languages)[number];

/** Intl locale used to format dates and numbers for each interface language. */
export const intlLocale: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };

/** Each language's name in itself, so a user can find their own language in any interface language. */
export const languageName: Record<Language, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
