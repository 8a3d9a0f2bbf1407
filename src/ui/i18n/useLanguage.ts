import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from './languages';

/** The current interface language as one of ours (i18next may report a region tag or 'cimode'). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(current) ? current : 'en';
}
