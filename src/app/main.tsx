// Composition root: opens the encrypted store, picks the interface language and renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { systemClock } from '../platform/clock';
import { createBrowserStorage } from '../platform/storage';
import { openDalaStore } from '../store/openDalaStore';
import { createI18n, htmlLangOf } from '../ui/i18n/createI18n';
import { loadLanguage, saveLanguage } from '../ui/i18n/languagePreference';
import { isLanguage, type Language } from '../ui/i18n/languages';
import { CoordinatorApiContext } from '../ui/coordinatorWorkspace/CoordinatorApiContext';
import { DalaApp } from '../ui/shell/DalaApp';
import { ServicesContext, type Services } from '../ui/shell/ServicesContext';
import { takeInviteFromUrl } from '../ui/sync/takeInviteFromUrl';
import { loadCoordinatorApi } from './loadCoordinatorApi';
import '../ui/styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('main: index.html has no #root element');

// An invite link (#join=…) is taken once and removed from the address bar at once; it stays only in memory
// and is parsed after unlock (the parser and its schemas are not needed for the first screen).
const inviteText = takeInviteFromUrl(window.location, window.history);

const language = loadLanguage(globalThis.localStorage, navigator.languages);
const i18n = createI18n(language);
// Russian and Kazakh text loads on demand (precached, so also offline): wait for it before the first render.
await i18n.loadLanguages(language);
const showLanguage = (lng: string) => {
  if (isLanguage(lng)) document.documentElement.lang = htmlLangOf(lng);
};
showLanguage(language);
i18n.on('languageChanged', showLanguage);

const services: Services = {
  store: openDalaStore(),
  storage: createBrowserStorage(),
  clock: systemClock,
  setLanguage: (next: Language) => {
    saveLanguage(globalThis.localStorage, next);
    void i18n.changeLanguage(next);
  },
};

// The page title stays the build's constant app name (index.html); report content never goes there.
const appName = String(import.meta.env.VITE_DALA_APP_NAME ?? 'Dala');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ServicesContext.Provider value={services}>
        <CoordinatorApiContext.Provider value={loadCoordinatorApi}>
          <DalaApp appName={appName} inviteText={inviteText} />
        </CoordinatorApiContext.Provider>
      </ServicesContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
