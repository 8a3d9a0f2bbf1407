import type { DataKeyHolder } from './dataKeyHolder';
import type { Result, SaveFailure } from './storeApi';
import type { StoreContext } from './storeContext';
import { VaultLockedError } from './VaultLockedError';
import { writeTransaction } from './writeTransaction';

const SEALED_DRAFT_FORMAT = 1;

function checkDraftKey(draftKey: string, operation: string): void {
  if (typeof draftKey !== 'string' || draftKey.length === 0) throw new TypeError(`${operation}: draftKey must be a non-empty string`);
}

/**
 * Encrypted autosave of any JSON value. The draftKey is stored in the clear (it is an id, e.g. a
 * record id from newRecordId(), never text the monitor typed) and repeated inside the ciphertext.
 */
export async function saveDraftRecord(ctx: StoreContext, holder: DataKeyHolder, draftKey: string, data: unknown): Promise<Result<void, SaveFailure>> {
  checkDraftKey(draftKey, 'saveDraft');
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  // Throws TypeError for data JSON cannot carry: a caller bug, not an expected failure.
  const sealed = holder.seal({ format: SEALED_DRAFT_FORMAT, draftKey, data }, 'saveDraft');
  const written = await writeTransaction(ctx.db, [ctx.db.drafts], () => ctx.db.drafts.put({ draftKey, sealed }));
  return written.ok ? { ok: true, value: undefined } : written;
}

/** The saved draft, or undefined if there is none. */
export async function loadDraftRecord(ctx: StoreContext, holder: DataKeyHolder, draftKey: string): Promise<unknown> {
  checkDraftKey(draftKey, 'loadDraft');
  if (holder.isWiped()) throw new VaultLockedError('loadDraft');
  const row = await ctx.db.drafts.get(draftKey);
  if (row === undefined) return undefined;
  const payload = holder.open(row.sealed, 'loadDraft') as { format?: unknown; draftKey?: unknown; data?: unknown };
  if (payload.format !== SEALED_DRAFT_FORMAT || payload.draftKey !== draftKey) throw new Error('loadDraft: a drafts row does not match its sealed payload');
  return payload.data;
}

export async function deleteDraftRecord(ctx: StoreContext, holder: DataKeyHolder, draftKey: string): Promise<void> {
  checkDraftKey(draftKey, 'deleteDraft');
  if (holder.isWiped()) throw new VaultLockedError('deleteDraft');
  await ctx.db.drafts.delete(draftKey);
}
