import { bytesEqual, utf8Decode, utf8Encode, wipe } from '../crypto/bytes';
import { wrapKey } from '../crypto/keyWrap';
import { decryptWithKey, encryptWithKey } from '../crypto/secretbox';
import { VaultLockedError } from './VaultLockedError';

/**
 * The unlocked data key, reachable only through these methods. Each one checks the key is still
 * there synchronously before using it, so a lock() during an await can never make code encrypt
 * with a wiped (all-zero) key: it throws VaultLockedError instead.
 */
export interface DataKeyHolder {
  readonly isWiped: () => boolean;
  /** encryptWithKey(dataKey, utf8(JSON.stringify(value))). */
  seal(value: unknown, operation: string): Uint8Array;
  /** The JSON value inside sealed bytes; throws if they fail authentication (tampered or foreign data). */
  open(sealed: Uint8Array, operation: string): unknown;
  sealBytes(bytes: Uint8Array, operation: string): Uint8Array;
  openBytes(sealed: Uint8Array, operation: string): Uint8Array;
  /** The data key wrapped under another key-encryption key (passphrase change). */
  wrapUnder(kek: Uint8Array, operation: string): Uint8Array;
  /** Constant-time check that `key` is this data key. */
  matches(key: Uint8Array): boolean;
  wipe(): void;
}

export function createDataKeyHolder(dataKey: Uint8Array): DataKeyHolder {
  let key: Uint8Array | null = dataKey;
  const use = (operation: string): Uint8Array => {
    if (key === null) throw new VaultLockedError(operation);
    return key;
  };
  const openBytes = (sealed: Uint8Array, operation: string): Uint8Array => {
    const opened = decryptWithKey(use(operation), sealed);
    if (!opened.ok) throw new Error(`${operation}: a stored record failed authentication (${opened.reason})`);
    return opened.value;
  };
  return {
    isWiped: () => key === null,
    seal(value, operation) {
      const json = JSON.stringify(value);
      if (json === undefined) throw new TypeError(`${operation}: value must be JSON-serialisable`);
      return encryptWithKey(use(operation), utf8Encode(json));
    },
    open: (sealed, operation) => JSON.parse(utf8Decode(openBytes(sealed, operation))) as unknown,
    sealBytes: (bytes, operation) => encryptWithKey(use(operation), bytes),
    openBytes,
    wrapUnder: (kek, operation) => wrapKey(kek, use(operation)),
    matches: (other) => key !== null && bytesEqual(key, other),
    wipe() {
      if (key !== null) wipe(key);
      key = null;
    },
  };
}
