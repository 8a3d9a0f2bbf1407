import { contentIdAsync } from '../crypto/sha256';
import type { DataKeyHolder } from './dataKeyHolder';
import type { BundleRow } from './schema';
import type { BundleDelivery, OutboxWriteFailure, QueuedBundle, Result, UnsentBundle } from './storeApi';
import type { StoreContext } from './storeContext';
import { VaultLockedError } from './VaultLockedError';
import { writeTransaction } from './writeTransaction';

/** Version of the JSON sealed in bundles.sealedReceipt. */
const SEALED_RECEIPT_FORMAT = 1;

function openBundleBytes(holder: DataKeyHolder, row: BundleRow, operation: string): Uint8Array {
  if (row.sealedBytes === undefined) throw new Error(`${operation}: bundle ${row.firstCounter} is '${row.state}' but has no bytes`);
  return holder.openBytes(row.sealedBytes, operation);
}

/**
 * Sealed bundles not yet delivered whose first counter is above `after`, oldest first: read in one go, each
 * decrypted only when opened, so an upload can start before every bundle is decrypted.
 */
export async function listUnsentBundleQueue(ctx: StoreContext, holder: DataKeyHolder, after = 0): Promise<QueuedBundle[]> {
  if (!Number.isSafeInteger(after) || after < 0) throw new RangeError('unsentBundleQueue: after must be a counter (an integer >= 0)');
  if (holder.isWiped()) throw new VaultLockedError('unsentBundles');
  const { db } = ctx;
  const rows = await db.transaction('r', [db.bundles], async () => {
    // Keys first: bundles already offered (at or below `after`) are not read again.
    const keys = (await db.bundles.where('state').equals('sealed').primaryKeys()).filter((firstCounter) => firstCounter > after);
    return db.bundles.bulkGet(keys);
  });
  return rows.map((row, i): QueuedBundle => {
    if (row === undefined) throw new Error(`unsentBundles: sealed bundle ${i} vanished inside a transaction`);
    const { firstCounter, lastCounter } = row;
    return {
      firstCounter,
      lastCounter,
      open: async () => {
        if (holder.isWiped()) throw new VaultLockedError('unsentBundles');
        const bytes = openBundleBytes(holder, row, 'unsentBundles');
        return { firstCounter, lastCounter, id: await contentIdAsync(bytes), bytes };
      },
    };
  });
}

/** Sealed bundles not yet delivered, oldest first, with the exact bytes stored when they were sealed. */
export async function listUnsentBundles(ctx: StoreContext, holder: DataKeyHolder): Promise<UnsentBundle[]> {
  return Promise.all((await listUnsentBundleQueue(ctx, holder)).map((bundle) => bundle.open()));
}

const BUNDLE_ID = /^[A-Za-z0-9_-]{43}$/;

function checkDelivery({ firstCounter, lastCounter, id, seq }: BundleDelivery, operation: string): void {
  if (!Number.isSafeInteger(firstCounter) || firstCounter < 1) throw new RangeError(`${operation}: firstCounter must be a positive integer`);
  if (!Number.isSafeInteger(lastCounter) || lastCounter < firstCounter) throw new RangeError(`${operation}: lastCounter must be an integer >= firstCounter`);
  if (typeof id !== 'string' || !BUNDLE_ID.test(id)) throw new TypeError(`${operation}: id must be a bundle id (43 base64url characters)`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`${operation}: seq must be a positive integer`);
}

/**
 * Records that a relay holds these bundles, in ONE transaction and with ONE write per bundle: the bundle
 * row becomes 'delivered' and keeps only a sealed receipt { id, seq } (its bytes are no longer needed on
 * the phone). Its outbox rows stay 'sealed' and no report row is rewritten: readers derive that they are
 * delivered (undeliveredVersions.ts). Idempotent: a bundle delivered twice (two tabs, a retry) stays
 * delivered once. Reads no bundle bytes: the answers name the bundles as unsentBundles did, and each one's
 * counters are checked against its outbox rows.
 */
export async function markBundlesDelivered(ctx: StoreContext, holder: DataKeyHolder, deliveries: readonly BundleDelivery[], operation = 'markBundlesDelivered'): Promise<Result<void, OutboxWriteFailure>> {
  if (!Array.isArray(deliveries)) throw new TypeError(`${operation}: deliveries must be an array`);
  for (const delivery of deliveries) checkDelivery(delivery, operation);
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  if (deliveries.length === 0) return { ok: true, value: undefined };
  const { db } = ctx;
  return writeTransaction(db, [db.bundles, db.outbox], async () => {
    const sealed = new Set(await db.bundles.where('state').equals('sealed').primaryKeys());
    const others = deliveries.filter((delivery) => !sealed.has(delivery.firstCounter)).map((delivery) => delivery.firstCounter);
    const known = new Set(others.length === 0 ? [] : await db.bundles.where(':id').anyOf(others).primaryKeys());
    const missing = others.find((firstCounter) => !known.has(firstCounter));
    if (missing !== undefined) throw new Error(`${operation}: no bundle starts at counter ${missing}`);
    // Each sealed bundle once, even when two answers for it are in the same batch.
    const batch = [...new Map(deliveries.filter((delivery) => sealed.has(delivery.firstCounter)).map((delivery) => [delivery.firstCounter, delivery])).values()];
    if (batch.length === 0) return;
    // A bundle's rows are contiguous from its first counter (sealed in one transaction), so its first and
    // last rows carrying it and the next row not carrying it prove the counters are its own.
    const ends = await db.outbox.bulkGet(batch.flatMap(({ firstCounter, lastCounter }) => [firstCounter, lastCounter, lastCounter + 1]));
    batch.forEach(({ firstCounter, lastCounter }, i) => {
      const [first, last, after] = ends.slice(3 * i, 3 * i + 3);
      if (first?.bundle !== firstCounter || last?.bundle !== firstCounter || after?.bundle === firstCounter) {
        throw new Error(`${operation}: bundle ${firstCounter} does not carry counters ${firstCounter}..${lastCounter}`);
      }
    });
    await db.bundles.bulkPut(
      batch.map(({ firstCounter, lastCounter, id, seq }): BundleRow => ({
        firstCounter,
        lastCounter,
        state: 'delivered',
        sealedReceipt: holder.seal({ format: SEALED_RECEIPT_FORMAT, id, seq }, operation),
      })),
    );
  });
}

/** markBundlesDelivered for one relay answer, naming the bundle by its first counter alone. */
export async function markBundleDelivered(ctx: StoreContext, holder: DataKeyHolder, firstCounter: number, seq: number): Promise<Result<void, OutboxWriteFailure>> {
  const operation = 'markBundleDelivered';
  if (!Number.isSafeInteger(firstCounter) || firstCounter < 1) throw new RangeError(`${operation}: firstCounter must be a positive integer`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`${operation}: seq must be a positive integer`);
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  const row = await ctx.db.bundles.get(firstCounter);
  if (row === undefined) throw new Error(`${operation}: no bundle starts at counter ${firstCounter}`);
  if (row.state === 'delivered') return { ok: true, value: undefined };
  const id = await contentIdAsync(openBundleBytes(holder, row, operation));
  return markBundlesDelivered(ctx, holder, [{ firstCounter, lastCounter: row.lastCounter, id, seq }], operation);
}
