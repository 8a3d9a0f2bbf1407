import { wipe } from '../crypto/bytes';
import { deriveKeyOffThread } from '../crypto/deriveKeyOffThread';
import { checkKdfParams } from '../crypto/kdfParams';
import { unwrapKey } from '../crypto/keyWrap';
import { decryptWithKey } from '../crypto/secretbox';
import { coordinatorFiles } from './CoordinatorStorage';
import type { CoordinatorStorage } from './CoordinatorStorage';
import { coordinatorStateSchema } from './coordinatorState';
import { parseCoordinatorVaultFile } from './coordinatorVaultFile';
import type { CoordinatorVault } from './CoordinatorVault';

export type OpenCoordinatorVaultFailure =
  | 'no-vault'
  /** Not a vault file, or its contents fail authentication or the schema after the key unwrapped. */
  | 'corrupt'
  /** The Argon2id header is below the floor or above the ceiling: refused before deriving anything. */
  | 'unsafe-kdf-params'
  | 'wrong-passphrase';

export type OpenCoordinatorVaultResult = { ok: true; value: CoordinatorVault } | { ok: false; reason: OpenCoordinatorVaultFailure };

function parseState(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

export async function openCoordinatorVault(storage: CoordinatorStorage, passphrase: string): Promise<OpenCoordinatorVaultResult> {
  if (typeof passphrase !== 'string' || passphrase === '') throw new TypeError('openCoordinatorVault: passphrase must be a non-empty string');
  const bytes = await storage.read(coordinatorFiles.vault);
  if (bytes === null) return { ok: false, reason: 'no-vault' };
  const file = parseCoordinatorVaultFile(bytes);
  if (file === null) return { ok: false, reason: 'corrupt' };
  // A header edited down to cheap parameters would make the passphrase cheap to guess: refuse it.
  if (checkKdfParams(file.kdf) !== null) return { ok: false, reason: 'unsafe-kdf-params' };

  const kek = await deriveKeyOffThread(passphrase, file.kdf);
  const unwrapped = unwrapKey(kek, file.wrappedKey);
  wipe(kek);
  if (!unwrapped.ok) return { ok: false, reason: 'wrong-passphrase' };
  const dataKey = unwrapped.key;
  const opened = decryptWithKey(dataKey, file.sealedState);
  const state = opened.ok ? coordinatorStateSchema.safeParse(parseState(new TextDecoder().decode(opened.value))) : null;
  if (state === null || !state.success) {
    wipe(dataKey);
    return { ok: false, reason: 'corrupt' };
  }
  return { ok: true, value: { kdf: file.kdf, wrappedKey: file.wrappedKey, dataKey, state: state.data } };
}
