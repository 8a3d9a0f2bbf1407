// The sync engine: runs flushOutbox when something happens (save, online, visible, start, timer,
// "Sync now"), one tab at a time, and keeps a snapshot the UI subscribes to (DESIGN.md §5).
import type { Clock, TimerHandle } from '../platform/clock';
import type { ExclusiveLock } from '../platform/exclusiveLock';
import type { Http } from '../platform/http';
import type { OnlineStatus } from '../platform/onlineStatus';
import type { PageVisibility } from '../platform/pageVisibility';
import type { OutboxSummary, VaultSession } from '../store/storeApi';
import { VaultLockedError } from '../store/VaultLockedError';
import { BACKOFF_BASE_MS } from './backoffDelay';
import { flushModeFor } from './flushModeFor';
import type { FlushMode } from './flushModeFor';
import { flushOutbox } from './flushOutbox';
import { pullReceipts } from './pullReceipts';
import type { FlushOutcome } from './flushOutbox';
import { initialSyncMachine, nextSyncMachine } from './syncMachine';
import type { SyncEvent, SyncMachine } from './syncMachine';
import type { BlockedReason, SyncState, SyncTrigger } from './syncState';

/** The Web Locks name: one flusher per origin, whichever tab holds it. */
export const SYNC_LOCK_NAME = 'dala-sync';
/** Triggers on which the device mailbox is read even with no receipt awaited (organisation updates). */
const MAILBOX_TRIGGERS: ReadonlySet<SyncTrigger> = new Set<SyncTrigger>(['manual', 'online', 'visible']);
/** A 4 MiB bundle over a slow mobile link takes a while; longer than this counts as no answer. */
const DEFAULT_UPLOAD_TIMEOUT_MS = 120_000;

export interface SyncEngineDeps {
  readonly session: VaultSession;
  readonly http: Http;
  readonly clock: Clock;
  readonly online: OnlineStatus;
  readonly visibility: PageVisibility;
  readonly locks: ExclusiveLock;
  /** Uniform in [0, 1), for backoff jitter. */
  readonly random?: () => number;
  readonly uploadTimeoutMs?: number;
}

export interface SyncSnapshot {
  readonly state: SyncState;
  /** Null until first read (and after the vault locks). */
  readonly outbox: OutboxSummary | null;
  /** Bumped whenever report states may have changed: a cue to reload the report list. */
  readonly revision: number;
}

export interface SyncEngine {
  /** Listens for online/visible and flushes once ('start'). Call after unlock. */
  start(): void;
  /** Stops listening, cancels the timer and aborts an upload in flight. Call on lock. */
  stop(): void;
  /** Asks for a flush; resolves when the run it joined has finished. Rejects only on a bug. */
  trigger(trigger: SyncTrigger): Promise<void>;
  snapshot(): SyncSnapshot;
  /** useSyncExternalStore-style: the listener is called after every snapshot change. */
  subscribe(listener: () => void): () => void;
}

const MODE_RANK: Readonly<Record<FlushMode, number>> = { skip: 0, 'seal-only': 1, flush: 2 };

function eventFor(outcome: FlushOutcome, now: number, random: () => number): SyncEvent | null {
  switch (outcome.kind) {
    case 'done':
      return { type: 'flush-done', stuck: outcome.stuck };
    case 'not-joined':
      return { type: 'flush-done', stuck: null };
    case 'retry':
      return { type: 'retry-later', reason: outcome.reason, retryAfterMs: outcome.retryAfterMs, now, random };
    case 'refused':
      return { type: 'refused', reason: outcome.reason };
    case 'locked':
      return { type: 'stopped' };
    case 'sealed-only':
      return null;
  }
}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const { session, clock, online, visibility, locks } = deps;
  const random = deps.random ?? Math.random;
  const uploadTimeoutMs = deps.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS;
  const refusedBundles = new Map<number, Extract<BlockedReason, 'too-large' | 'rejected'>>();
  const listeners = new Set<() => void>();
  let machine: SyncMachine = initialSyncMachine;
  let snapshot: SyncSnapshot = { state: machine.state, outbox: null, revision: 0 };
  let unsubscribers: (() => void)[] = [];
  let timer: TimerHandle | null = null;
  let abort = new AbortController();
  // Bumped by stop(): a run that outlives a stop (its upload aborted) must not touch the restarted machine.
  let generation = 0;
  // At most one run in progress and one waiting; triggers that arrive meanwhile join the waiting one.
  let tail: Promise<void> = Promise.resolve();
  let waiting: { triggers: SyncTrigger[]; done: Promise<void> } | null = null;

  const publish = (next: Partial<SyncSnapshot>) => {
    snapshot = { ...snapshot, ...next };
    for (const listener of [...listeners]) listener();
  };

  const cancelTimer = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };

  const schedule = (delayMs: number) => {
    cancelTimer();
    timer = clock.setTimeout(() => {
      timer = null;
      fire('timer');
    }, Math.max(0, delayMs));
  };

  const apply = (event: SyncEvent) => {
    const before = machine;
    machine = nextSyncMachine(machine, event);
    if (machine.state !== before.state) publish({ state: machine.state });
  };

  const refreshOutbox = async (stillCurrent: () => boolean) => {
    try {
      const outbox = await session.outboxSummary();
      if (stillCurrent()) publish({ outbox, revision: snapshot.revision + 1 });
    } catch (error) {
      if (!(error instanceof VaultLockedError)) throw error;
    }
  };

  // A function, not a narrowed check: stop() may run during any await below.
  const isStopped = () => machine.state.kind === 'stopped';

  const run = async (triggers: readonly SyncTrigger[]): Promise<void> => {
    if (isStopped()) return;
    const mode = triggers
      .map((trigger) => flushModeFor(machine.state, trigger, online.isOnline()))
      .reduce((a, b) => (MODE_RANK[b] > MODE_RANK[a] ? b : a), 'skip');
    if (mode === 'skip') return;
    if (triggers.includes('manual')) refusedBundles.clear();
    const uploadNow = mode === 'flush';
    const previous = machine.state;
    const runGeneration = generation;
    const current = () => generation === runGeneration && !isStopped();
    const report = (event: SyncEvent) => {
      if (current()) apply(event);
    };
    const attempt = await locks.runIfAvailable(SYNC_LOCK_NAME, async () => {
      if (uploadNow) report({ type: 'flush-began' });
      try {
        const upload = { http: deps.http, clock, timeoutMs: uploadTimeoutMs, signal: abort.signal };
        let flushed = await flushOutbox({ session, uploadNow, refusedBundles, report, upload });
        if (flushed.kind === 'refused' && flushed.reason === 'unauthorised') {
          // The upload token may have been rotated: the signed update carrying the new one waits in the
          // device mailbox (the retired token still reads it). With a new token, send again at once.
          const before = (await session.organisation())?.uploadToken;
          await pullReceipts(session, upload);
          if ((await session.organisation())?.uploadToken !== before) flushed = await flushOutbox({ session, uploadNow, refusedBundles, report, upload });
        }
        // The relays answered, so read the device mailbox on the same trigger: while some report is
        // delivered but not yet acknowledged (receipts), and on the triggers a person causes or that follow
        // a gap ('manual', 'online', 'visible'), where a signed organisation update may be waiting.
        const readMailbox = triggers.some((trigger) => MAILBOX_TRIGGERS.has(trigger)) || (await session.outboxSummary()).reports.delivered > 0;
        if (flushed.kind === 'done' && readMailbox) await pullReceipts(session, upload);
        return flushed;
      } catch (error) {
        if (error instanceof VaultLockedError) return { kind: 'locked' } as const;
        // A bug: rethrown to the caller, but the state must not stay "sending" (it would disable "Sync now").
        report({ type: 'flush-done', stuck: null });
        throw error;
      }
    });
    if (!current()) return;
    if (!attempt.acquired) {
      // Another tab is flushing; it may have started before our save, so look again shortly
      // (unless a backoff timer is already set: the relay's wish to wait still stands).
      if (timer === null) schedule(BACKOFF_BASE_MS);
      return;
    }
    const outcome = attempt.value;
    if (outcome.kind === 'sealed-only' && !online.isOnline() && previous.kind !== 'offline') apply({ type: 'went-offline' });
    const event = eventFor(outcome, clock.now(), random);
    if (event !== null) apply(event);
    if (machine.state.kind === 'backing-off') schedule(machine.state.until - clock.now());
    else if (machine.state.kind !== 'offline') cancelTimer();
    await refreshOutbox(current);
  };

  const trigger = (next: SyncTrigger): Promise<void> => {
    if (waiting !== null) {
      waiting.triggers.push(next);
      return waiting.done;
    }
    const triggers = [next];
    const done = tail.then(() => {
      waiting = null;
      return run(triggers);
    });
    waiting = { triggers, done };
    // A failed run (a bug) must not stop every later one from running.
    tail = done.catch(() => undefined);
    return done;
  };

  const fire = (next: SyncTrigger) => {
    trigger(next).catch((error: unknown) => console.error('sync: a flush failed', error));
  };

  return {
    start() {
      if (machine.state.kind !== 'stopped') return;
      abort = new AbortController();
      apply({ type: 'started' });
      unsubscribers = [online.onOnline(() => fire('online')), visibility.onVisible(() => fire('visible'))];
      fire('start');
    },
    stop() {
      generation += 1;
      for (const unsubscribe of unsubscribers) unsubscribe();
      unsubscribers = [];
      cancelTimer();
      abort.abort();
      apply({ type: 'stopped' });
      publish({ outbox: null });
    },
    trigger,
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
