import { reportSchema } from '../domain/report';
import { SECRETBOX_NONCE_BYTES, SECRETBOX_TAG_BYTES } from '../crypto/secretbox';
import type { DataKeyHolder } from './dataKeyHolder';
import type { ReportVersionRow } from './schema';
import type { ReportVersionRecord } from './storeApi';

/** Version of the JSON sealed in reportVersions.sealed; bump it (and add a fixture) when it changes. */
const SEALED_REPORT_VERSION_FORMAT = 1;
/** `"format":1,`: what the sealed JSON has before the record's own fields (the `{` is shared). */
const FORMAT_FIELD_BYTES = JSON.stringify({ format: SEALED_REPORT_VERSION_FORMAT }).length - 1;

/**
 * Seals a version. The row's clear fields (reportId, version, counter) are repeated inside the
 * ciphertext so that swapping sealed payloads between rows is detected on open.
 */
export function sealReportVersion(holder: DataKeyHolder, record: ReportVersionRecord): Uint8Array {
  return holder.seal({ format: SEALED_REPORT_VERSION_FORMAT, ...record }, 'saveReport');
}

export function openReportVersion(holder: DataKeyHolder, row: ReportVersionRow, operation: string): ReportVersionRecord {
  const payload = holder.open(row.sealed, operation) as Partial<Record<keyof ReportVersionRecord | 'format', unknown>>;
  if (payload.format !== SEALED_REPORT_VERSION_FORMAT) throw new Error(`${operation}: unknown sealed report format ${String(payload.format)}`);
  if (payload.reportId !== row.reportId || payload.version !== row.version || payload.counter !== row.counter) {
    throw new Error(`${operation}: a reportVersions row does not match its sealed payload`);
  }
  if (typeof payload.savedAt !== 'number') throw new Error(`${operation}: a sealed report version has no savedAt`);
  return { reportId: row.reportId, version: row.version, counter: row.counter, savedAt: payload.savedAt, report: reportSchema.parse(payload.report) };
}

/**
 * The UTF-8 length of JSON.stringify(record) of the version sealed in this row, from the ciphertext's
 * length alone (no decryption): sealReportVersion wrote `{"format":1,` followed by that JSON minus its `{`.
 */
export function sealedRecordBytes(row: ReportVersionRow): number {
  return row.sealed.length - SECRETBOX_NONCE_BYTES - SECRETBOX_TAG_BYTES - FORMAT_FIELD_BYTES;
}
