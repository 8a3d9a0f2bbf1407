import type { OnlineStatus } from './onlineStatus';

export interface FakeOnlineStatus extends OnlineStatus {
  /** Changes the status; going online calls every listener, as the browser's 'online' event does. */
  set(online: boolean): void;
  listenerCount(): number;
}

/** Test double for OnlineStatus. */
export function createFakeOnlineStatus(online = true): FakeOnlineStatus {
  let current = online;
  const listeners = new Set<() => void>();
  return {
    isOnline: () => current,
    onOnline(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      const cameOnline = next && !current;
      current = next;
      if (cameOnline) for (const listener of [...listeners]) listener();
    },
    listenerCount: () => listeners.size,
  };
}
