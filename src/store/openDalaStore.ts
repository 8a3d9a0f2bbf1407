import { checkKdfParams, KDF_DEFAULTS, KDF_SALT_BYTES } from '../crypto/kdfParams';
import { createVault } from './createVault';
import { createVaultSession } from './createVaultSession';
import type { DataKeyHolder } from './dataKeyHolder';
import { failedUnlockLimitOf } from './failedUnlockPolicy';
import { panicWipe } from './panicWipe';
import { openDatabase } from './schema';
import type { DalaStore, Result, VaultSession } from './storeApi';
import type { KdfCost, StoreContext } from './storeContext';
import { unlockVault } from './unlockVault';
import type { UnlockedVault } from './unlockVault';

export interface OpenDalaStoreOptions {
  /** IndexedDB database name (default 'dala'). */
  readonly dbName?: string;
  /** Argon2id cost for new headers (default m=64 MiB, t=3, p=1); must stay within the floor and ceiling. */
  readonly kdf?: Partial<KdfCost>;
  /** Clock for savedAt (epoch ms). */
  readonly now?: () => number;
}

/** Opens the encrypted device store; the database itself opens lazily on the first call. */
export function openDalaStore(options: OpenDalaStoreOptions = {}): DalaStore {
  const kdf: KdfCost = { ...KDF_DEFAULTS, ...options.kdf };
  const problem = checkKdfParams({ algorithm: 'argon2id', ...kdf, salt: new Uint8Array(KDF_SALT_BYTES) });
  if (problem !== null) throw new RangeError(`openDalaStore: options.kdf is ${problem} (${JSON.stringify(kdf)})`);
  const ctx: StoreContext = { db: openDatabase(options.dbName ?? 'dala'), kdf, now: options.now ?? Date.now };
  const holders = new Set<DataKeyHolder>();

  const toSession = <R extends string>(result: Result<UnlockedVault, R>): Result<VaultSession, R> => {
    if (!result.ok) return result;
    holders.add(result.value.holder);
    return { ok: true, value: createVaultSession(ctx, result.value) };
  };

  const wipeAll = () => panicWipe(ctx, holders);
  // Another tab deleting the database (its panic wipe) drops this tab's keys at once.
  ctx.db.on('versionchange', (event) => {
    if (event.newVersion === null) {
      for (const holder of holders) holder.wipe();
      holders.clear();
    }
  });

  return {
    vaultStatus: async () => ((await ctx.db.vault.count()) > 0 ? 'locked' : 'none'),
    failedUnlockCount: async () => (await ctx.db.vault.get('vault'))?.failedUnlocks ?? 0,
    failedUnlockLimit: async () => failedUnlockLimitOf(await ctx.db.vault.get('vault')),
    createVault: async (passphrase) => toSession(await createVault(ctx, passphrase)),
    unlock: async (passphrase) => toSession(await unlockVault(ctx, passphrase, wipeAll)),
    panicWipe: (options) => panicWipe(ctx, holders, options),
    close() {
      // Closing the store locks every session it handed out: no key outlives the database handle.
      for (const holder of holders) holder.wipe();
      holders.clear();
      ctx.db.close();
    },
  };
}
