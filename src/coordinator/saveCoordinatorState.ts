import { utf8Encode } from '../crypto/bytes';
import { encryptWithKey } from '../crypto/secretbox';
import { coordinatorFiles } from './CoordinatorStorage';
import type { CoordinatorStorage } from './CoordinatorStorage';
import { coordinatorStateSchema } from './coordinatorState';
import type { CoordinatorState } from './coordinatorState';
import { encodeCoordinatorVaultFile } from './coordinatorVaultFile';
import type { CoordinatorVault } from './CoordinatorVault';

/** The vault file's bytes for this state: the state is re-encrypted under the data key with a fresh nonce. */
export function encodeVaultWithState(vault: Omit<CoordinatorVault, 'state'>, state: CoordinatorState): Uint8Array {
  // Checked before writing: a state the next open would refuse must never reach the disk.
  const checked = coordinatorStateSchema.parse(state);
  const sealedState = encryptWithKey(vault.dataKey, utf8Encode(JSON.stringify(checked)));
  return encodeCoordinatorVaultFile({ kdf: vault.kdf, wrappedKey: vault.wrappedKey, sealedState });
}

/** Durably replaces coordinator.json with the new state; returns the vault that now matches the disk. */
export async function saveCoordinatorState(storage: CoordinatorStorage, vault: CoordinatorVault, state: CoordinatorState): Promise<CoordinatorVault> {
  await storage.write(coordinatorFiles.vault, encodeVaultWithState(vault, state));
  return { ...vault, state };
}
