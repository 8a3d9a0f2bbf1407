import { bundleLimits } from '../protocol/bundleFormat';
import type { VaultSession } from '../store/storeApi';
import { sealForOutbox } from './sealForOutbox';
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
  /** false: seal only. */
  readonly uploadNow: boolean;
  /** firstCounter of bundles a relay refused in this run of the app (413, 400): not offered again until "Sync now". */
  readonly refusedBundles: Map<number, Extract<BlockedReason, 'too-large' | 'rejected'>>;
  /** Progress for the state machine. */
  readonly report: (event: SyncEvent) => void;
}

const storageReason = (reason: 'storage-full' | 'storage-error'): BackoffReason => (reason === 'storage-full' ? 'phone-storage-full' : 'phone-storage-error');

/**
 * One pass over the outbox: seal every unsealed version (stored before any upload), then offer each
 * unsent bundle, oldest first, byte-identical to every earlier attempt. Stops at the first answer that
 * concerns every bundle (refused token, back off); a refused bundle does not hold back the others.
 */
export async function flushOutbox({ session, upload, uploadNow, refusedBundles, report }: FlushInput): Promise<FlushOutcome> {
  const sealed = await session.sealPendingVersions(sealForOutbox, bundleLimits.maxVersions);
  let sealingProblem: FlushOutcome | null = null;
  if (!sealed.ok) {
    if (sealed.reason === 'not-joined') return { kind: 'not-joined' };
    if (sealed.reason === 'locked') return { kind: 'locked' };
    // A phone too full to seal may still upload what it sealed before (delivery frees the bundle bytes).
    sealingProblem = { kind: 'retry', reason: storageReason(sealed.reason), retryAfterMs: null };
  }
  if (!uploadNow) return { kind: 'sealed-only' };

  const organisation = await session.organisation();
  if (organisation === null) return { kind: 'not-joined' };
  const unsent = await session.unsentBundles();
  // Forget refusals of bundles delivered meanwhile (by another tab, or after "Sync now").
  for (const firstCounter of refusedBundles.keys()) if (!unsent.some((bundle) => bundle.firstCounter === firstCounter)) refusedBundles.delete(firstCounter);
  const bundles = unsent.filter((bundle) => !refusedBundles.has(bundle.firstCounter));
  report({ type: 'upload-began', total: bundles.length });
  for (const bundle of bundles) {
    const verdict = await uploadToRelays(organisation, bundle, upload);
    switch (verdict.kind) {
      case 'stored': {
        const marked = await session.markBundleDelivered(bundle.firstCounter, verdict.seq);
        if (!marked.ok) return marked.reason === 'locked' ? { kind: 'locked' } : { kind: 'retry', reason: storageReason(marked.reason), retryAfterMs: null };
        report({ type: 'bundle-delivered' });
        break;
      }
      case 'bundle-refused':
        refusedBundles.set(bundle.firstCounter, verdict.reason);
        break;
      case 'refused':
        return { kind: 'refused', reason: verdict.reason };
      case 'retry':
        return { kind: 'retry', reason: verdict.reason, retryAfterMs: verdict.retryAfterMs };
    }
  }
  if (sealingProblem !== null) return sealingProblem;
  const stuck = [...refusedBundles.values()];
  return { kind: 'done', stuck: stuck.includes('too-large') ? 'too-large' : (stuck[0] ?? null) };
}
