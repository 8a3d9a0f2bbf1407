import { checkKdfParams, KDF_SALT_BYTES } from '../crypto/kdfParams';
import { randomBytes } from '../crypto/random';
import type { StoredKdfParams, VaultRow } from './schema';
import type { KdfCost } from './storeContext';

/** A new KDF header with a fresh random salt (vault creation and every passphrase change). */
export function newKdfHeader(cost: KdfCost): StoredKdfParams {
  return { algorithm: 'argon2id', ...cost, salt: randomBytes(KDF_SALT_BYTES) };
}

/**
 * True if a vault row read from storage has a usable KDF header and wrapped key. Checked before any
 * derivation: a tampered header must not make unlock cheap to brute-force or hang the phone.
 */
export function hasSafeKdfHeader(row: VaultRow): boolean {
  if (typeof row.kdf !== 'object' || row.kdf === null) return false;
  return checkKdfParams(row.kdf) === null && row.wrappedDataKey instanceof Uint8Array;
}
