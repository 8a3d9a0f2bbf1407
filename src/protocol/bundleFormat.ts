// Frozen constants of the sealed bundle format, version 1. The byte layout they describe is written
// down in BUNDLE_FORMAT.md beside this file; change neither without adding a new format version.

/** ASCII "DALA": the first four bytes of every bundle. */
export const BUNDLE_MAGIC = Object.freeze([0x44, 0x41, 0x4c, 0x41] as const);

export const BUNDLE_FORMAT_VERSION = 1;

/** Suite ids: which primitives a bundle uses. Suite 1 is the only one. */
export const BUNDLE_SUITES = {
  /** crypto_box_seal (X25519) content-key slots, XSalsa20-Poly1305 body, Ed25519 signature, SHA-256 ids. */
  X25519_XSALSA20POLY1305_ED25519_SHA256: 1,
} as const;

export const bundleLimits = {
  /** Mailbox id in the header: 1..64 ASCII characters of the base64url alphabet. */
  mailboxIdMinChars: 1,
  mailboxIdMaxChars: 64,
  /** Coordinators a bundle is sealed to (two is the recommended setup, DESIGN.md §4). */
  minRecipients: 1,
  maxRecipients: 8,
  minVersions: 1,
  maxVersions: 64,
  /** Counters are unsigned 32-bit in the payload, and counting starts at 1. */
  minCounter: 1,
  maxCounter: 0xffff_ffff,
  /** Largest padded payload; a padding bucket, so a bundle body is at most this plus the 16-byte tag. */
  maxPaddedPayloadBytes: 4 * 1024 * 1024,
} as const;

export const bundleSizes = {
  magic: 4,
  /** Version byte, suite byte. */
  versionAndSuite: 2,
  mailboxIdLength: 1,
  recipientCount: 1,
  /** crypto_box_seal of a 32-byte content key: ephemeral public key (32) + tag (16) + key (32). */
  slot: 80,
  nonce: 24,
  contentKey: 32,
  /** Poly1305 tag at the start of the body (crypto_secretbox_easy layout). */
  bodyTag: 16,
  devicePublicKey: 32,
  counter: 4,
  previousBundleHash: 32,
  createdAtHour: 4,
  versionsLength: 4,
  signature: 64,
} as const;

/** Bytes of the clear header before the mailbox id: magic, version, suite, mailbox id length. */
export const BUNDLE_HEADER_PREFIX_BYTES = bundleSizes.magic + bundleSizes.versionAndSuite + bundleSizes.mailboxIdLength;

/** Largest clear header: 64-character mailbox id and 8 slots. */
export const BUNDLE_MAX_HEADER_BYTES =
  BUNDLE_HEADER_PREFIX_BYTES +
  bundleLimits.mailboxIdMaxChars +
  bundleSizes.recipientCount +
  bundleLimits.maxRecipients * bundleSizes.slot +
  bundleSizes.nonce;

/** Largest valid bundle; a relay may refuse anything bigger without looking further (HTTP 413). */
export const BUNDLE_MAX_BYTES = BUNDLE_MAX_HEADER_BYTES + bundleSizes.bodyTag + bundleLimits.maxPaddedPayloadBytes;

/** Fixed part of the payload before the versions: device key, two counters, previous hash, hour, length. */
export const BUNDLE_PAYLOAD_FIXED_BYTES =
  bundleSizes.devicePublicKey +
  2 * bundleSizes.counter +
  bundleSizes.previousBundleHash +
  bundleSizes.createdAtHour +
  bundleSizes.versionsLength;

/** Domain separation for the device signature: ASCII, no terminator (its length is fixed). */
export const BUNDLE_SIGNATURE_CONTEXT = 'dala/bundle/v1/signature';

/** Base64url alphabet: mailbox ids are URL path segments (relayPaths) and go into the header as ASCII. */
export const BUNDLE_MAILBOX_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
