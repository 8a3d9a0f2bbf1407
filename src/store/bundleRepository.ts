import { Dexie } from 'dexie';
import { contentId } from '../crypto/sha256';
import type { DataKeyHolder } from './dataKeyHolder';
import type { BundleRow } from './schema';
import type { OutboxWriteFailure, Result, UnsentBundle } from './storeApi';
import type { StoreContext } from './storeContext';
import { VaultLockedError } from './VaultLockedError';
import { writeTransaction } from './writeTransaction';

/** Version of the JSON sealed in bundles.sealedReceipt. */
const SEALED_RECEIPT_FORMAT = 1;

function openBundleBytes(holder: DataKeyHolder, row: BundleRow, operation: string): Uint8Array {
  if (row.sealedBytes === undefined) throw new Error(`${operation}: bundle ${row.firstCounter} is '${row.state}' but has no bytes`);
  return holder.openBytes(row.sealedBytes, operation);
}

/** Sealed bundles not yet delivered, oldest first, with the exact bytes stored when they were sealed. */
export async function listUnsentBundles(ctx: StoreContext, holder: DataKeyHolder): Promise<UnsentBundle[]> {
  if (holder.isWiped()) throw new VaultLockedError('unsentBundles');
  const rows = await ctx.db.bundles.where('state').equals('sealed').toArray();
  return rows.map((row) => {
    const bytes = openBundleBytes(holder, row, 'unsentBundles');
    return { firstCounter: row.firstCounter, lastCounter: row.lastCounter, id: contentId(bytes), bytes };
  });
}

/**
 * Records that a relay holds the bundle: the bundle keeps only a sealed receipt { id, seq } (its bytes
 * are no longer needed on the phone), its versions become 'delivered', and so does every report all of
 * whose versions are. Idempotent: a bundle delivered twice (two tabs, a retry) stays delivered once.
 */
export async function markBundleDelivered(ctx: StoreContext, holder: DataKeyHolder, firstCounter: number, seq: number): Promise<Result<void, OutboxWriteFailure>> {
  const operation = 'markBundleDelivered';
  if (!Number.isSafeInteger(firstCounter) || firstCounter < 1) throw new RangeError(`${operation}: firstCounter must be a positive integer`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`${operation}: seq must be a positive integer`);
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  const { db } = ctx;
  return writeTransaction(db, [db.bundles, db.outbox, db.reports], async () => {
    const row = await db.bundles.get(firstCounter);
    if (row === undefined) throw new Error(`${operation}: no bundle starts at counter ${firstCounter}`);
    if (row.state === 'delivered') return;
    const id = contentId(openBundleBytes(holder, row, operation));
    const sealedReceipt = holder.seal({ format: SEALED_RECEIPT_FORMAT, id, seq }, operation);
    await db.bundles.put({ firstCounter, lastCounter: row.lastCounter, state: 'delivered', sealedReceipt });
    const versions = await db.outbox.where('counter').between(firstCounter, row.lastCounter, true, true).toArray();
    await db.outbox.bulkPut(versions.map((version) => ({ ...version, state: 'delivered' as const })));
    for (const reportId of new Set(versions.map((version) => version.reportId))) {
      const all = await db.outbox.where('[reportId+version]').between([reportId, Dexie.minKey], [reportId, Dexie.maxKey]).toArray();
      if (all.every((version) => version.state === 'delivered')) await db.reports.update(reportId, { state: 'delivered' });
    }
  });
}
