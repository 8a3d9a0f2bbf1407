import { checkKdfParams, KDF_DEFAULTS, KDF_SALT_BYTES } from '../crypto/kdfParams';
import type { DataKeyHolder } from './dataKeyHolder';
import { failedUnlockLimitOf } from './failedUnlockPolicy';
import { panicWipe } from './panicWipe';
import { openDatabase } from './schema';
import type { DalaStore, Result, VaultSession } from './storeApi';
import type { KdfCost, StoreContext } from './storeContext';
import type { UnlockedVault } from './unlockVault';

/**
 * The vault code (crypto, report schemas) loads when a passphrase is first submitted, while Argon2id
 * runs: the create/unlock screen then needs only Dexie, which keeps the first screen's JavaScript small.
 */
const loadVaultCode = async () => {
  const [{ createVault }, { unlockVault }, { createVaultSession }] = await Promise.all([
    import('./createVault'),
    import('./unlockVault'),
    import('./createVaultSession'),
  ]);
  return { createVault, unlockVault, createVaultSession };
};

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

  const toSession = async <R extends string>(result: Result<UnlockedVault, R>): Promise<Result<VaultSession, R>> => {
    if (!result.ok) return result;
    holders.add(result.value.holder);
    const { createVaultSession } = await loadVaultCode();
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
    createVault: async (passphrase) => toSession(await (await loadVaultCode()).createVault(ctx, passphrase)),
    unlock: async (passphrase) => toSession(await (await loadVaultCode()).unlockVault(ctx, passphrase, wipeAll)),
    panicWipe: (options) => panicWipe(ctx, holders, options),
    close() {
      // Closing the store locks every session it handed out: no key outlives the database handle.
      for (const holder of holders) holder.wipe();
      holders.clear();
      ctx.db.close();
    },
  };
}
