import type { CoordinatorApi } from '../ui/coordinatorWorkspace/coordinatorApi';

let loading: Promise<CoordinatorApi> | undefined;

/**
 * The coordinator API, loaded on first call only: the coordinator core (bundle opening, exports, relay
 * client) then stays out of the monitor's first-screen JavaScript. One instance per page.
 */
export function loadCoordinatorApi(): Promise<CoordinatorApi> {
  loading ??= import('./createCoordinatorApi').then(({ createCoordinatorApi }) => createCoordinatorApi());
  // A failed load (e.g. offline before the chunk was cached) may be retried later.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
