import type { DownloadFile } from '../../platform/downloadFile';
import type { SyncEngine } from '../../sync/createSyncEngine';
import { AddInvite } from './AddInvite';
import { ExportUnsentButton } from './ExportUnsentButton';
import { KeyChangeNotice } from './KeyChangeNotice';
import { SyncNowButton } from './SyncNowButton';
import { SyncStatus } from './SyncStatus';
import { useSyncSnapshot } from './useSyncSnapshot';
import { useSyncT } from './useSyncT';

export interface SyncPanelProps {
  readonly engine: SyncEngine;
  readonly download: DownloadFile;
  /** An invite was scanned or pasted (offered only until the phone has joined). */
  readonly onInviteText: (text: string) => void;
}

/**
 * The home screen's sending section: the status line; before joining, scanning or pasting an invite;
 * once an organisation is joined, "Sync now" and "Export unsent".
 */
export function SyncPanel({ engine, download, onInviteText }: SyncPanelProps) {
  const { t } = useSyncT();
  const { outbox } = useSyncSnapshot(engine);
  const waiting = outbox !== null && outbox.reports.queued > 0;
  return (
    <section aria-label={t('status.label')} className="stack">
      <SyncStatus engine={engine} />
      {outbox?.joined === true ? <KeyChangeNotice engine={engine} /> : null}
      {outbox?.joined === true ? (
        <div className="button-row">
          <SyncNowButton engine={engine} />
          {waiting ? <ExportUnsentButton download={download} /> : null}
        </div>
      ) : null}
      {outbox?.joined === false ? <AddInvite onInviteText={onInviteText} /> : null}
    </section>
  );
}
