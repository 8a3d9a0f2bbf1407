import type { DataKeyHolder } from './dataKeyHolder';
import { openReportVersion } from './sealedReportVersion';
import type { OutboxSummary } from './storeApi';
import type { StoreContext } from './storeContext';
import { VaultLockedError } from './VaultLockedError';

/** Counts for the home screen's sync line; decrypts at most one version (the oldest undelivered, for its age). */
export async function readOutboxSummary(ctx: StoreContext, holder: DataKeyHolder): Promise<OutboxSummary> {
  if (holder.isWiped()) throw new VaultLockedError('outboxSummary');
  const { db } = ctx;
  const counts = await db.transaction('r', [db.organisation, db.reports, db.outbox, db.bundles, db.reportVersions], async () => {
    const [joined, local, queued, delivered, unsealedVersions, unsentBundles, firstUnsealed, firstSealed] = await Promise.all([
      db.organisation.count(),
      db.reports.where('state').equals('local').count(),
      db.reports.where('state').equals('queued').count(),
      db.reports.where('state').equals('delivered').count(),
      db.outbox.where('state').equals('unsealed').count(),
      db.bundles.where('state').equals('sealed').count(),
      // Within one state, rows come in primary key (counter) order: first() is the oldest.
      db.outbox.where('state').equals('unsealed').first(),
      db.outbox.where('state').equals('sealed').first(),
    ]);
    const oldest = [firstUnsealed, firstSealed].filter((row) => row !== undefined).sort((a, b) => a.counter - b.counter)[0];
    const oldestRow = oldest === undefined ? undefined : await db.reportVersions.get([oldest.reportId, oldest.version]);
    return { joined: joined > 0, reports: { local, queued, delivered }, unsealedVersions, unsentBundles, oldestRow };
  });
  const { oldestRow, ...rest } = counts;
  return { ...rest, oldestUndeliveredSavedAt: oldestRow === undefined ? null : openReportVersion(holder, oldestRow, 'outboxSummary').savedAt };
}
