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
  /**
   * The duress header (see duressHeader.ts): always present, random when no duress passphrase is set, so
   * the row looks the same either way. Absent only in rows written before it existed; filled in at unlock.
   */
  readonly duress?: DuressHeader;
  /**
   * Wipe after this many failed unlocks in a row; 0 = off (see failedUnlockPolicy.ts). In the clear
   * because it is read before unlock: a policy number, not content. Absent in older rows = off.
   */
  readonly failedUnlockLimit?: number;
}

/** A second Argon2id header whose KEK opens `marker` only for the duress passphrase. Non-indexed: no schema bump. */
export interface DuressHeader {
  readonly kdf: StoredKdfParams;
  /** secretbox(duress KEK, 32 random bytes) when set; 72 random bytes otherwise (indistinguishable). */
  readonly marker: Uint8Array;
  /** One byte (1 = set, 0 = not set) sealed under the data key, so the settings screen can tell. */
  readonly sealedIsSet: Uint8Array;
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
  /** 0 for a 'removed' report: only this row (id and state, no content) is left of it. */
  readonly latestVersion: number;
  readonly state: ReportState;
}

/**
 * A saved version starts 'unsealed'; once an organisation is joined it is sealed into a bundle
 * ('sealed', the bundle's bytes stored before any upload), is delivered when a relay has it, and
 * 'acknowledged' when a coordinator's receipt names its counter (a new value, not a new index: no bump).
 * Delivery is recorded on the bundle row alone: the row stays 'sealed'. Older databases wrote 'delivered'
 * on each row; both forms mean the same (readers derive it: undeliveredVersions.ts).
 */
export type OutboxState = 'unsealed' | 'sealed' | 'delivered' | 'acknowledged';

export interface OutboxRow {
  /** The per-device counter of the version this row carries: also its upload order. */
  readonly counter: number;
  readonly reportId: string;
  readonly version: number;
  readonly state: OutboxState;
  /** From schema v2: the firstCounter of the bundle that carries this version, once sealed. */
  readonly bundle?: number;
}

export interface DraftRow {
  readonly draftKey: string;
  readonly sealed: Uint8Array;
}

export interface SettingsRow {
  readonly id: 'settings';
  readonly sealed: Uint8Array;
}

/** v2: the single row of `organisation`, written when the device joins one (keys pinned from then on). */
export interface OrganisationRow {
  readonly id: 'organisation';
  /** Sealed SealedOrganisation (see organisationRepository.ts): even the organisation's name is sensitive. */
  readonly sealed: Uint8Array;
}

export type BundleState = 'sealed' | 'delivered';

/** v2: one sealed bundle of this device; it carries the outbox versions firstCounter..lastCounter. */
export interface BundleRow {
  readonly firstCounter: number;
  readonly lastCounter: number;
  readonly state: BundleState;
  /**
   * 'sealed': the bundle bytes, sealed again under the data key, so that a seized phone cannot be
   * matched to the bundles a relay holds. Dropped once delivered.
   */
  readonly sealedBytes?: Uint8Array;
  /** 'delivered': sealed { id, seq } of the relay's answer. */
  readonly sealedReceipt?: Uint8Array;
}

/** v2: the single row of `bundleChain`: where this device's bundle chain ends (DESIGN.md §5, P6). */
export interface BundleChainRow {
  readonly id: 'chain';
  /** The lastCounter of the newest sealed bundle. */
  readonly lastCounter: number;
  /** SHA-256 of the newest sealed bundle's bytes, sealed under the data key. */
  readonly sealedHash: Uint8Array;
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
  {
    // Sync (#3): the joined organisation, sealed bundles, and the end of this device's bundle chain.
    // No row of v1 changes: its outbox rows are 'unsealed' and get sealed once an organisation is joined.
    version: 2,
    stores: {
      vault: 'id',
      reportVersions: '[reportId+version], &counter',
      reports: 'reportId, state',
      outbox: 'counter, state, [reportId+version]',
      drafts: 'draftKey',
      settings: 'id',
      counters: 'name',
      organisation: 'id',
      bundles: 'firstCounter, state',
      bundleChain: 'id',
    },
  },
];

/** Names of every table in the current schema (for tests and e2e checks of what is at rest). */
export const STORE_TABLE_NAMES = ['vault', 'reportVersions', 'reports', 'outbox', 'drafts', 'settings', 'counters', 'organisation', 'bundles', 'bundleChain'] as const;

/** The tables sync writes (v2); only written once an organisation is joined. */
export const SYNC_TABLE_NAMES = ['organisation', 'bundles', 'bundleChain'] as const;

export type DalaDatabase = Dexie & {
  vault: Table<VaultRow, 'vault'>;
  reportVersions: Table<ReportVersionRow, [string, number]>;
  reports: Table<ReportRow, string>;
  outbox: Table<OutboxRow, number>;
  drafts: Table<DraftRow, string>;
  settings: Table<SettingsRow, 'settings'>;
  counters: Table<CounterRow, 'device'>;
  organisation: Table<OrganisationRow, 'organisation'>;
  bundles: Table<BundleRow, number>;
  bundleChain: Table<BundleChainRow, 'chain'>;
};

/** Opens (lazily, on first use) the database with every schema version declared. */
export function openDatabase(dbName: string): DalaDatabase {
  // 'strict' makes IndexedDB flush to disk before reporting a commit: "saved" must survive a crash (P4).
  const db = new Dexie(dbName, { chromeTransactionDurability: 'strict' });
  for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores);
  return db as DalaDatabase;
}
