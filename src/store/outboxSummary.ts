import type { DataKeyHolder } from './dataKeyHolder';
import type { DalaDatabase, OutboxRow } from './schema';
import { openReportVersion } from './sealedReportVersion';
import type { OutboxSummary } from './storeApi';
import type { StoreContext } from './storeContext';
import { readSealedBundleRanges, readUndeliveredVersions } from './undeliveredVersions';
import { VaultLockedError } from './VaultLockedError';

interface Waiting {
  /** Reports with a version no relay has yet (at most; Infinity: every 'queued' report). */
  readonly reports: number;
  readonly unsealedVersions: number;
  readonly oldest: OutboxRow | undefined;
}

/** What waits to be delivered; a 'queued' report with no version waiting is delivered (see undeliveredVersions.ts). */
async function readWaiting(db: DalaDatabase, joined: boolean): Promise<Waiting> {
  // Nothing is sealed or delivered before joining: every report is 'local', every version unsealed.
  if (!joined) {
    const [unsealedVersions, oldest] = await Promise.all([db.outbox.where('state').equals('unsealed').count(), db.outbox.where('state').equals('unsealed').first()]);
    return { reports: 0, unsealedVersions, oldest };
  }
  const [markedDelivered, sealedVersions, unsealedVersions, firstUnsealed, ranges] = await Promise.all([
    db.outbox.where('state').equals('delivered').count(),
    db.outbox.where('state').equals('sealed').count(),
    db.outbox.where('state').equals('unsealed').count(),
    db.outbox.where('state').equals('unsealed').first(),
    readSealedBundleRanges(db),
  ]);
  const firstRange = ranges[0];
  if (markedDelivered === 0 && sealedVersions === ranges.reduce((sum, [first, last]) => sum + last - first + 1, 0)) {
    // Every delivered version is acknowledged: none sits 'sealed' in a delivered bundle or marked in the
    // older form, so a 'queued' report none of whose versions waits would have all of them acknowledged,
    // and a receipt then made it 'acknowledged'. Every 'queued' report waits. Counted, not read.
    const firstSealed = firstRange === undefined ? undefined : await db.outbox.get(firstRange[0]);
    const oldest = [firstUnsealed, firstSealed].filter((row) => row !== undefined).sort((a, b) => a.counter - b.counter)[0];
    return { reports: Number.POSITIVE_INFINITY, unsealedVersions, oldest };
  }
  const waiting = await readUndeliveredVersions(db);
  return { reports: new Set(waiting.map((row) => row.reportId)).size, unsealedVersions, oldest: waiting[0] };
}

/** Counts for the home screen's sync line; decrypts at most one version (the oldest undelivered, for its age). */
export async function readOutboxSummary(ctx: StoreContext, holder: DataKeyHolder): Promise<OutboxSummary> {
  if (holder.isWiped()) throw new VaultLockedError('outboxSummary');
  const { db } = ctx;
  const counts = await db.transaction('r', [db.organisation, db.reports, db.outbox, db.bundles, db.bundleChain, db.reportVersions], async () => {
    const [joined, local, queuedRows, deliveredRows, unsentBundles] = await Promise.all([
      db.organisation.count(),
      db.reports.where('state').equals('local').count(),
      db.reports.where('state').equals('queued').count(),
      db.reports.where('state').equals('delivered').count(),
      db.bundles.where('state').equals('sealed').count(),
    ]);
    const waiting = await readWaiting(db, joined > 0);
    // Joined, every waiting version belongs to a 'queued' report (joining queues the 'local' ones, and an amendment re-queues).
    const queued = Math.min(waiting.reports, queuedRows);
    const oldestRow = waiting.oldest === undefined ? undefined : await db.reportVersions.get([waiting.oldest.reportId, waiting.oldest.version]);
    return { joined: joined > 0, reports: { local, queued, delivered: deliveredRows + queuedRows - queued }, unsealedVersions: waiting.unsealedVersions, unsentBundles, oldestRow };
  });
  const { oldestRow, ...rest } = counts;
  return { ...rest, oldestUndeliveredSavedAt: oldestRow === undefined ? null : openReportVersion(holder, oldestRow, 'outboxSummary').savedAt };
}
