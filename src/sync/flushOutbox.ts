import type { OutboxWriteFailure, QueuedBundle, UnsentBundle, VaultSession } from '../store/storeApi';
import { createDeliveryRecorder } from './deliveryRecorder';
import { outboxPacking } from './outboxPacking';
import type { SyncEvent } from './syncMachine';
import type { BackoffReason, BlockedReason } from './syncState';
import type { UploadDeps } from './uploadBundle';
import { uploadToRelays } from './uploadToRelays';

export type FlushOutcome =
  | { readonly kind: 'not-joined' }
  | { readonly kind: 'locked' }
  | { readonly kind: 'sealed-only' }
  | { readonly kind: 'done'; readonly stuck: Extract<BlockedReason, 'too-large' | 'rejected'> | null }
  | { readonly kind: 'retry'; readonly reason: BackoffReason; readonly retryAfterMs: number | null }
  | { readonly kind: 'refused'; readonly reason: Extract<BlockedReason, 'unauthorised' | 'mailbox-gone'> };

export interface FlushInput {
  readonly session: VaultSession;
  readonly upload: UploadDeps;
  /** false: seal only, and only full bundles (the rest waits for an upload attempt or an export). */
  readonly uploadNow: boolean;
  /** firstCounter of bundles a relay refused in this run of the app (413, 400): not offered again until "Sync now". */
  readonly refusedBundles: Map<number, Extract<BlockedReason, 'too-large' | 'rejected'>>;
  /** Progress for the state machine. */
  readonly report: (event: SyncEvent) => void;
}

const storageReason = (reason: 'storage-full' | 'storage-error'): BackoffReason => (reason === 'storage-full' ? 'phone-storage-full' : 'phone-storage-error');

const writeFailed = (reason: OutboxWriteFailure): FlushOutcome =>
  reason === 'locked' ? { kind: 'locked' } : { kind: 'retry', reason: storageReason(reason), retryAfterMs: null };

type Settled<T> = { readonly value: T } | { readonly bug: unknown };

/** Held as a value, so that a bug in sealing surfaces where it is awaited, never as an unhandled rejection. */
const settled = <T>(promise: Promise<T>): Promise<Settled<T>> => promise.then((value) => ({ value }), (bug: unknown) => ({ bug }));

/** Starts decrypting a bundle; a failure surfaces when it is awaited (or never, when the flush stopped before). */
function opening(bundle: QueuedBundle | undefined): Promise<UnsentBundle> | undefined {
  const open = bundle?.open();
  open?.catch(() => undefined);
  return open;
}

/**
 * One pass over the outbox. Seal: offline, only full bundles; before uploading, every pending version (all
 * stored before any upload). Then offer each unsent bundle in chain order, byte-identical to every earlier
 * attempt. Bundles sealed before (offline) go out while the rest is sealed: that tail comes last in chain
 * order anyway. Each bundle is decrypted while the one before it is on the wire. Relays' answers are
 * written to the store in batches behind the uploads (about once a second, see deliveryRecorder), and all
 * of them before this returns. Stops at the
 * first answer that concerns every bundle (refused token, back off); a refused bundle does not hold back
 * the others.
 */
export async function flushOutbox({ session, upload, uploadNow, refusedBundles, report }: FlushInput): Promise<FlushOutcome> {
  if (!uploadNow) {
    const sealed = await session.sealPendingVersions(outboxPacking, 'full-bundles');
    if (!sealed.ok && sealed.reason === 'not-joined') return { kind: 'not-joined' };
    if (!sealed.ok && sealed.reason === 'locked') return { kind: 'locked' };
    return { kind: 'sealed-only' };
  }

  const organisation = await session.organisation();
  if (organisation === null) return { kind: 'not-joined' };
  // Issued before the sealing, so IndexedDB does not hold this read back until the sealing's write commits.
  const queued = session.unsentBundleQueue();
  const sealing = settled(session.sealPendingVersions(outboxPacking, 'everything'));
  const sealedBefore = await queued;
  // Forget refusals of bundles delivered meanwhile (by another tab, or after "Sync now").
  for (const firstCounter of refusedBundles.keys()) if (!sealedBefore.some((bundle) => bundle.firstCounter === firstCounter)) refusedBundles.delete(firstCounter);
  const offerable = (bundles: readonly QueuedBundle[]) => bundles.filter((bundle) => !refusedBundles.has(bundle.firstCounter));

  const recorder = createDeliveryRecorder(
    session,
    (count) => {
      for (let i = 0; i < count; i += 1) report({ type: 'bundle-delivered' });
    },
    upload.clock,
  );
  let stoppedBy: FlushOutcome | null = null;
  const offer = async (bundles: readonly QueuedBundle[]) => {
    let next = opening(bundles[0]);
    for (let i = 0; next !== undefined; i += 1) {
      if (recorder.failure() !== null) return;
      const bundle = await next;
      next = opening(bundles[i + 1]);
      const verdict = await uploadToRelays(organisation, bundle, upload);
      if (verdict.kind === 'stored') recorder.add({ firstCounter: bundle.firstCounter, lastCounter: bundle.lastCounter, id: bundle.id, seq: verdict.seq });
      else if (verdict.kind === 'bundle-refused') refusedBundles.set(bundle.firstCounter, verdict.reason);
      else {
        stoppedBy = verdict.kind === 'refused' ? { kind: 'refused', reason: verdict.reason } : { kind: 'retry', reason: verdict.reason, retryAfterMs: verdict.retryAfterMs };
        return;
      }
    }
  };

  const first = offerable(sealedBefore);
  if (first.length > 0) {
    report({ type: 'upload-began', total: first.length });
    await offer(first);
  }
  const sealed = await sealing;
  if ('bug' in sealed) {
    await recorder.settle();
    throw sealed.bug;
  }
  let sealingProblem: FlushOutcome | null = null;
  if (!sealed.value.ok) {
    if (sealed.value.reason === 'not-joined' || sealed.value.reason === 'locked') {
      await recorder.settle();
      return { kind: sealed.value.reason };
    }
    // A phone too full to seal may still upload what it sealed before (delivery frees the bundle bytes).
    sealingProblem = { kind: 'retry', reason: storageReason(sealed.value.reason), retryAfterMs: null };
  }
  if (stoppedBy === null && recorder.failure() === null && (first.length === 0 || (sealed.value.ok && sealed.value.value > 0))) {
    const rest = offerable(await session.unsentBundleQueue(sealedBefore.at(-1)?.firstCounter ?? 0));
    report(first.length === 0 ? { type: 'upload-began', total: rest.length } : { type: 'upload-grew', more: rest.length });
    await offer(rest);
  }
  // Every answer is on disk before the flush says how it went. An answer that never gets written (the vault
  // locked, the tab died, the disk failed) loses nothing: the bundle is still unsent here, so it is offered
  // again, byte-identical, and the relay answers 200 with the seq it assigned the first time.
  const recorded = await recorder.settle();
  if (!recorded.ok) return writeFailed(recorded.reason);
  if (stoppedBy !== null) return stoppedBy;
  if (sealingProblem !== null) return sealingProblem;
  const stuck = [...refusedBundles.values()];
  return { kind: 'done', stuck: stuck.includes('too-large') ? 'too-large' : (stuck[0] ?? null) };
}
