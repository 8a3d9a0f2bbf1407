import { contentIdAsync } from '../crypto/sha256';
import type { DataKeyHolder } from './dataKeyHolder';
import type { BundleRow, OutboxRow, OutboxState, ReportRow } from './schema';
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
  return Promise.all(
    rows.map(async (row) => {
      const bytes = openBundleBytes(holder, row, 'unsentBundles');
      return { firstCounter: row.firstCounter, lastCounter: row.lastCounter, id: await contentIdAsync(bytes), bytes };
    }),
  );
}

const SENT: ReadonlySet<OutboxState> = new Set<OutboxState>(['delivered', 'acknowledged']);
const BUNDLE_ID = /^[A-Za-z0-9_-]{43}$/;

function checkDelivery({ firstCounter, lastCounter, id, seq }: BundleDelivery, operation: string): void {
  if (!Number.isSafeInteger(firstCounter) || firstCounter < 1) throw new RangeError(`${operation}: firstCounter must be a positive integer`);
  if (!Number.isSafeInteger(lastCounter) || lastCounter < firstCounter) throw new RangeError(`${operation}: lastCounter must be an integer >= firstCounter`);
  if (typeof id !== 'string' || !BUNDLE_ID.test(id)) throw new TypeError(`${operation}: id must be a bundle id (43 base64url characters)`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`${operation}: seq must be a positive integer`);
}

/** Which of these reports have every version at a relay (delivered, or since acknowledged), given the versions just delivered. */
async function reportsNowDelivered(ctx: StoreContext, justDelivered: readonly OutboxRow[]): Promise<ReportRow[]> {
  const { db } = ctx;
  const delivered = new Map<string, Set<number>>();
  for (const row of justDelivered) delivered.set(row.reportId, (delivered.get(row.reportId) ?? new Set()).add(row.version));
  const reports = (await db.reports.bulkGet([...delivered.keys()])).filter((report) => report !== undefined);
  // Usually none: the other versions of amended reports, delivered in earlier bundles or still waiting.
  const others = reports.flatMap((report) =>
    Array.from({ length: report.latestVersion }, (_, i): [string, number] => [report.reportId, i + 1]).filter(([, version]) => !delivered.get(report.reportId)?.has(version)),
  );
  const otherRows = others.length === 0 ? [] : await db.outbox.where('[reportId+version]').anyOf(others).toArray();
  const sent = new Set(otherRows.filter((row) => SENT.has(row.state)).map((row) => `${row.reportId}/${row.version}`));
  const notSent = new Set(others.filter(([reportId, version]) => !sent.has(`${reportId}/${version}`)).map(([reportId]) => reportId));
  return reports.filter((report) => !notSent.has(report.reportId));
}

/**
 * Records that a relay holds these bundles, in ONE transaction: each bundle keeps only a sealed receipt
 * { id, seq } (its bytes are no longer needed on the phone), its versions become 'delivered', and so does
 * every report all of whose versions are now at a relay. Idempotent: a bundle delivered twice (two tabs,
 * a retry) stays delivered once. Reads no bundle bytes: the answers name the bundles as unsentBundles did,
 * and each one's counters are checked against its outbox rows.
 */
export async function markBundlesDelivered(ctx: StoreContext, holder: DataKeyHolder, deliveries: readonly BundleDelivery[], operation = 'markBundlesDelivered'): Promise<Result<void, OutboxWriteFailure>> {
  if (!Array.isArray(deliveries)) throw new TypeError(`${operation}: deliveries must be an array`);
  for (const delivery of deliveries) checkDelivery(delivery, operation);
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  if (deliveries.length === 0) return { ok: true, value: undefined };
  const { db } = ctx;
  return writeTransaction(db, [db.bundles, db.outbox, db.reports], async () => {
    const sealed = new Set(await db.bundles.where('state').equals('sealed').primaryKeys());
    const others = deliveries.filter((delivery) => !sealed.has(delivery.firstCounter)).map((delivery) => delivery.firstCounter);
    const known = new Set(others.length === 0 ? [] : await db.bundles.where(':id').anyOf(others).primaryKeys());
    const missing = others.find((firstCounter) => !known.has(firstCounter));
    if (missing !== undefined) throw new Error(`${operation}: no bundle starts at counter ${missing}`);
    // Each sealed bundle once, even when two answers for it are in the same batch.
    const batch = [...new Map(deliveries.filter((delivery) => sealed.has(delivery.firstCounter)).map((delivery) => [delivery.firstCounter, delivery])).values()];
    if (batch.length === 0) return;
    // Requests in one transaction run in order; issued together they save round trips.
    const ranges = await Promise.all(batch.map(({ firstCounter, lastCounter }) => db.outbox.where('counter').between(firstCounter, lastCounter, true, true).toArray()));
    batch.forEach(({ firstCounter, lastCounter }, i) => {
      const rows = ranges[i] ?? [];
      if (rows.length !== lastCounter - firstCounter + 1 || rows.some((row) => row.bundle !== firstCounter)) {
        throw new Error(`${operation}: bundle ${firstCounter} does not carry counters ${firstCounter}..${lastCounter}`);
      }
    });
    const bundles = batch.map(({ firstCounter, lastCounter, id, seq }): BundleRow => ({
      firstCounter,
      lastCounter,
      state: 'delivered',
      sealedReceipt: holder.seal({ format: SEALED_RECEIPT_FORMAT, id, seq }, operation),
    }));
    const nowDelivered = ranges.flat().map((version) => ({ ...version, state: 'delivered' as const }));
    await Promise.all([db.bundles.bulkPut(bundles), db.outbox.bulkPut(nowDelivered)]);
    const reports = await reportsNowDelivered(ctx, nowDelivered);
    await db.reports.bulkPut(reports.map((report) => ({ ...report, state: 'delivered' as const })));
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
