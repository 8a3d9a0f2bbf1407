import type { BackoffReason, SyncState, SyncTrigger } from './syncState';

/**
 * 'flush': seal every pending version and upload. 'seal-only': seal only full bundles (the rest waits
 * unsealed for an upload attempt or an export) and do not call a relay now. 'skip': do nothing.
 */
export type FlushMode = 'flush' | 'seal-only' | 'skip';

/** The relay itself asked for a pause: only the timer (or the person) may call it sooner. */
const RELAY_ASKED_TO_WAIT: ReadonlySet<BackoffReason> = new Set<BackoffReason>(['rate-limited', 'relay-full', 'relay-unavailable']);
/** Worth retrying a refused device only when something may have changed: a restart or a new invite. */
const RETRY_REFUSED_ON: ReadonlySet<SyncTrigger> = new Set<SyncTrigger>(['start', 'joined']);

/** What a trigger should do in the current state (pure; the engine runs what this decides). */
export function flushModeFor(state: SyncState, trigger: SyncTrigger, online: boolean): FlushMode {
  if (state.kind === 'stopped') return 'skip';
  // "Sync now" always tries: navigator.onLine can be wrong, and the person is looking at the result.
  if (trigger === 'manual') return 'flush';
  if (!online) return 'seal-only';
  switch (state.kind) {
    case 'backing-off':
      return RELAY_ASKED_TO_WAIT.has(state.reason) && trigger !== 'timer' ? 'seal-only' : 'flush';
    case 'blocked':
      if (state.reason === 'unauthorised' || state.reason === 'mailbox-gone') return RETRY_REFUSED_ON.has(trigger) ? 'flush' : 'seal-only';
      return 'flush';
    default:
      return 'flush';
  }
}
