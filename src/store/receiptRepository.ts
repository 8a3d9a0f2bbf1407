import { Dexie } from 'dexie';
import type { DataKeyHolder } from './dataKeyHolder';
import { readSettings } from './settingsRepository';
import type { CounterRange, OutboxWriteFailure, ReceiptOutcome, RemovedReport, Result } from './storeApi';
import type { StoreContext } from './storeContext';
import { deliveredBundleKeys, isVersionDelivered } from './undeliveredVersions';
import { VaultLockedError } from './VaultLockedError';
import { writeTransaction } from './writeTransaction';

function checkRanges(counters: readonly CounterRange[]): void {
  if (!Array.isArray(counters)) throw new TypeError('applyReceipt: counters must be an array');
  for (const range of counters) {
    if (!Number.isSafeInteger(range.first) || !Number.isSafeInteger(range.last) || range.first < 1 || range.first > range.last) {
      throw new RangeError(`applyReceipt: counters must be ranges of positive integers with first <= last, got ${JSON.stringify(range)}`);
    }
  }
}

/**
 * Marks what a verified receipt covers, in one transaction with the removal it may trigger, so a crash
 * never leaves a report half deleted. Only delivered versions are acknowledged (marked 'delivered', or
 * 'sealed' in a delivered bundle: undeliveredVersions.ts): a receipt cannot make an unsent version look
 * received. Idempotent: the same receipt applied twice changes nothing more.
 */
export async function applyReceipt(ctx: StoreContext, holder: DataKeyHolder, counters: readonly CounterRange[]): Promise<Result<ReceiptOutcome, OutboxWriteFailure>> {
  checkRanges(counters);
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  const { db } = ctx;
  return writeTransaction(db, [db.outbox, db.bundles, db.reports, db.reportVersions, db.settings], async () => {
    const touched = new Set<string>();
    const deliveredBundles = await deliveredBundleKeys(db);
    for (const { first, last } of counters) {
      const rows = await db.outbox.where('counter').between(first, last, true, true).toArray();
      const delivered = rows.filter((row) => isVersionDelivered(row, deliveredBundles));
      await db.outbox.bulkPut(delivered.map((row) => ({ ...row, state: 'acknowledged' as const })));
      for (const row of delivered) touched.add(row.reportId);
    }
    let acknowledged = 0;
    for (const reportId of touched) {
      const versions = await db.outbox.where('[reportId+version]').between([reportId, Dexie.minKey], [reportId, Dexie.maxKey]).toArray();
      const report = await db.reports.get(reportId);
      // Acknowledged versions were all delivered, so a 'queued' report is then delivered too (undeliveredVersions.ts).
      if ((report?.state === 'delivered' || report?.state === 'queued') && versions.every((version) => version.state === 'acknowledged')) {
        await db.reports.update(reportId, { state: 'acknowledged' });
        acknowledged += 1;
      }
    }
    let removed = 0;
    if ((await readSettings(ctx, holder)).removeAfterReceipt) {
      for (const report of await db.reports.where('state').equals('acknowledged').toArray()) {
        const lower = [report.reportId, Dexie.minKey];
        const upper = [report.reportId, Dexie.maxKey];
        await db.reportVersions.where('[reportId+version]').between(lower, upper).delete();
        await db.outbox.where('[reportId+version]').between(lower, upper).delete();
        await db.reports.put({ reportId: report.reportId, latestVersion: 0, state: 'removed' });
        removed += 1;
      }
    }
    return { acknowledged, removed };
  });
}

export async function listRemovedReports(ctx: StoreContext, holder: DataKeyHolder): Promise<RemovedReport[]> {
  if (holder.isWiped()) throw new VaultLockedError('listRemovedReports');
  const rows = await ctx.db.reports.where('state').equals('removed').toArray();
  return rows.map((row) => ({ reportId: row.reportId }));
}
