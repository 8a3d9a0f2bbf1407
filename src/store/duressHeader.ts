import { checkKdfParams } from '../crypto/kdfParams';
import { generateKey, unwrapKey, wrapKey } from '../crypto/keyWrap';
import { randomBytes } from '../crypto/random';
import { wipe } from '../crypto/bytes';
import type { DataKeyHolder } from './dataKeyHolder';
import type { DuressHeader, StoredKdfParams } from './schema';
import type { KdfCost } from './storeContext';
import { newKdfHeader } from './vaultHeader';

/** nonce(24) || tag(16) || a random 32-byte key: the size of wrapKey(kek, generateKey()). */
export const DURESS_MARKER_BYTES = 72;

const SET = 1;
const NOT_SET = 0;

/**
 * The header stored when no duress passphrase is set: a fresh salt with the same cost as the real header,
 * and random bytes where a marker would be. Without a passphrase that opens it, nobody reading storage can
 * tell it from a real one, so the vault row never shows whether a duress passphrase exists.
 */
export function decoyDuressHeader(cost: KdfCost, holder: DataKeyHolder): DuressHeader {
  return { kdf: newKdfHeader(cost), marker: randomBytes(DURESS_MARKER_BYTES), sealedIsSet: holder.sealBytes(Uint8Array.of(NOT_SET), 'duress') };
}

/** The header for a duress passphrase whose KEK (from `kdf`) is `kek`: a random key wrapped under it. */
export function duressHeaderFor(kdf: StoredKdfParams, kek: Uint8Array, holder: DataKeyHolder): DuressHeader {
  const markerKey = generateKey();
  const marker = wrapKey(kek, markerKey);
  wipe(markerKey);
  return { kdf, marker, sealedIsSet: holder.sealBytes(Uint8Array.of(SET), 'duress') };
}

/** True when `kek` authenticates the marker, i.e. the passphrase it came from is the duress passphrase. */
export function opensDuressMarker(kek: Uint8Array, header: DuressHeader): boolean {
  const opened = unwrapKey(kek, header.marker);
  if (opened.ok) wipe(opened.key);
  return opened.ok;
}

/** The sealed flag, for the settings screen. */
export function duressIsSet(header: DuressHeader, holder: DataKeyHolder): boolean {
  const flag = holder.openBytes(header.sealedIsSet, 'hasDuressPassphrase');
  return flag.length === 1 && flag[0] === SET;
}

/** Like hasSafeKdfHeader: a tampered duress header must not make unlock hang or exhaust memory. */
export function hasSafeDuressHeader(header: DuressHeader): boolean {
  if (typeof header !== 'object' || header === null || typeof header.kdf !== 'object' || header.kdf === null) return false;
  return checkKdfParams(header.kdf) === null && header.marker instanceof Uint8Array && header.sealedIsSet instanceof Uint8Array;
}
