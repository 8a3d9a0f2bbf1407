import { Dexie } from 'dexie';
import { contentId } from '../crypto/sha256';
import type { DataKeyHolder } from './dataKeyHolder';
import type { BundleRow, OutboxState } from './schema';
import type { BundleDelivery, OutboxWriteFailure, Result, UnsentBundle } from './storeApi';
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

const SENT: ReadonlySet<OutboxState> = new Set<OutboxState>(['delivered', 'acknowledged']);

function checkDelivery({ firstCounter, seq }: BundleDelivery, operation: string): void {
  if (!Number.isSafeInteger(firstCounter) || firstCounter < 1) throw new RangeError(`${operation}: firstCounter must be a positive integer`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`${operation}: seq must be a positive integer`);
}

/**
 * Records that a relay holds these bundles, in ONE transaction: each bundle keeps only a sealed receipt
 * { id, seq } (its bytes are no longer needed on the phone), its versions become 'delivered', and so does
 * every report all of whose versions are now at a relay. Idempotent: a bundle delivered twice (two tabs,
 * a retry) stays delivered once.
 */
export async function markBundlesDelivered(ctx: StoreContext, holder: DataKeyHolder, deliveries: readonly BundleDelivery[], operation = 'markBundlesDelivered'): Promise<Result<void, OutboxWriteFailure>> {
  if (!Array.isArray(deliveries)) throw new TypeError(`${operation}: deliveries must be an array`);
  for (const delivery of deliveries) checkDelivery(delivery, operation);
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  if (deliveries.length === 0) return { ok: true, value: undefined };
  const { db } = ctx;
  return writeTransaction(db, [db.bundles, db.outbox, db.reports], async () => {
    const rows = await db.bundles.bulkGet(deliveries.map((delivery) => delivery.firstCounter));
    const delivered: BundleRow[] = [];
    deliveries.forEach(({ firstCounter, seq }, i) => {
      const row = rows[i];
      if (row === undefined) throw new Error(`${operation}: no bundle starts at counter ${firstCounter}`);
      if (row.state === 'delivered' || delivered.some((other) => other.firstCounter === firstCounter)) return;
      const id = contentId(openBundleBytes(holder, row, operation));
      const sealedReceipt = holder.seal({ format: SEALED_RECEIPT_FORMAT, id, seq }, operation);
      delivered.push({ firstCounter, lastCounter: row.lastCounter, state: 'delivered', sealedReceipt });
    });
    if (delivered.length === 0) return;
    // Requests in one transaction run in order; issued together they save round trips.
    const versions = (await Promise.all(delivered.map((row) => db.outbox.where('counter').between(row.firstCounter, row.lastCounter, true, true).toArray()))).flat();
    await Promise.all([db.bundles.bulkPut(delivered), db.outbox.bulkPut(versions.map((version) => ({ ...version, state: 'delivered' as const })))]);
    const reportIds = [...new Set(versions.map((version) => version.reportId))];
    const histories = await Promise.all(reportIds.map((reportId) => db.outbox.where('[reportId+version]').between([reportId, Dexie.minKey], [reportId, Dexie.maxKey]).toArray()));
    // Earlier versions a coordinator already acknowledged count as at a relay too (an amendment after a receipt).
    const sent = reportIds.filter((_, i) => (histories[i] ?? []).every((version) => SENT.has(version.state)));
    await Promise.all(sent.map((reportId) => db.reports.update(reportId, { state: 'delivered' })));
  });
}

/** markBundlesDelivered for one relay answer. */
export function markBundleDelivered(ctx: StoreContext, holder: DataKeyHolder, firstCounter: number, seq: number): Promise<Result<void, OutboxWriteFailure>> {
  return markBundlesDelivered(ctx, holder, [{ firstCounter, seq }], 'markBundleDelivered');
}
