/// <reference types="vite-plugin-pwa/react" />
import { useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useT } from '../i18n/useT';
import { decideUpdate } from './decideUpdate';

/**
 * Offers a waiting service worker. Applying it reloads the page, so it is refused while a form holds
 * unsaved input (DESIGN.md §7: an update never reloads a page with unsaved input).
 */
export function UpdateBanner({ hasUnsavedChanges }: { hasUnsavedChanges: boolean }) {
  const { t } = useT();
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  const [refused, setRefused] = useState(false);
  if (!needRefresh) return null;

  const apply = () => {
    const decision = decideUpdate(hasUnsavedChanges);
    if (decision.action === 'refuse') {
      setRefused(true);
      return;
    }
    void updateServiceWorker(true);
  };

  return (
    <div className="banner" role="region" aria-label={t('update.ready')}>
      <p>{t('update.ready')}</p>
      <button type="button" onClick={apply}>
        {t('update.apply')}
      </button>
      {refused && hasUnsavedChanges ? (
        <p role="alert" className="notice error">
          {t('update.saveFirst')}
        </p>
      ) : null}
    </div>
  );
}
