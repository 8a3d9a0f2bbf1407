import { Dexie } from 'dexie';
import { wipe } from '../crypto/bytes';
import { deriveKeyOffThread } from '../crypto/deriveKeyOffThread';
import { generateKey } from '../crypto/keyWrap';
import { assessPassphrase } from '../domain/passphraseStrength';
import { classifyStorageError } from './classifyStorageError';
import { createDataKeyHolder } from './dataKeyHolder';
import { createDeviceIdentity } from './deviceIdentity';
import type { CreateVaultFailure, Result } from './storeApi';
import type { StoreContext } from './storeContext';
import type { UnlockedVault } from './unlockVault';
import { newKdfHeader } from './vaultHeader';

/**
 * Creates the device vault: a random data key wrapped under Argon2id(NFKC(passphrase), fresh salt),
 * and a device Ed25519 identity sealed under the data key.
 */
export async function createVault(ctx: StoreContext, passphrase: string): Promise<Result<UnlockedVault, CreateVaultFailure>> {
  try {
    if ((await ctx.db.vault.count()) > 0) return { ok: false, reason: 'vault-exists' };
  } catch {
    return { ok: false, reason: 'storage-error' };
  }
  if (!assessPassphrase(passphrase).acceptable) return { ok: false, reason: 'passphrase-too-weak' };

  const kdf = newKdfHeader(ctx.kdf);
  const kek = await deriveKeyOffThread(passphrase, kdf);
  const holder = createDataKeyHolder(generateKey());
  const wrappedDataKey = holder.wrapUnder(kek, 'createVault');
  wipe(kek);
  const { sealedIdentity, deviceId } = createDeviceIdentity(holder);
  try {
    // add() (not put) so that a vault created meanwhile by another tab is never overwritten.
    await ctx.db.vault.add({ id: 'vault', kdf, wrappedDataKey, failedUnlocks: 0, sealedIdentity });
  } catch (error) {
    holder.wipe();
    if (error instanceof Dexie.ConstraintError) return { ok: false, reason: 'vault-exists' };
    return { ok: false, reason: classifyStorageError(error) };
  }
  return { ok: true, value: { holder, deviceId } };
}
