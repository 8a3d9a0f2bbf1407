import { Dexie } from 'dexie';
import type { Table, Transaction } from 'dexie';
import { classifyStorageError } from './classifyStorageError';
import type { Result } from './storeApi';
import { VaultLockedError } from './VaultLockedError';

export type WriteFailure = 'locked' | 'storage-full' | 'storage-error';

/**
 * Runs `scope` in one read-write transaction (strict durability: see openDatabase) and answers ok only
 * once IndexedDB has committed it. Storage failures become values; anything else is a bug and is rethrown.
 */
export async function writeTransaction<T>(db: Dexie, tables: Table[], scope: () => Promise<T>): Promise<Result<T, WriteFailure>> {
  let transaction: Transaction | undefined;
  try {
    const value = await db.transaction('rw', tables, () => {
      transaction = Dexie.currentTransaction;
      return scope();
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof VaultLockedError) return { ok: false, reason: 'locked' };
    if (!(error instanceof Dexie.DexieError) && !(error instanceof DOMException)) throw error;
    // An abort's real cause (e.g. a full disk at commit) is the transaction's own error; the request
    // that happened to be pending only saw a generic AbortError.
    return { ok: false, reason: classifyStorageError(error, transaction?.idbtrans?.error) };
  }
}
