import { Dexie } from 'dexie';

/** Names browsers use for "the disk or the origin's quota is full" (Firefox's legacy name included). */
const QUOTA_NAMES: ReadonlySet<string> = new Set([Dexie.errnames.QuotaExceeded, 'QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * True if the error, or any error it wraps, says the storage quota is exhausted. Dexie wraps the
 * browser's error (AbortError.inner, ModifyError/BulkError.failures), so the whole chain is searched.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (depth > 8 || typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  const wrapped: unknown[] = [e.inner, e.cause];
  if (Array.isArray(e.failures)) wrapped.push(...(e.failures as unknown[]));
  else if (typeof e.failures === 'object' && e.failures !== null) wrapped.push(...Object.values(e.failures));
  return wrapped.some((inner) => isQuotaExceeded(inner, depth + 1));
}

/** Maps a failed write (and any related errors, e.g. its transaction's) to the closed reasons the contract allows. */
export function classifyStorageError(...errors: unknown[]): 'storage-full' | 'storage-error' {
  return errors.some((error) => isQuotaExceeded(error)) ? 'storage-full' : 'storage-error';
}
