import { describe, expect, it } from 'vitest';
import { flushModeFor } from '../../../src/sync/flushModeFor';
import { initialSyncMachine, nextSyncMachine } from '../../../src/sync/syncMachine';
import type { SyncEvent, SyncMachine } from '../../../src/sync/syncMachine';
import type { SyncState, SyncTrigger } from '../../../src/sync/syncState';

const NOW = 1_000_000;
const run = (events: SyncEvent[], from: SyncMachine = initialSyncMachine) => events.reduce(nextSyncMachine, from);
const retry = (reason: 'network' | 'rate-limited' | 'relay-full', retryAfterMs: number | null = null): SyncEvent => ({ type: 'retry-later', reason, retryAfterMs, now: NOW, random: () => 0 });

describe('nextSyncMachine', () => {
  it('ignores everything until started, and stop returns to the start from anywhere', () => {
    expect(run([{ type: 'flush-began' }, retry('network')])).toEqual(initialSyncMachine);
    const busy = run([{ type: 'started' }, { type: 'flush-began' }, { type: 'upload-began', total: 3 }]);
    expect(busy.state).toEqual({ kind: 'uploading', sent: 0, total: 3 });
    expect(run([{ type: 'stopped' }], busy)).toEqual(initialSyncMachine);
  });

  it('goes idle → sealing → uploading (counting) → idle on a full flush', () => {
    const states = [{ type: 'started' }, { type: 'flush-began' }, { type: 'upload-began', total: 2 }, { type: 'bundle-delivered' }, { type: 'bundle-delivered' }, { type: 'flush-done', stuck: null }].reduce<SyncState[]>(
      (seen, event) => [...seen, nextSyncMachine({ state: seen[seen.length - 1] ?? initialSyncMachine.state, failures: 0 }, event as SyncEvent).state],
      [],
    );
    expect(states).toEqual([
      { kind: 'idle' },
      { kind: 'sealing' },
      { kind: 'uploading', sent: 0, total: 2 },
      { kind: 'uploading', sent: 1, total: 2 },
      { kind: 'uploading', sent: 2, total: 2 },
      { kind: 'idle' },
    ]);
  });

  it('counts bundles sealed while the first ones went out into the total, and only while uploading', () => {
    const uploading = run([{ type: 'started' }, { type: 'flush-began' }, { type: 'upload-began', total: 2 }, { type: 'bundle-delivered' }, { type: 'upload-grew', more: 1 }]);
    expect(uploading.state).toEqual({ kind: 'uploading', sent: 1, total: 3 });
    const sealing = run([{ type: 'started' }, { type: 'flush-began' }]);
    expect(run([{ type: 'upload-grew', more: 1 }], sealing).state).toEqual({ kind: 'sealing' });
  });

  it('backs off exponentially on consecutive failures and resets after a delivery', () => {
    const started = run([{ type: 'started' }]);
    const once = run([retry('network')], started);
    const twice = run([retry('network')], once);
    const thrice = run([retry('network')], twice);
    expect([once, twice, thrice].map((m) => [m.failures, m.state])).toEqual([
      [1, { kind: 'backing-off', until: NOW + 500, reason: 'network' }],
      [2, { kind: 'backing-off', until: NOW + 1000, reason: 'network' }],
      [3, { kind: 'backing-off', until: NOW + 2000, reason: 'network' }],
    ]);
    const recovered = run([{ type: 'flush-began' }, { type: 'upload-began', total: 1 }, { type: 'bundle-delivered' }], thrice);
    expect(recovered.failures).toBe(0);
    expect(run([retry('network')], recovered).state).toEqual({ kind: 'backing-off', until: NOW + 500, reason: 'network' });
  });

  it('honours Retry-After, and waits long at once when the relay is full', () => {
    const started = run([{ type: 'started' }]);
    expect(run([retry('rate-limited', 42_000)], started).state).toEqual({ kind: 'backing-off', until: NOW + 42_000, reason: 'rate-limited' });
    expect(run([retry('relay-full')], started).state).toEqual({ kind: 'backing-off', until: NOW + 450_000, reason: 'relay-full' });
  });

  it('blocks on a refusal; going offline keeps a refused device blocked but not a stuck bundle', () => {
    const refused = run([{ type: 'started' }, { type: 'refused', reason: 'unauthorised' }]);
    expect(refused.state).toEqual({ kind: 'blocked', reason: 'unauthorised' });
    expect(run([{ type: 'went-offline' }], refused).state).toEqual({ kind: 'blocked', reason: 'unauthorised' });
    const stuck = run([{ type: 'started' }, { type: 'flush-done', stuck: 'too-large' }]);
    expect(stuck.state).toEqual({ kind: 'blocked', reason: 'too-large' });
    expect(run([{ type: 'went-offline' }], stuck).state).toEqual({ kind: 'offline' });
  });
});

describe('flushModeFor', () => {
  const triggers: SyncTrigger[] = ['start', 'save', 'online', 'visible', 'timer', 'manual', 'joined'];
  const modes = (state: SyncState, online = true) => Object.fromEntries(triggers.map((t) => [t, flushModeFor(state, t, online)]));

  it('does nothing when stopped, and flushes on every trigger when idle', () => {
    expect(new Set(Object.values(modes({ kind: 'stopped' })))).toEqual(new Set(['skip']));
    expect(new Set(Object.values(modes({ kind: 'idle' })))).toEqual(new Set(['flush']));
  });

  it('only seals while offline, except "Sync now", which always tries', () => {
    expect(modes({ kind: 'idle' }, false)).toEqual({ start: 'seal-only', save: 'seal-only', online: 'seal-only', visible: 'seal-only', timer: 'seal-only', manual: 'flush', joined: 'seal-only' });
  });

  it('when the relay asked to wait, only the timer or "Sync now" upload; after a network failure any trigger may', () => {
    for (const reason of ['rate-limited', 'relay-full', 'relay-unavailable'] as const) {
      expect(modes({ kind: 'backing-off', until: NOW, reason })).toEqual({ start: 'seal-only', save: 'seal-only', online: 'seal-only', visible: 'seal-only', timer: 'flush', manual: 'flush', joined: 'seal-only' });
    }
    expect(new Set(Object.values(modes({ kind: 'backing-off', until: NOW, reason: 'network' })))).toEqual(new Set(['flush']));
  });

  it('retries a refused device only on start, a new invite or "Sync now"; a stuck bundle does not hold others back', () => {
    expect(modes({ kind: 'blocked', reason: 'unauthorised' })).toEqual({ start: 'flush', save: 'seal-only', online: 'seal-only', visible: 'seal-only', timer: 'seal-only', manual: 'flush', joined: 'flush' });
    expect(new Set(Object.values(modes({ kind: 'blocked', reason: 'too-large' })))).toEqual(new Set(['flush']));
  });
});
