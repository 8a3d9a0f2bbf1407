import { useSyncExternalStore } from 'react';
import type { SyncEngine, SyncSnapshot } from '../../sync/createSyncEngine';

/** The engine's current snapshot; re-renders on every change (state, counts, revision). */
export function useSyncSnapshot(engine: SyncEngine): SyncSnapshot {
  return useSyncExternalStore(engine.subscribe, engine.snapshot, engine.snapshot);
}
