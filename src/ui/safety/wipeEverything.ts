import { clearOriginData, type OriginDataLeft } from '../../platform/clearOriginData';
import type { DalaStore } from '../../store/storeApi';

/** User Timing marks around the panic wipe (bench/panicWipe reads them; they carry no data). */
export const PANIC_MARKS = { start: 'dala:panic-wipe', keyGone: 'dala:key-material-gone', done: 'dala:wipe-done' } as const;

/**
 * The whole panic wipe: the store first (key material, then its database), then everything else the origin
 * keeps (other databases, Web Storage, caches but the app shell). True when nothing was left behind.
 */
export async function wipeEverything(store: DalaStore, clearOrigin: () => Promise<OriginDataLeft> = clearOriginData): Promise<boolean> {
  performance.mark(PANIC_MARKS.start);
  const wiped = await store.panicWipe({ onKeyMaterialGone: () => performance.mark(PANIC_MARKS.keyGone) });
  const left = await clearOrigin();
  performance.mark(PANIC_MARKS.done);
  return wiped.ok && left.length === 0;
}
