import type { Clock, TimerHandle } from '../platform/clock';
import type { BundleDelivery, OutboxWriteFailure, Result, VaultSession } from '../store/storeApi';

/** Writes relays' answers to the store behind the uploads, so that no PUT waits for a disk commit. */
export interface DeliveryRecorder {
  /** Queues an answer: written once the oldest waiting answer is `maxWaitMs` old, or at settle(). */
  add(delivery: BundleDelivery): void;
  /** Why a batch could not be written, once one could not (then nothing more is written): stop uploading. */
  failure(): OutboxWriteFailure | null;
  /** Writes what still waits, then resolves once every answer is written or a batch failed; rejects with a bug in the store. */
  settle(): Promise<Result<void, OutboxWriteFailure>>;
}

/**
 * How long an answer may wait unwritten while uploads go on. Quick uploads (a backlog over a good
 * connection) then share one commit at the end instead of competing with the PUTs for the disk; slow
 * ones still get their answers written every second or so. An answer that is never written (a crash,
 * the vault locked) only means that bundle is offered again and the relay answers 200, so this bounds
 * what a crash costs to about a second of uploads.
 */
export const MAX_UNRECORDED_MS = 1000;

/**
 * At most one batch is being written (one store transaction) at a time, as the sync engine queues its
 * runs. `onRecorded` hears how many bundles each written batch recorded.
 */
export function createDeliveryRecorder(
  session: Pick<VaultSession, 'markBundlesDelivered'>,
  onRecorded: (bundles: number) => void,
  clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>,
  maxWaitMs: number = MAX_UNRECORDED_MS,
): DeliveryRecorder {
  let tail: Promise<void> = Promise.resolve();
  const waiting: BundleDelivery[] = [];
  let timer: TimerHandle | null = null;
  let failure: OutboxWriteFailure | null = null;
  // Kept, not left as a rejected `tail`: nothing awaits the tail until settle(), which rethrows it.
  let bug: { readonly error: unknown } | null = null;

  const write = async (batch: readonly BundleDelivery[]) => {
    if (failure !== null || bug !== null || batch.length === 0) return;
    try {
      const written = await session.markBundlesDelivered(batch);
      if (written.ok) onRecorded(batch.length);
      else failure = written.reason;
    } catch (error) {
      bug = { error };
    }
  };

  // What waits when the write's turn comes goes in it, so answers that came meanwhile join the batch.
  const writeWaiting = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    tail = tail.then(() => write(waiting.splice(0)));
  };

  return {
    add(delivery) {
      waiting.push(delivery);
      timer ??= clock.setTimeout(writeWaiting, maxWaitMs);
    },
    failure: () => failure ?? (bug === null ? null : 'storage-error'),
    async settle() {
      writeWaiting();
      await tail;
      if (bug !== null) throw bug.error;
      return failure === null ? { ok: true, value: undefined } : { ok: false, reason: failure };
    },
  };
}
