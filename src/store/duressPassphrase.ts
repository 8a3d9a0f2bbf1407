import { wipe } from '../crypto/bytes';
import { deriveKeyOffThread } from '../crypto/deriveKeyOffThread';
import { unwrapKey } from '../crypto/keyWrap';
import { assessPassphrase } from '../domain/passphraseStrength';
import type { DataKeyHolder } from './dataKeyHolder';
import { decoyDuressHeader, duressHeaderFor, duressIsSet } from './duressHeader';
import type { DuressHeader } from './schema';
import type { DuressFailure, Result } from './storeApi';
import type { StoreContext } from './storeContext';
import { VaultLockedError } from './VaultLockedError';
import { hasSafeKdfHeader, newKdfHeader } from './vaultHeader';
import { writeTransaction } from './writeTransaction';

/** Whether a duress passphrase is set; false for rows written before duress headers existed. */
export async function hasDuressPassphrase(ctx: StoreContext, holder: DataKeyHolder): Promise<boolean> {
  if (holder.isWiped()) throw new VaultLockedError('hasDuressPassphrase');
  const row = await ctx.db.vault.get('vault');
  return row?.duress === undefined ? false : duressIsSet(row.duress, holder);
}

/**
 * Sets (or replaces) the duress passphrase: a new salt, and a marker only its KEK opens. Refused when it is
 * the vault's passphrase, which unlock tries first, so it would never wipe. Two derivations.
 */
export async function setDuressPassphrase(ctx: StoreContext, holder: DataKeyHolder, duress: string): Promise<Result<void, DuressFailure>> {
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  if (!assessPassphrase(duress).acceptable) return { ok: false, reason: 'passphrase-too-weak' };
  let row;
  try {
    row = await ctx.db.vault.get('vault');
  } catch {
    return { ok: false, reason: 'storage-error' };
  }
  if (row === undefined || !hasSafeKdfHeader(row)) return { ok: false, reason: 'storage-error' };

  const asReal = await deriveKeyOffThread(duress, row.kdf);
  const opensReal = unwrapKey(asReal, row.wrappedDataKey);
  wipe(asReal);
  if (opensReal.ok) {
    wipe(opensReal.key);
    return { ok: false, reason: 'same-as-passphrase' };
  }

  const kdf = newKdfHeader(ctx.kdf);
  const kek = await deriveKeyOffThread(duress, kdf);
  let header: DuressHeader;
  try {
    header = duressHeaderFor(kdf, kek, holder);
  } catch (error) {
    if (error instanceof VaultLockedError) return { ok: false, reason: 'locked' };
    throw error;
  } finally {
    wipe(kek);
  }
  return writeDuressHeader(ctx, header);
}

/** Replaces the duress header with a decoy: the row looks exactly as before a duress passphrase was set. */
export async function clearDuressPassphrase(ctx: StoreContext, holder: DataKeyHolder): Promise<Result<void, 'locked' | 'storage-full' | 'storage-error'>> {
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  return writeDuressHeader(ctx, decoyDuressHeader(ctx.kdf, holder));
}

async function writeDuressHeader(ctx: StoreContext, duress: DuressHeader): Promise<Result<void, 'locked' | 'storage-full' | 'storage-error'>> {
  const written = await writeTransaction(ctx.db, [ctx.db.vault], () => ctx.db.vault.update('vault', { duress }));
  if (!written.ok) return written;
  return written.value === 1 ? { ok: true, value: undefined } : { ok: false, reason: 'storage-error' };
}
