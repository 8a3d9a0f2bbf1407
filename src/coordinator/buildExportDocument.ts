// Everything a coordinator holds, as one plain document (EXPORT_FORMAT.md). Every output format (JSON,
// CSV, the Markdown update: exportFormatters.ts) is a rendering of this, so they can never disagree.
import type { Report } from '../domain/report';
import type { CoordinatorArchive } from './coordinatorArchive';
import type { CoordinatorState } from './coordinatorState';
import type { CounterRange } from './counterRanges';
import { deviceFingerprint } from './deviceFingerprint';
import { replayLedger } from './replayLedger';

export const COORDINATOR_EXPORT_FORMAT = 'dala-coordinator-export';
export const COORDINATOR_EXPORT_VERSION = 1;

export interface ExportedVersion {
  readonly version: number;
  readonly counter: number;
  /** When the monitor saved it, on the device's clock. */
  readonly savedAt: string;
  /** When this coordinator received it, on its own clock. */
  readonly receivedAt: string;
  readonly bundleId: string;
  readonly source: string;
  readonly report: Report;
}

export interface ExportedReport {
  readonly organisation: string;
  readonly mailboxId: string;
  readonly reportId: string;
  readonly deviceId: string;
  readonly deviceFingerprint: string;
  /** Oldest first; the last is the current text. */
  readonly versions: readonly ExportedVersion[];
}

export interface ExportedDevice {
  readonly organisation: string;
  readonly mailboxId: string;
  readonly deviceId: string;
  readonly deviceFingerprint: string;
  readonly highestCounter: number;
  /** Counters below the highest that never arrived. */
  readonly missing: readonly CounterRange[];
}

export interface ExportedProblem {
  readonly organisation: string;
  readonly mailboxId: string;
  readonly bundleId: string;
  /** An openBundle failure, 'id-mismatch', or 'equivocation' (the device signed two contents for one counter). */
  readonly reason: string;
  readonly source: string;
  readonly receivedAt: string;
}

export interface ExportDocument {
  readonly format: typeof COORDINATOR_EXPORT_FORMAT;
  readonly version: typeof COORDINATOR_EXPORT_VERSION;
  readonly exportedAt: string;
  readonly reports: readonly ExportedReport[];
  readonly devices: readonly ExportedDevice[];
  readonly rejected: readonly ExportedProblem[];
}

export function buildExportDocument(state: CoordinatorState, archive: CoordinatorArchive, now: Date): ExportDocument {
  const arrival = new Map(archive.bundles.map((bundle) => [bundle.id, bundle]));
  const reports: ExportedReport[] = [];
  const devices: ExportedDevice[] = [];
  const rejected: ExportedProblem[] = [];
  for (const org of state.organisations) {
    const scope = { organisation: org.name, mailboxId: org.mailboxId };
    const ledger = replayLedger(archive, org.mailboxId);
    for (const report of ledger.reports()) {
      reports.push({
        ...scope,
        reportId: report.reportId,
        deviceId: report.deviceId,
        deviceFingerprint: deviceFingerprint(report.deviceId),
        versions: report.versions.map((v) => ({
          version: v.version,
          counter: v.counter,
          savedAt: new Date(v.savedAt).toISOString(),
          receivedAt: arrival.get(v.bundleId)?.receivedAt ?? '',
          bundleId: v.bundleId,
          source: arrival.get(v.bundleId)?.source ?? '',
          report: v.report,
        })),
      });
    }
    for (const gaps of ledger.gaps()) {
      devices.push({ ...scope, deviceId: gaps.deviceId, deviceFingerprint: deviceFingerprint(gaps.deviceId), highestCounter: gaps.highestCounter, missing: gaps.missing });
    }
    for (const problem of archive.rejected.filter((r) => r.mailboxId === org.mailboxId)) {
      rejected.push({ ...scope, bundleId: problem.id, reason: problem.reason, source: problem.source, receivedAt: problem.receivedAt });
    }
  }
  return { format: COORDINATOR_EXPORT_FORMAT, version: COORDINATOR_EXPORT_VERSION, exportedAt: now.toISOString(), reports, devices, rejected };
}
