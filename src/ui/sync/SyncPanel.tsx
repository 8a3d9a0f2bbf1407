import type { DownloadFile } from '../../platform/downloadFile';
import type { SyncEngine } from '../../sync/createSyncEngine';
import { ExportUnsentButton } from './ExportUnsentButton';
import { SyncNowButton } from './SyncNowButton';
import { SyncStatus } from './SyncStatus';
import { useSyncSnapshot } from './useSyncSnapshot';
import { useSyncT } from './useSyncT';

/** The home screen's sending section: the status line, and once an organisation is joined, "Sync now" and "Export unsent". */
export function SyncPanel({ engine, download }: { readonly engine: SyncEngine; readonly download: DownloadFile }) {
  const { t } = useSyncT();
  const { outbox } = useSyncSnapshot(engine);
  const waiting = outbox !== null && outbox.reports.queued > 0;
  return (
    <section aria-label={t('status.label')} className="stack">
      <SyncStatus engine={engine} />
      {outbox?.joined === true ? (
        <div className="button-row">
          <SyncNowButton engine={engine} />
          {waiting ? <ExportUnsentButton download={download} /> : null}
        </div>
      ) : null}
    </section>
  );
}
