import { wipe } from '../crypto/bytes';
import { deriveKeyOffThread } from '../crypto/deriveKeyOffThread';
import { unwrapKey } from '../crypto/keyWrap';
import { createDataKeyHolder } from './dataKeyHolder';
import type { DataKeyHolder } from './dataKeyHolder';
import { readDeviceId } from './deviceIdentity';
import { decoyDuressHeader, hasSafeDuressHeader, opensDuressMarker } from './duressHeader';
import { failedUnlockLimitOf, limitReached } from './failedUnlockPolicy';
import type { VaultRow } from './schema';
import type { Result, UnlockFailure } from './storeApi';
import type { StoreContext } from './storeContext';
import { hasSafeKdfHeader } from './vaultHeader';
import { writeNewVault } from './writeNewVault';
import { writeTransaction } from './writeTransaction';

export interface UnlockedVault {
  readonly holder: DataKeyHolder;
  readonly deviceId: string;
}

/** Erases everything (panicWipe with this store's sessions); supplied by openDalaStore. */
export type WipeAll = () => Promise<unknown>;

/**
 * Unlocks the vault (P5):
 * - The failed-attempt counter is incremented and committed BEFORE any key is derived, so killing the app
 *   mid-attempt still counts the attempt; success resets it.
 * - Both derivations always run, the real header's first and then the duress header's, so an unlock takes
 *   the same time whichever passphrase was typed, or none (the cost: two Argon2id runs per unlock).
 * - The duress passphrase wipes the vault (key first) and opens a new empty one under the same passphrase,
 *   with the same answer as a normal unlock.
 * - A wrong passphrase that brings the counter to the failed-unlock limit wipes everything before it answers.
 */
export async function unlockVault(ctx: StoreContext, passphrase: string, wipeAll: WipeAll): Promise<Result<UnlockedVault, UnlockFailure>> {
  const counted = await countAttempt(ctx);
  if (!counted.ok) return counted;
  const row = counted.value;

  const realKek = await deriveKeyOffThread(passphrase, row.kdf);
  const unwrapped = unwrapKey(realKek, row.wrappedDataKey);
  wipe(realKek);
  const duressKek = row.duress === undefined ? null : await deriveKeyOffThread(passphrase, row.duress.kdf);

  if (unwrapped.ok) {
    if (duressKek !== null) wipe(duressKek);
    return openVault(ctx, row, unwrapped.key);
  }
  if (duressKek !== null && row.duress !== undefined && opensDuressMarker(duressKek, row.duress)) {
    try {
      return await replaceWithEmptyVault(ctx, row, duressKek, wipeAll);
    } finally {
      wipe(duressKek);
    }
  }
  if (duressKek !== null) wipe(duressKek);
  if (limitReached(failedUnlockLimitOf(row), row.failedUnlocks)) {
    await wipeAll();
    return { ok: false, reason: 'wiped' };
  }
  return { ok: false, reason: 'wrong-passphrase' };
}

/** Checks the stored headers and commits failedUnlocks + 1 in one strict transaction; the row as counted. */
async function countAttempt(ctx: StoreContext): Promise<Result<VaultRow, 'no-vault' | 'unsafe-kdf-params' | 'storage-error'>> {
  const { db } = ctx;
  const counted = await writeTransaction(db, [db.vault], async (): Promise<Result<VaultRow, 'no-vault' | 'unsafe-kdf-params'>> => {
    const row = await db.vault.get('vault');
    if (row === undefined) return { ok: false, reason: 'no-vault' };
    // Checked before any derivation: a tampered header must not make unlock cheap to brute-force or hang the phone.
    if (!hasSafeKdfHeader(row) || (row.duress !== undefined && !hasSafeDuressHeader(row.duress))) return { ok: false, reason: 'unsafe-kdf-params' };
    const failedUnlocks = row.failedUnlocks + 1;
    await db.vault.update('vault', { failedUnlocks });
    return { ok: true, value: { ...row, failedUnlocks } };
  });
  if (!counted.ok) return { ok: false, reason: 'storage-error' };
  return counted.value;
}

/** The real passphrase: reset the counter, and give rows written before duress headers existed a decoy one. */
async function openVault(ctx: StoreContext, row: VaultRow, dataKey: Uint8Array): Promise<Result<UnlockedVault, UnlockFailure>> {
  const holder = createDataKeyHolder(dataKey);
  let deviceId: string;
  try {
    deviceId = readDeviceId(holder, row.sealedIdentity);
  } catch (error) {
    // A sealed identity that fails authentication is tampering or a bug: throw, but drop the key first.
    holder.wipe();
    throw error;
  }
  let updated: number;
  try {
    updated = await ctx.db.vault.update('vault', row.duress === undefined ? { failedUnlocks: 0, duress: decoyDuressHeader(ctx.kdf, holder) } : { failedUnlocks: 0 });
  } catch {
    holder.wipe();
    return { ok: false, reason: 'storage-error' };
  }
  if (updated !== 1) {
    // A panic wipe ran during the derivation: the key just unwrapped belongs to a vault that no longer exists.
    holder.wipe();
    return { ok: false, reason: 'no-vault' };
  }
  return { ok: true, value: { holder, deviceId } };
}

/**
 * The duress passphrase: erase everything, then write a new empty vault wrapped under the KEK already
 * derived from the duress header, so no third derivation makes this unlock slower than a normal one.
 * (The new header keeps the duress header's salt; only someone who copied storage before could notice,
 * and they could see the vault was replaced anyway.)
 */
async function replaceWithEmptyVault(ctx: StoreContext, row: VaultRow, duressKek: Uint8Array, wipeAll: WipeAll): Promise<Result<UnlockedVault, UnlockFailure>> {
  if (row.duress === undefined) throw new Error('replaceWithEmptyVault: row.duress must be present');
  await wipeAll();
  const created = await writeNewVault(ctx, row.duress.kdf, duressKek);
  // UnlockFailure has no 'storage-full': to the person at the lock screen both mean storage failed.
  if (!created.ok) return { ok: false, reason: 'storage-error' };
  return created;
}
