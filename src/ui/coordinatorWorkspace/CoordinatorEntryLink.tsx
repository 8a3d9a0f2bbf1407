import { useTranslation } from 'react-i18next';
import { isLanguage } from '../i18n/languages';
import { useLoadCoordinatorApi } from './CoordinatorApiContext';
import { coordinatorEntry } from './locales/entry';

/** "Set up as coordinator" under the monitor's first screen; absent where the app offers no coordinator path. */
export function CoordinatorEntryLink({ onOpen }: { onOpen: () => void }) {
  const { i18n } = useTranslation();
  const load = useLoadCoordinatorApi();
  if (load === null) return null;
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <p className="coordinator-entry">
      <button type="button" className="link" onClick={onOpen}>
        {coordinatorEntry[language]}
      </button>
    </p>
  );
}
