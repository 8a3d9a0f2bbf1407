import { useState } from 'react';
import type { DownloadFile } from '../../platform/downloadFile';
import { exportUnsent } from '../../sync/exportUnsent';
import type { ExportUnsentFailure } from '../../sync/exportUnsent';
import { formatNumber } from '../format/formatNumber';
import { useLanguage } from '../i18n/useLanguage';
import { useServices } from '../shell/ServicesContext';
import { useSession } from '../shell/SessionContext';
import { useSyncT } from './useSyncT';

type Outcome = { readonly ok: true; readonly bundles: number } | { readonly ok: false; readonly reason: ExportUnsentFailure };

/**
 * "Export unsent": saves a file with every undelivered bundle, sealed exactly as a relay would get it,
 * for the monitor to pass to a coordinator by any channel when no relay can be reached.
 */
export function ExportUnsentButton({ download }: { readonly download: DownloadFile }) {
  const { t } = useSyncT();
  const language = useLanguage();
  const session = useSession();
  const { clock } = useServices();
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async () => {
    setWorking(true);
    try {
      const exported = await exportUnsent(session, clock.now());
      if (!exported.ok) {
        setOutcome(exported);
        return;
      }
      download(exported.value.fileName, new Blob([exported.value.text], { type: 'application/json' }));
      setOutcome({ ok: true, bundles: exported.value.bundleCount });
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className="stack">
      <button type="button" disabled={working} onClick={() => void run()}>
        {working ? t('actions.exporting') : t('actions.exportUnsent')}
      </button>
      {outcome === null ? null : outcome.ok ? (
        <p role="status" className="notice ok">
          {t('actions.exported', { n: formatNumber(outcome.bundles, language) })}
        </p>
      ) : (
        <p role="alert" className="notice warn">
          {t(`actions.exportFailed.${outcome.reason}`)}
        </p>
      )}
    </div>
  );
}
