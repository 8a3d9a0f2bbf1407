import type { DataKeyHolder } from './dataKeyHolder';
import type { Result, SaveFailure, Settings } from './storeApi';
import type { StoreContext } from './storeContext';
import { VaultLockedError } from './VaultLockedError';
import { writeTransaction } from './writeTransaction';

export const DEFAULT_SETTINGS: Settings = { lockTimeoutMinutes: 5, removeAfterReceipt: false };
export const LOCK_TIMEOUT_RANGE = { min: 1, max: 240 } as const;

const SEALED_SETTINGS_FORMAT = 1;

function checkPatch(patch: Partial<Settings>): void {
  const minutes = patch.lockTimeoutMinutes;
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < LOCK_TIMEOUT_RANGE.min || minutes > LOCK_TIMEOUT_RANGE.max)) {
    throw new RangeError(`updateSettings: patch.lockTimeoutMinutes must be an integer from ${LOCK_TIMEOUT_RANGE.min} to ${LOCK_TIMEOUT_RANGE.max}, got ${String(minutes)}`);
  }
  if (patch.removeAfterReceipt !== undefined && typeof patch.removeAfterReceipt !== 'boolean') {
    throw new RangeError('updateSettings: patch.removeAfterReceipt must be a boolean');
  }
}

/** Settings are sealed like everything else: even a lock timeout says something about the monitor. */
export async function readSettings(ctx: StoreContext, holder: DataKeyHolder): Promise<Settings> {
  if (holder.isWiped()) throw new VaultLockedError('getSettings');
  const row = await ctx.db.settings.get('settings');
  if (row === undefined) return DEFAULT_SETTINGS;
  const payload = holder.open(row.sealed, 'getSettings') as { format?: unknown; settings?: Partial<Settings> };
  if (payload.format !== SEALED_SETTINGS_FORMAT) throw new Error(`getSettings: unknown sealed settings format ${String(payload.format)}`);
  return { ...DEFAULT_SETTINGS, ...payload.settings };
}

/** Merges the patch into the stored settings. Out-of-range values are a caller bug and throw RangeError. */
export async function writeSettings(ctx: StoreContext, holder: DataKeyHolder, patch: Partial<Settings>): Promise<Result<Settings, SaveFailure>> {
  checkPatch(patch);
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  return writeTransaction(ctx.db, [ctx.db.settings], async () => {
    const merged: Settings = { ...(await readSettings(ctx, holder)), ...patch };
    await ctx.db.settings.put({ id: 'settings', sealed: holder.seal({ format: SEALED_SETTINGS_FORMAT, settings: merged }, 'updateSettings') });
    return merged;
  });
}
