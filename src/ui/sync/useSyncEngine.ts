import { useEffect, useState } from 'react';
import type { Clock } from '../../platform/clock';
import { createWebLocks } from '../../platform/exclusiveLock';
import { createBrowserHttp } from '../../platform/http';
import { createBrowserOnlineStatus } from '../../platform/onlineStatus';
import { createBrowserPageVisibility } from '../../platform/pageVisibility';
import type { VaultSession } from '../../store/storeApi';
import { createSyncEngine } from '../../sync/createSyncEngine';
import type { SyncEngine } from '../../sync/createSyncEngine';

/**
 * The sync engine of an unlocked session, with the browser's seams: started when the component mounts
 * (after unlock), stopped when it unmounts (on lock), so no upload outlives the data key.
 */
export function useSyncEngine(session: VaultSession, clock: Clock): SyncEngine {
  const [engine] = useState(() =>
    createSyncEngine({
      session,
      clock,
      http: createBrowserHttp(),
      online: createBrowserOnlineStatus(window),
      visibility: createBrowserPageVisibility(document),
      locks: createWebLocks(),
    }),
  );
  useEffect(() => {
    engine.start();
    return () => engine.stop();
  }, [engine]);
  return engine;
}
