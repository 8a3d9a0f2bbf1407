import { add } from 'dexie';
import { wipe } from '../crypto/bytes';
import { deriveKeyOffThread } from '../crypto/deriveKeyOffThread';
import { unwrapKey } from '../crypto/keyWrap';
import { createDataKeyHolder } from './dataKeyHolder';
import type { DataKeyHolder } from './dataKeyHolder';
import { readDeviceId } from './deviceIdentity';
import type { Result, UnlockFailure } from './storeApi';
import type { StoreContext } from './storeContext';
import { hasSafeKdfHeader } from './vaultHeader';

export interface UnlockedVault {
  readonly holder: DataKeyHolder;
  readonly deviceId: string;
}

/**
 * Unlocks the vault. The failed-attempt counter is incremented and committed BEFORE the key is
 * derived, so killing the app mid-attempt still counts the attempt (P5); success resets it.
 */
export async function unlockVault(ctx: StoreContext, passphrase: string): Promise<Result<UnlockedVault, UnlockFailure>> {
  const { db } = ctx;
  let row;
  try {
    row = await db.vault.get('vault');
  } catch {
    return { ok: false, reason: 'storage-error' };
  }
  if (row === undefined) return { ok: false, reason: 'no-vault' };
  if (!hasSafeKdfHeader(row)) return { ok: false, reason: 'unsafe-kdf-params' };

  try {
    // A single-table update is its own committed (strict) transaction; add(1) is atomic across tabs.
    if ((await db.vault.update('vault', { failedUnlocks: add(1) })) !== 1) return { ok: false, reason: 'no-vault' };
  } catch {
    return { ok: false, reason: 'storage-error' };
  }

  const kek = await deriveKeyOffThread(passphrase, row.kdf);
  const unwrapped = unwrapKey(kek, row.wrappedDataKey);
  wipe(kek);
  if (!unwrapped.ok) return { ok: false, reason: 'wrong-passphrase' };

  const holder = createDataKeyHolder(unwrapped.key);
  let deviceId: string;
  try {
    deviceId = readDeviceId(holder, row.sealedIdentity);
  } catch (error) {
    // A sealed identity that fails authentication is tampering or a bug: throw, but drop the key first.
    holder.wipe();
    throw error;
  }
  try {
    await db.vault.update('vault', { failedUnlocks: 0 });
  } catch {
    holder.wipe();
    return { ok: false, reason: 'storage-error' };
  }
  return { ok: true, value: { holder, deviceId } };
}
