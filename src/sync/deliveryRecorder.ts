import type { BundleDelivery, OutboxWriteFailure, Result, VaultSession } from '../store/storeApi';

/** Writes relays' answers to the store behind the uploads, so that no PUT waits for a disk commit. */
export interface DeliveryRecorder {
  /** Queues an answer: written with every other answer that arrives while the previous batch is written. */
  add(delivery: BundleDelivery): void;
  /** Why a batch could not be written, once one could not (then nothing more is written): stop uploading. */
  failure(): OutboxWriteFailure | null;
  /** Resolves once every queued answer is written, or a batch failed; rejects with a bug in the store. */
  settle(): Promise<Result<void, OutboxWriteFailure>>;
}

/**
 * At most one batch is being written (one store transaction) and one is collecting answers, as the sync
 * engine queues its runs. `onRecorded` hears how many bundles each written batch recorded.
 */
export function createDeliveryRecorder(session: Pick<VaultSession, 'markBundlesDelivered'>, onRecorded: (bundles: number) => void): DeliveryRecorder {
  let tail: Promise<void> = Promise.resolve();
  let collecting: BundleDelivery[] | null = null;
  let failure: OutboxWriteFailure | null = null;
  // Kept, not left as a rejected `tail`: nothing awaits the tail until settle(), which rethrows it.
  let bug: { readonly error: unknown } | null = null;

  const write = async (batch: readonly BundleDelivery[]) => {
    if (failure !== null || bug !== null) return;
    try {
      const written = await session.markBundlesDelivered(batch);
      if (written.ok) onRecorded(batch.length);
      else failure = written.reason;
    } catch (error) {
      bug = { error };
    }
  };

  return {
    add(delivery) {
      if (collecting !== null) {
        collecting.push(delivery);
        return;
      }
      const batch = [delivery];
      collecting = batch;
      tail = tail.then(() => {
        collecting = null;
        return write(batch);
      });
    },
    failure: () => failure ?? (bug === null ? null : 'storage-error'),
    async settle() {
      await tail;
      if (bug !== null) throw bug.error;
      return failure === null ? { ok: true, value: undefined } : { ok: false, reason: failure };
    },
  };
}
