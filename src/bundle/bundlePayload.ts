// The payload inside a bundle's encryption (BUNDLE_FORMAT.md §3) and the message its signature covers.
import { concatBytes, utf8Encode } from '../crypto/bytes';
import { BUNDLE_PAYLOAD_FIXED_BYTES, BUNDLE_SIGNATURE_CONTEXT, bundleSizes } from '../protocol/bundleFormat';

export interface PayloadFields {
  readonly devicePublicKey: Uint8Array;
  readonly firstCounter: number;
  readonly lastCounter: number;
  readonly previousBundleHash: Uint8Array;
  /** Whole hours since the Unix epoch. */
  readonly createdAtHour: number;
  /** UTF-8 JSON array of the report versions. */
  readonly versionsJson: Uint8Array;
}

export interface DecodedPayload extends PayloadFields {
  /** The payload without its signature: what, after the context and the header, the signature covers. */
  readonly unsigned: Uint8Array;
  readonly signature: Uint8Array;
}

const SIGNATURE_CONTEXT = utf8Encode(BUNDLE_SIGNATURE_CONTEXT);

/** Everything of the payload except the trailing signature; integers are unsigned 32-bit big-endian. */
export function encodeUnsignedPayload(fields: PayloadFields): Uint8Array {
  const out = new Uint8Array(BUNDLE_PAYLOAD_FIXED_BYTES + fields.versionsJson.length);
  const view = new DataView(out.buffer);
  let at = 0;
  out.set(fields.devicePublicKey, at);
  at += bundleSizes.devicePublicKey;
  view.setUint32(at, fields.firstCounter, false);
  at += bundleSizes.counter;
  view.setUint32(at, fields.lastCounter, false);
  at += bundleSizes.counter;
  out.set(fields.previousBundleHash, at);
  at += bundleSizes.previousBundleHash;
  view.setUint32(at, fields.createdAtHour, false);
  at += bundleSizes.createdAtHour;
  view.setUint32(at, fields.versionsJson.length, false);
  at += bundleSizes.versionsLength;
  out.set(fields.versionsJson, at);
  return out;
}

/**
 * The signed message: context || clear header up to the slots || unsigned payload. That part of the
 * header holds the mailbox id and every content-key slot, so under the same signature a bundle
 * cannot be moved to another mailbox, lose or swap a slot, or be re-encrypted for someone else.
 */
export function signedMessage(signedHeader: Uint8Array, unsignedPayload: Uint8Array): Uint8Array {
  return concatBytes(SIGNATURE_CONTEXT, signedHeader, unsignedPayload);
}

/** Splits a payload into its fields; null when the lengths do not add up exactly. */
export function decodePayload(payload: Uint8Array): DecodedPayload | null {
  if (payload.length < BUNDLE_PAYLOAD_FIXED_BYTES + bundleSizes.signature) return null;
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  let at = 0;
  const devicePublicKey = payload.slice(at, at + bundleSizes.devicePublicKey);
  at += bundleSizes.devicePublicKey;
  const firstCounter = view.getUint32(at, false);
  at += bundleSizes.counter;
  const lastCounter = view.getUint32(at, false);
  at += bundleSizes.counter;
  const previousBundleHash = payload.slice(at, at + bundleSizes.previousBundleHash);
  at += bundleSizes.previousBundleHash;
  const createdAtHour = view.getUint32(at, false);
  at += bundleSizes.createdAtHour;
  const versionsLength = view.getUint32(at, false);
  at += bundleSizes.versionsLength;
  if (payload.length !== at + versionsLength + bundleSizes.signature) return null;
  const versionsJson = payload.subarray(at, at + versionsLength);
  at += versionsLength;
  return {
    devicePublicKey,
    firstCounter,
    lastCounter,
    previousBundleHash,
    createdAtHour,
    versionsJson,
    unsigned: payload.subarray(0, at),
    signature: payload.subarray(at),
  };
}
