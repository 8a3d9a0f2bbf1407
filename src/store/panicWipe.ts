import type { DataKeyHolder } from './dataKeyHolder';
import type { PanicWipeOptions, Result } from './storeApi';
import type { StoreContext } from './storeContext';

/**
 * Panic wipe (P5), key material first:
 * 1. every session's data key is dropped from memory (synchronously: nothing decrypts after this line);
 * 2. the vault row (wrapped data key, both KDF headers, sealed device key) is deleted in one strict
 *    transaction — from then on every other row is ciphertext under a key that no longer exists;
 * 3. the whole database is deleted, files and all (deleted rows can linger in the database's log files).
 * The store stays usable: the next call reopens an empty database, as on a fresh install.
 * 'storage-error' only when the database itself could not be deleted (step 2 may still have succeeded).
 */
export async function panicWipe(ctx: StoreContext, holders: Set<DataKeyHolder>, options: PanicWipeOptions = {}): Promise<Result<void, 'storage-error'>> {
  for (const holder of holders) holder.wipe();
  holders.clear();
  let keyGone = false;
  try {
    await ctx.db.transaction('rw', ctx.db.vault, () => ctx.db.vault.clear());
    keyGone = true;
    options.onKeyMaterialGone?.();
  } catch {
    // Deleting the database below removes the vault row as well; do not stop for this.
  }
  try {
    await ctx.db.delete({ disableAutoOpen: false });
  } catch {
    return { ok: false, reason: 'storage-error' };
  }
  if (!keyGone) options.onKeyMaterialGone?.();
  return { ok: true, value: undefined };
}
