/*
 * Length-hiding padding (DESIGN.md §6). Layout of a padded buffer of total size B:
 *
 *   offset 0      4 bytes   n = length of the data, unsigned 32-bit big-endian
 *   offset 4      n bytes   the data
 *   offset 4 + n  B - 4 - n zero bytes
 *
 * B is the smallest bucket with 4 + n <= B. Buckets: 1 KiB, 4 KiB, 16 KiB, 64 KiB, then every whole
 * multiple of 1 MiB up to 64 MiB (PADDING_MAX_BYTES). So data of up to 64 MiB - 4 bytes can be padded.
 * Unpadding accepts exactly what padding produces: B must be the smallest bucket for n, n <= B - 4,
 * and every fill byte must be zero; anything else is `bad-padding`, and B > 64 MiB is `too-large`.
 */

const KIB = 1024;
const MIB = 1024 * KIB;
const LENGTH_PREFIX_BYTES = 4;

export const PADDING_MAX_BYTES = 64 * MIB;
export const PADDING_MAX_DATA_BYTES = PADDING_MAX_BYTES - LENGTH_PREFIX_BYTES;
export const PADDING_BUCKETS: readonly number[] = Object.freeze([
  1 * KIB,
  4 * KIB,
  16 * KIB,
  64 * KIB,
  ...Array.from({ length: PADDING_MAX_BYTES / MIB }, (_, i) => (i + 1) * MIB),
]);

export type UnpadFailure = 'bad-padding' | 'too-large';
export type UnpadResult = { ok: true; value: Uint8Array } | { ok: false; reason: UnpadFailure };

/** The smallest bucket that holds `total` bytes, or undefined when none does. */
function bucketFor(total: number): number | undefined {
  return PADDING_BUCKETS.find((bucket) => bucket >= total);
}

export function padToBucket(data: Uint8Array): Uint8Array {
  if (!(data instanceof Uint8Array)) throw new TypeError('padToBucket: data must be a Uint8Array');
  const bucket = bucketFor(LENGTH_PREFIX_BYTES + data.length);
  if (bucket === undefined) {
    throw new RangeError(`padToBucket: data must be at most ${PADDING_MAX_DATA_BYTES} bytes, got ${data.length}`);
  }
  const padded = new Uint8Array(bucket); // zero-filled
  new DataView(padded.buffer).setUint32(0, data.length, false);
  padded.set(data, LENGTH_PREFIX_BYTES);
  return padded;
}

/** OR of bytes[start..]; reads 32-bit words where aligned, since attachments are padded to whole MiB. */
function orFrom(bytes: Uint8Array, start: number): number {
  let acc = 0;
  let i = start;
  for (; i < bytes.length && (bytes.byteOffset + i) % 4 !== 0; i++) acc |= bytes[i] ?? 0;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (bytes.length - i) >> 2);
  for (let w = 0; w < words.length; w++) acc |= words[w] ?? 0;
  for (i += words.length * 4; i < bytes.length; i++) acc |= bytes[i] ?? 0;
  return acc;
}

/** Returns a view into `padded` (no copy). */
export function unpad(padded: Uint8Array): UnpadResult {
  if (!(padded instanceof Uint8Array)) throw new TypeError('unpad: padded must be a Uint8Array');
  if (padded.length > PADDING_MAX_BYTES) return { ok: false, reason: 'too-large' };
  if (padded.length < LENGTH_PREFIX_BYTES) return { ok: false, reason: 'bad-padding' };
  const length = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0, false);
  const end = LENGTH_PREFIX_BYTES + length;
  // Requiring the smallest bucket also rejects any size that is not a bucket at all.
  if (end > padded.length || bucketFor(end) !== padded.length) return { ok: false, reason: 'bad-padding' };
  if (orFrom(padded, end) !== 0) return { ok: false, reason: 'bad-padding' };
  return { ok: true, value: padded.subarray(LENGTH_PREFIX_BYTES, end) };
}
