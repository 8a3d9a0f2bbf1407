// Export documents for the CSV and Markdown tests, built the way buildExportDocument shapes them, with
// reports made by the tests with testReport (the real schema), so every field has the shape a device sends.
import type { ExportDocument, ExportedReport } from '../../../src/coordinator/buildExportDocument';
import { deviceFingerprint } from '../../../src/coordinator/deviceFingerprint';
import { toBase64Url } from '../../../src/crypto/bytes';
import type { Report } from '../../../src/domain/report';
import { signingKeys } from '../bundle/bundleTestKit';

const DEVICE_ID = toBase64Url(signingKeys('field-phone').publicKey);

/** A report as exported, with `versions` its successive texts (oldest first). */
export function exportedReport(...versions: readonly Report[]): ExportedReport {
  const first = versions[0];
  if (first === undefined) throw new Error('exportedReport: give at least one version');
  return {
    organisation: 'Steppe Watch',
    mailboxId: 'AAECAwQFBgcICQoLDA0ODw',
    reportId: first.id,
    deviceId: DEVICE_ID,
    deviceFingerprint: deviceFingerprint(DEVICE_ID),
    versions: versions.map((report, index) => ({
      version: index + 1,
      counter: index + 1,
      savedAt: '2026-03-12T10:00:00.000Z',
      receivedAt: '2026-03-12T11:00:00.000Z',
      bundleId: `bundle-${index + 1}`,
      source: 'relay https://relay.example.org',
      report,
    })),
  };
}

export function exportDocument(reports: readonly ExportedReport[]): ExportDocument {
  return { format: 'dala-coordinator-export', version: 1, exportedAt: '2026-04-01T09:00:00.000Z', reports, devices: [], rejected: [] };
}

/** A document of single-version reports. */
export function documentOf(...reports: readonly Report[]): ExportDocument {
  return exportDocument(reports.map((report) => exportedReport(report)));
}
