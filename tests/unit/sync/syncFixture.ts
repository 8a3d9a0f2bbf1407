// What a store fixture written since schema v2 holds beyond tests/unit/store/storeFixture.ts: the joined
// organisation and the sync state, so later code can be checked to continue them (same keys, same chain).
import type { StoreFixture } from '../store/storeFixture';
import type { Organisation, OutboxSummary, ReportState } from '../../../src/store/storeApi';

export interface SyncFixture extends StoreFixture {
  readonly sync: {
    readonly organisation: Organisation;
    /** Ids (base64url SHA-256) of the bundles sealed but not delivered, oldest first. */
    readonly unsentBundleIds: readonly string[];
    /** Id of the newest sealed bundle: the next bundle must chain to it. */
    readonly lastBundleId: string;
    readonly lastCounter: number;
    readonly reportStates: Readonly<Record<string, ReportState>>;
    readonly outboxSummary: OutboxSummary;
  };
}

export function isSyncFixture(fixture: StoreFixture): fixture is SyncFixture {
  return 'sync' in fixture;
}
