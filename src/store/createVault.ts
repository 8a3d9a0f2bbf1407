import { wipe } from '../crypto/bytes';
import { deriveKeyOffThread } from '../crypto/deriveKeyOffThread';
import { assessPassphrase } from '../domain/passphraseStrength';
import type { CreateVaultFailure, Result } from './storeApi';
import type { StoreContext } from './storeContext';
import type { UnlockedVault } from './unlockVault';
import { newKdfHeader } from './vaultHeader';
import { writeNewVault } from './writeNewVault';

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
  try {
    return await writeNewVault(ctx, kdf, kek);
  } finally {
    wipe(kek);
  }
}
