// The sync state machine's pure part: what each event does to the state. IO lives in createSyncEngine.
import { backoffDelay } from './backoffDelay';
import type { BackoffReason, BlockedReason, SyncState } from './syncState';

export interface SyncMachine {
  readonly state: SyncState;
  /** Consecutive failed attempts: the backoff exponent. Reset by any delivery. */
  readonly failures: number;
}

export type SyncEvent =
  | { readonly type: 'started' }
  | { readonly type: 'stopped' }
  | { readonly type: 'flush-began' }
  | { readonly type: 'upload-began'; readonly total: number }
  /** More bundles to send: sealed while the first ones went out. */
  | { readonly type: 'upload-grew'; readonly more: number }
  | { readonly type: 'bundle-delivered' }
  /** The browser is offline: nothing was uploaded. */
  | { readonly type: 'went-offline' }
  /** Every bundle was offered; `stuck` names why some were refused (the others went). */
  | { readonly type: 'flush-done'; readonly stuck: Extract<BlockedReason, 'too-large' | 'rejected'> | null }
  | { readonly type: 'retry-later'; readonly reason: BackoffReason; readonly retryAfterMs: number | null; readonly now: number; readonly random: () => number }
  | { readonly type: 'refused'; readonly reason: Extract<BlockedReason, 'unauthorised' | 'mailbox-gone'> };

export const initialSyncMachine: SyncMachine = { state: { kind: 'stopped' }, failures: 0 };

/** A refusal of the whole device survives going offline: the next invite, not the network, fixes it. */
function isDeviceRefusal(state: SyncState): boolean {
  return state.kind === 'blocked' && (state.reason === 'unauthorised' || state.reason === 'mailbox-gone');
}

export function nextSyncMachine(machine: SyncMachine, event: SyncEvent): SyncMachine {
  const { state, failures } = machine;
  if (state.kind === 'stopped' && event.type !== 'started') return machine;
  switch (event.type) {
    case 'started':
      return state.kind === 'stopped' ? { state: { kind: 'idle' }, failures: 0 } : machine;
    case 'stopped':
      return initialSyncMachine;
    case 'flush-began':
      return { state: { kind: 'sealing' }, failures };
    case 'upload-began':
      return { state: { kind: 'uploading', sent: 0, total: event.total }, failures };
    case 'upload-grew':
      return { state: state.kind === 'uploading' ? { ...state, total: state.total + event.more } : state, failures };
    case 'bundle-delivered':
      return { state: state.kind === 'uploading' ? { ...state, sent: state.sent + 1 } : state, failures: 0 };
    case 'went-offline':
      return isDeviceRefusal(state) ? machine : { state: { kind: 'offline' }, failures };
    case 'flush-done':
      return { state: event.stuck === null ? { kind: 'idle' } : { kind: 'blocked', reason: event.stuck }, failures: 0 };
    case 'retry-later': {
      const attempt = failures + 1;
      const delay = backoffDelay({ attempt, random: event.random, retryAfterMs: event.retryAfterMs, long: event.reason === 'relay-full' });
      return { state: { kind: 'backing-off', until: event.now + delay, reason: event.reason }, failures: attempt };
    }
    case 'refused':
      return { state: { kind: 'blocked', reason: event.reason }, failures };
  }
}
