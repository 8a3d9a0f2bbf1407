import type { SyncEngine } from '../../sync/createSyncEngine';
import { useSyncSnapshot } from './useSyncSnapshot';
import { useSyncT } from './useSyncT';

/** "Sync now": tries at once, whatever the backoff says; the status line shows the outcome. */
export function SyncNowButton({ engine }: { readonly engine: SyncEngine }) {
  const { t } = useSyncT();
  const { state } = useSyncSnapshot(engine);
  const busy = state.kind === 'sealing' || state.kind === 'uploading';
  return (
    <button
      type="button"
      disabled={busy || state.kind === 'stopped'}
      onClick={() => {
        engine.trigger('manual').catch((error: unknown) => console.error('sync: "Sync now" failed', error));
      }}
    >
      {busy ? t('actions.syncing') : t('actions.syncNow')}
    </button>
  );
}
