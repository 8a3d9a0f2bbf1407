import { useId } from 'react';
import { useServices } from '../shell/ServicesContext';
import { isLanguage, languageName, languages } from './languages';
import { useLanguage } from './useLanguage';
import { useT } from './useT';

/** Language choice, reachable before unlock. Each option is written in its own language so anyone can find theirs. */
export function LanguageSwitcher() {
  const { t } = useT();
  const { setLanguage } = useServices();
  const language = useLanguage();
  const id = useId();
  return (
    <div className="field language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageName[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
