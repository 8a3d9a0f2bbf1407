// One saved report version as it travels inside a bundle: the same shape as the store's
// ReportVersionRecord, checked here because a bundle comes from outside.
import { z } from 'zod';
import { reportSchema } from '../domain/report';
import { bundleLimits } from '../protocol/bundleFormat';

/** Epoch milliseconds of year 275760, the largest time a JavaScript Date can hold. */
const MAX_EPOCH_MS = 8.64e15;

export const bundleVersionSchema = z
  .strictObject({
    reportId: z.string(),
    version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    counter: z.number().int().min(bundleLimits.minCounter).max(bundleLimits.maxCounter),
    savedAt: z.number().int().min(0).max(MAX_EPOCH_MS),
    report: reportSchema,
  })
  // The record's id is the report's own id; two different ids would make "which report" ambiguous.
  .refine((record) => record.reportId === record.report.id, { path: ['reportId'], error: 'report_id_mismatch' });

export type BundleVersion = z.infer<typeof bundleVersionSchema>;

export type BundleVersionsResult = { ok: true; value: BundleVersion[] } | { ok: false };

/**
 * Checks a decoded versions list: 1..maxVersions schema-valid records whose counters run
 * firstCounter, firstCounter + 1, ... lastCounter with no gap and no repeat.
 */
export function parseBundleVersions(json: unknown, firstCounter: number, lastCounter: number): BundleVersionsResult {
  if (!Array.isArray(json) || json.length < bundleLimits.minVersions || json.length > bundleLimits.maxVersions) return { ok: false };
  if (firstCounter < bundleLimits.minCounter || lastCounter !== firstCounter + json.length - 1) return { ok: false };
  const versions: BundleVersion[] = [];
  for (const [i, item] of json.entries()) {
    const parsed = bundleVersionSchema.safeParse(item);
    if (!parsed.success || parsed.data.counter !== firstCounter + i) return { ok: false };
    versions.push(parsed.data);
  }
  return { ok: true, value: versions };
}
