import { wipe } from '../crypto/bytes';
import { deriveKeyOffThread } from '../crypto/deriveKeyOffThread';
import { unwrapKey } from '../crypto/keyWrap';
import { assessPassphrase } from '../domain/passphraseStrength';
import type { DataKeyHolder } from './dataKeyHolder';
import { hasSafeDuressHeader, opensDuressMarker } from './duressHeader';
import type { ChangePassphraseFailure, Result } from './storeApi';
import type { StoreContext } from './storeContext';
import { hasSafeKdfHeader, newKdfHeader } from './vaultHeader';
import { writeTransaction } from './writeTransaction';

/**
 * Verifies the current passphrase against the stored header, checks the new one is not the duress
 * passphrase, then re-wraps the SAME data key under
 * a new salt and KEK. Nothing else is re-encrypted: only the vault row's header and wrapped key change.
 */
export async function changeVaultPassphrase(
  ctx: StoreContext,
  holder: DataKeyHolder,
  current: string,
  next: string,
): Promise<Result<void, ChangePassphraseFailure>> {
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  if (!assessPassphrase(next).acceptable) return { ok: false, reason: 'passphrase-too-weak' };
  let row;
  try {
    row = await ctx.db.vault.get('vault');
  } catch {
    return { ok: false, reason: 'storage-error' };
  }
  if (row === undefined || !hasSafeKdfHeader(row)) return { ok: false, reason: 'storage-error' };

  const currentKek = await deriveKeyOffThread(current, row.kdf);
  const unwrapped = unwrapKey(currentKek, row.wrappedDataKey);
  wipe(currentKek);
  if (!unwrapped.ok) return { ok: false, reason: 'wrong-passphrase' };
  const same = holder.matches(unwrapped.key);
  wipe(unwrapped.key);
  if (!same) return { ok: false, reason: holder.isWiped() ? 'locked' : 'wrong-passphrase' };
  if (row.duress !== undefined && hasSafeDuressHeader(row.duress)) {
    // Unlock tries the real passphrase first, so a passphrase equal to the duress one would never wipe.
    const duressKek = await deriveKeyOffThread(next, row.duress.kdf);
    const matches = opensDuressMarker(duressKek, row.duress);
    wipe(duressKek);
    if (matches) return { ok: false, reason: 'matches-duress' };
  }

  const kdf = newKdfHeader(ctx.kdf);
  const nextKek = await deriveKeyOffThread(next, kdf);
  try {
    const written = await writeTransaction(ctx.db, [ctx.db.vault], () =>
      ctx.db.vault.update('vault', { kdf, wrappedDataKey: holder.wrapUnder(nextKek, 'changePassphrase') }),
    );
    if (!written.ok) return written;
    return written.value === 1 ? { ok: true, value: undefined } : { ok: false, reason: 'storage-error' };
  } finally {
    wipe(nextKek);
  }
}
