import { BUNDLE_PAYLOAD_FIXED_BYTES, bundleLimits, bundleSizes } from '../protocol/bundleFormat';

/**
 * The padding bucket a bundle of text aims for: the largest below 1 MiB (src/crypto/padding.ts has 1, 4,
 * 16, 64 KiB, then whole MiB). Past it the next bucket is 16 times larger, almost all of it zeros.
 */
export const TEXT_BUCKET_BYTES = 64 * 1024;
/** The padding's 4-byte length prefix, inside the bucket. */
const PADDING_PREFIX_BYTES = 4;
/** Everything in a padded payload besides the versions' JSON array (BUNDLE_FORMAT.md §3). */
const PAYLOAD_OVERHEAD_BYTES = PADDING_PREFIX_BYTES + BUNDLE_PAYLOAD_FIXED_BYTES + bundleSizes.signature;

/**
 * How many of the first versions fit in one bundle padded to TEXT_BUCKET_BYTES, at most
 * bundleLimits.maxVersions; 0 when the first alone does not. `recordBytes` are the UTF-8 lengths of each
 * version's JSON, which the bundle holds as one JSON array: `[`, the versions joined by `,`, `]`.
 */
export function versionsThatFit(recordBytes: readonly number[]): number {
  let used = PAYLOAD_OVERHEAD_BYTES + 2;
  let count = 0;
  for (const bytes of recordBytes) {
    if (count === bundleLimits.maxVersions) break;
    const next = used + bytes + (count > 0 ? 1 : 0);
    if (next > TEXT_BUCKET_BYTES) break;
    used = next;
    count += 1;
  }
  return count;
}
