import { useEffect, useState } from 'react';
import type { StorageEstimateBytes } from '../../platform/storage';
import { formatBytes } from '../format/formatBytes';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import { useServices } from '../shell/ServicesContext';

/** Warns when the browser may evict the vault, and shows how much of the quota is used. */
export function StorageStatus() {
  const { t } = useT();
  const language = useLanguage();
  const { storage } = useServices();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [estimate, setEstimate] = useState<StorageEstimateBytes | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([storage.persisted(), storage.estimate()]).then(([isPersisted, bytes]) => {
      if (!live) return;
      setPersisted(isPersisted);
      setEstimate(bytes);
    });
    return () => {
      live = false;
    };
  }, [storage]);

  return (
    <section aria-label={t('storage.label')} className="stack">
      {persisted === false ? <p className="notice warn">{t('storage.notPersistent')}</p> : null}
      {estimate !== null && estimate.quota > 0 ? (
        <p className="hint">
          {t('storage.used', { used: formatBytes(estimate.usage, language), quota: formatBytes(estimate.quota, language) })}
        </p>
      ) : null}
    </section>
  );
}
