// The IndexedDB schema of the device store (DESIGN.md §3, P1).
// In the clear: ids, states, counters, the KDF header and the wrapped data key. Every other field is
// `sealed`: encryptWithKey(dataKey, utf8(JSON)) bytes.
//
// EVERY NEW SCHEMA VERSION NEEDS A MIGRATION TEST: append it to SCHEMA_VERSIONS (never edit a shipped
// entry, add an .upgrade() where rows change), then run tests/unit/store/fixtures/writeStoreFixture.ts
// once and commit its v<N>.json. tests/unit/store/migrations.test.ts fails until every version has a
// fixture, and opens each older fixture with the current code, so every upgrade path stays tested.
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import type { ReportState } from './storeApi';

export interface StoredKdfParams {
  readonly algorithm: 'argon2id';
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
  readonly salt: Uint8Array;
}

/** The single row of `vault`. */
export interface VaultRow {
  readonly id: 'vault';
  readonly kdf: StoredKdfParams;
  /** The data key wrapped under Argon2id(passphrase): nonce || secretbox. */
  readonly wrappedDataKey: Uint8Array;
  /** Written before every unlock attempt, reset to 0 on success (P5). */
  readonly failedUnlocks: number;
  /** The device's Ed25519 secret key (64 bytes, seed || public key) sealed under the data key. */
  readonly sealedIdentity: Uint8Array;
}

export interface ReportVersionRow {
  readonly reportId: string;
  readonly version: number;
  readonly counter: number;
  /** Sealed SealedReportVersion (see reportRepository.ts). */
  readonly sealed: Uint8Array;
}

export interface ReportRow {
  readonly reportId: string;
  readonly latestVersion: number;
  readonly state: ReportState;
}

/** Sync (#3) adds the sealed bundle bytes and later states; a saved version starts as 'unsealed'. */
export type OutboxState = 'unsealed';

export interface OutboxRow {
  /** The per-device counter of the version this row carries: also its upload order. */
  readonly counter: number;
  readonly reportId: string;
  readonly version: number;
  readonly state: OutboxState;
}

export interface DraftRow {
  readonly draftKey: string;
  readonly sealed: Uint8Array;
}

export interface SettingsRow {
  readonly id: 'settings';
  readonly sealed: Uint8Array;
}

export interface CounterRow {
  readonly name: 'device';
  /** The last counter value handed out; the next saved version takes value + 1. */
  readonly value: number;
}

/** Every schema version ever shipped, oldest first. Append only. */
export const SCHEMA_VERSIONS: readonly { readonly version: number; readonly stores: Readonly<Record<string, string>> }[] = [
  {
    version: 1,
    stores: {
      vault: 'id',
      reportVersions: '[reportId+version], &counter',
      reports: 'reportId, state',
      outbox: 'counter, state, [reportId+version]',
      drafts: 'draftKey',
      settings: 'id',
      counters: 'name',
    },
  },
];

/** Names of every table in the current schema (for tests and e2e checks of what is at rest). */
export const STORE_TABLE_NAMES = ['vault', 'reportVersions', 'reports', 'outbox', 'drafts', 'settings', 'counters'] as const;

export type DalaDatabase = Dexie & {
  vault: Table<VaultRow, 'vault'>;
  reportVersions: Table<ReportVersionRow, [string, number]>;
  reports: Table<ReportRow, string>;
  outbox: Table<OutboxRow, number>;
  drafts: Table<DraftRow, string>;
  settings: Table<SettingsRow, 'settings'>;
  counters: Table<CounterRow, 'device'>;
};

/** Opens (lazily, on first use) the database with every schema version declared. */
export function openDatabase(dbName: string): DalaDatabase {
  // 'strict' makes IndexedDB flush to disk before reporting a commit: "saved" must survive a crash (P4).
  const db = new Dexie(dbName, { chromeTransactionDurability: 'strict' });
  for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores);
  return db as DalaDatabase;
}
