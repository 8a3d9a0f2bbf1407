import { generateKey } from '../crypto/keyWrap';
import { createDataKeyHolder } from './dataKeyHolder';
import { createDeviceIdentity } from './deviceIdentity';
import { decoyDuressHeader } from './duressHeader';
import type { StoredKdfParams } from './schema';
import type { CreateVaultFailure, Result } from './storeApi';
import type { StoreContext } from './storeContext';
import type { UnlockedVault } from './unlockVault';
import { writeTransaction } from './writeTransaction';

/**
 * Writes a new vault: a random data key wrapped under `kek` (derived by the caller from `kdf`), a new device
 * identity, a decoy duress header and no failed-unlock limit. In the same transaction it clears every other
 * table: rows left by a wipe that was interrupted between deleting the vault row and deleting the database
 * are unreadable, and must not meet the new key. `kek` is not wiped here; the caller owns it.
 */
export async function writeNewVault(
  ctx: StoreContext,
  kdf: StoredKdfParams,
  kek: Uint8Array,
): Promise<Result<UnlockedVault, Exclude<CreateVaultFailure, 'passphrase-too-weak'>>> {
  const holder = createDataKeyHolder(generateKey());
  const wrappedDataKey = holder.wrapUnder(kek, 'createVault');
  const { sealedIdentity, deviceId } = createDeviceIdentity(holder);
  const duress = decoyDuressHeader(ctx.kdf, holder);
  // The count and the add run in one transaction, so a vault created meanwhile by another tab is never overwritten.
  const written = await writeTransaction(ctx.db, ctx.db.tables, async () => {
    if ((await ctx.db.vault.count()) > 0) return false;
    await Promise.all(ctx.db.tables.map((table) => table.clear()));
    await ctx.db.vault.add({ id: 'vault', kdf, wrappedDataKey, failedUnlocks: 0, sealedIdentity, duress, failedUnlockLimit: 0 });
    return true;
  });
  if (!written.ok || !written.value) {
    holder.wipe();
    if (!written.ok) return { ok: false, reason: written.reason === 'locked' ? 'storage-error' : written.reason };
    return { ok: false, reason: 'vault-exists' };
  }
  return { ok: true, value: { holder, deviceId } };
}
