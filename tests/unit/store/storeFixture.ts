// The format of tests/unit/store/fixtures/v<N>.json: a raw dump of a database written by schema
// version N, plus what its owner saved, so that later code can be checked to still open it.
import { Dexie } from 'dexie';
import type { ReportVersionRecord, Settings } from '../../../src/store/storeApi';

export interface StoreFixture {
  /** The Dexie schema version that wrote the rows. */
  readonly schemaVersion: number;
  /** That version's stores definition, frozen here so that editing a shipped schema entry is caught. */
  readonly stores: Readonly<Record<string, string>>;
  readonly passphrase: string;
  readonly rows: Readonly<Record<string, readonly unknown[]>>;
  readonly expected: {
    readonly deviceId: string;
    readonly histories: readonly (readonly ReportVersionRecord[])[];
    readonly drafts: Readonly<Record<string, unknown>>;
    readonly settings: Settings;
    readonly failedUnlocks: number;
  };
}

/** JSON has no bytes: Uint8Array fields are written as { "$bytes": "<base64>" }. */
export function fixtureReplacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { $bytes: Buffer.from(value).toString('base64') } : value;
}

export function fixtureReviver(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 1 && '$bytes' in value) {
    return new Uint8Array(Buffer.from(String(value.$bytes), 'base64'));
  }
  return value;
}

export function parseFixture(json: string): StoreFixture {
  return JSON.parse(json, fixtureReviver) as StoreFixture;
}

/** Recreates the fixture's database exactly as that schema version laid it out, without the app. */
export async function restoreFixture(fixture: StoreFixture, dbName: string): Promise<void> {
  const db = new Dexie(dbName);
  db.version(fixture.schemaVersion).stores(fixture.stores);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.rows)) await db.table(table).bulkAdd([...rows]);
  });
  db.close();
}
