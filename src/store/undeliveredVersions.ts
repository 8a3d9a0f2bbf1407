// How readers tell what is delivered. A delivery is recorded as ONE write per bundle (markBundlesDelivered):
// the bundle row becomes 'delivered', its outbox rows stay 'sealed' and its reports' rows are not rewritten.
// Databases written before that hold outbox rows marked 'delivered' one by one (and reports marked
// 'delivered'). Both forms mean the same and both stay valid, so there is no schema bump: every reader
// derives, and a database may hold both forms at once.
import type { DalaDatabase, OutboxRow } from './schema';

/** Delivered: marked so (the older form), or sealed into a bundle a relay has (the current form). */
export function isVersionDelivered(row: OutboxRow, deliveredBundles: ReadonlySet<number>): boolean {
  return row.state === 'delivered' || (row.state === 'sealed' && row.bundle !== undefined && deliveredBundles.has(row.bundle));
}

/** First counters of the bundles a relay has. Keys only: no bundle bytes are read. */
export async function deliveredBundleKeys(db: DalaDatabase): Promise<Set<number>> {
  return new Set(await db.bundles.where('state').equals('delivered').primaryKeys());
}

/**
 * The counters carried by bundles still 'sealed', as inclusive ranges (neighbours merged), oldest first.
 * From keys alone: a bundle ends where the next one starts, the newest at the chain's end. Every outbox
 * row in them is 'sealed' (a receipt or a removal touches delivered versions only). Call inside a
 * transaction over bundles and bundleChain.
 */
export async function readSealedBundleRanges(db: DalaDatabase): Promise<[number, number][]> {
  const [sealedKeys, allKeys, chain] = await Promise.all([db.bundles.where('state').equals('sealed').primaryKeys(), db.bundles.toCollection().primaryKeys(), db.bundleChain.get('chain')]);
  if (sealedKeys.length === 0) return [];
  const sealed = new Set(sealedKeys);
  const ranges: [number, number][] = [];
  allKeys.forEach((firstCounter, i) => {
    if (!sealed.has(firstCounter)) return;
    const next = allKeys[i + 1];
    const last = next === undefined ? (chain?.lastCounter ?? Number.MAX_SAFE_INTEGER) : next - 1;
    const previous = ranges[ranges.length - 1];
    if (previous !== undefined && previous[1] === firstCounter - 1) previous[1] = last;
    else ranges.push([firstCounter, last]);
  });
  return ranges;
}

/**
 * The outbox rows no relay has yet, oldest first: the unsealed ones, and those of bundles still 'sealed'.
 * Reads no bundle bytes and no delivered rows. Call inside a transaction over outbox, bundles and bundleChain.
 */
export async function readUndeliveredVersions(db: DalaDatabase): Promise<OutboxRow[]> {
  const [unsealed, ranges] = await Promise.all([db.outbox.where('state').equals('unsealed').toArray(), readSealedBundleRanges(db)]);
  if (ranges.length === 0) return unsealed;
  const inRanges = await Promise.all(ranges.map(([first, last]) => db.outbox.where('counter').between(first, last, true, true).toArray()));
  return [...inRanges.flat().filter((row) => row.state === 'sealed'), ...unsealed].sort((a, b) => a.counter - b.counter);
}
