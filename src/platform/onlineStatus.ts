// Seam over navigator.onLine and the 'online' event. "Online" only means a network interface is up,
// not that a relay is reachable: sync uses it as a hint to try now, never as proof.

export interface OnlineStatus {
  isOnline(): boolean;
  /** Calls `listener` whenever the browser reports it came online; returns the unsubscribe function. */
  onOnline(listener: () => void): () => void;
}

export function createBrowserOnlineStatus(target: Window = window): OnlineStatus {
  return {
    isOnline: () => target.navigator.onLine,
    onOnline(listener) {
      target.addEventListener('online', listener);
      return () => target.removeEventListener('online', listener);
    },
  };
}
