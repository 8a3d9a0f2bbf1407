import type { DataKeyHolder } from './dataKeyHolder';
import { isFailedUnlockLimit } from './failedUnlockPolicy';
import type { FailedUnlockLimit, Result } from './storeApi';
import type { StoreContext } from './storeContext';
import { writeTransaction } from './writeTransaction';

/** Stores the failed-unlock limit in the vault row (in the clear: the lock screen reads it). Only while unlocked. */
export async function setFailedUnlockLimit(
  ctx: StoreContext,
  holder: DataKeyHolder,
  limit: FailedUnlockLimit,
): Promise<Result<void, 'locked' | 'storage-full' | 'storage-error'>> {
  if (!isFailedUnlockLimit(limit)) throw new RangeError(`setFailedUnlockLimit: limit must be 0, 5, 10 or 20, got ${String(limit)}`);
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  const written = await writeTransaction(ctx.db, [ctx.db.vault], () => ctx.db.vault.update('vault', { failedUnlockLimit: limit }));
  if (!written.ok) return written;
  return written.value === 1 ? { ok: true, value: undefined } : { ok: false, reason: 'storage-error' };
}
