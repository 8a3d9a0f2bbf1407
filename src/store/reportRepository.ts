import { Dexie } from 'dexie';
import type { Report } from '../domain/report';
import { reportSchema } from '../domain/report';
import type { DataKeyHolder } from './dataKeyHolder';
import { openReportVersion, sealReportVersion } from './sealedReportVersion';
import type { ReportSummary, ReportVersionRecord, Result, SaveFailure } from './storeApi';
import type { StoreContext } from './storeContext';
import { readUndeliveredVersions } from './undeliveredVersions';
import { VaultLockedError } from './VaultLockedError';
import { writeTransaction } from './writeTransaction';

/**
 * Saves a new report (version 1) or an amendment (latest + 1). The version row, the report row, the
 * outbox row and the device counter are written in ONE transaction: either all of them are on disk
 * or none is, so a report is never "saved" without being queued, and no counter value is skipped.
 */
export async function saveReportVersion(ctx: StoreContext, holder: DataKeyHolder, report: Report): Promise<Result<ReportVersionRecord, SaveFailure>> {
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  const parsed = reportSchema.safeParse(report);
  if (!parsed.success) return { ok: false, reason: 'invalid-report' };
  const { db } = ctx;
  const reportId = parsed.data.id;
  const savedAt = ctx.now();
  return writeTransaction(db, [db.reports, db.reportVersions, db.outbox, db.counters, db.organisation], async () => {
    // Requests in one IndexedDB transaction run in order; issuing them together saves round trips
    // (the save path's cost is mostly waiting on them), and the transaction still commits all or nothing.
    const [existing, organisations, deviceCounter] = await Promise.all([db.reports.get(reportId), db.organisation.count(), db.counters.get('device')]);
    const version = (existing?.latestVersion ?? 0) + 1;
    const counter = (deviceCounter?.value ?? 0) + 1;
    const saved: ReportVersionRecord = { reportId, version, counter, savedAt, report: parsed.data };
    await Promise.all([
      db.reportVersions.add({ reportId, version, counter, sealed: sealReportVersion(holder, saved) }),
      // Until an organisation is joined every saved version is on this phone only; after, it waits to be sent.
      db.reports.put({ reportId, latestVersion: version, state: organisations > 0 ? 'queued' : 'local' }),
      db.outbox.add({ counter, reportId, version, state: 'unsealed' }),
      db.counters.put({ name: 'device', value: counter }),
    ]);
    return saved;
  });
}

/** Every report with its latest version decrypted, most recently saved first. */
export async function listReportSummaries(ctx: StoreContext, holder: DataKeyHolder): Promise<ReportSummary[]> {
  if (holder.isWiped()) throw new VaultLockedError('listReports');
  const { db } = ctx;
  const rows = await db.transaction('r', [db.reports, db.reportVersions, db.outbox, db.bundles, db.bundleChain], async () => {
    // A removed report has no version left to show; listRemovedReports lists those.
    const [all, waiting] = await Promise.all([db.reports.toArray(), readUndeliveredVersions(db)]);
    const reports = all.filter((report) => report.state !== 'removed');
    const latest = await db.reportVersions.bulkGet(reports.map((r) => [r.reportId, r.latestVersion] as [string, number]));
    return { reports: reports.map((report, i) => ({ report, latest: latest[i] })), waiting: new Set(waiting.map((row) => row.reportId)) };
  });
  const summaries = rows.reports.map(({ report, latest }): ReportSummary => {
    if (latest === undefined) throw new Error(`listReports: report ${report.reportId} has no version ${report.latestVersion}`);
    // Deliveries are recorded per bundle: a 'queued' report none of whose versions waits is delivered.
    const state = report.state === 'queued' && !rows.waiting.has(report.reportId) ? 'delivered' : report.state;
    return { reportId: report.reportId, latest: openReportVersion(holder, latest, 'listReports'), versionCount: report.latestVersion, state };
  });
  // The device counter orders saves without trusting the wall clock, which can jump on a phone.
  return summaries.sort((a, b) => b.latest.counter - a.latest.counter);
}

/** All versions of one report, oldest first; empty for an unknown id. */
export async function readReportHistory(ctx: StoreContext, holder: DataKeyHolder, reportId: string): Promise<ReportVersionRecord[]> {
  if (holder.isWiped()) throw new VaultLockedError('reportHistory');
  const rows = await ctx.db.reportVersions.where('[reportId+version]').between([reportId, Dexie.minKey], [reportId, Dexie.maxKey]).toArray();
  return rows.map((row) => openReportVersion(holder, row, 'reportHistory'));
}
