import { randomBytes } from 'node:crypto';
import { RelayStore } from '../src/relay/RelayStore';
import type { TimedInserts } from './bareSqliteInserts';

const MAILBOX_ID = 'YmVuY2gtcmVsYXktc3RvcmU';

/**
 * The relay's storage layer alone: RelayStore.putBundle (duplicate check, quota, insert, durable commit)
 * into a fresh data folder `dir`, without HTTP.
 */
export function relayStoreInserts(dir: string): TimedInserts {
  const opened = RelayStore.open(dir, Number.MAX_SAFE_INTEGER);
  if (!opened.ok) throw new Error(`relayStoreInserts: ${dir} holds a newer schema`);
  const { store } = opened;
  store.createMailbox(MAILBOX_ID, { uploadTokenHash: randomBytes(32), pullTokenHash: randomBytes(32) });
  return {
    insert(bundles) {
      const start = performance.now();
      for (const bundle of bundles) {
        const result = store.putBundle(MAILBOX_ID, bundle.id, bundle.bytes, 0);
        if (result.kind !== 'stored') throw new Error(`relayStoreInserts: putBundle answered ${result.kind}`);
      }
      return performance.now() - start;
    },
    close: () => store.close(),
  };
}
